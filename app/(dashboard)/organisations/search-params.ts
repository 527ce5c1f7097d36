import { type OrganisationListFilters, organisationsSearch } from "@/lib/api/organisations";

/**
 * The URL of /organisations (lib/filters.ts organisationRecordFilters): the region (default the
 * user's home region), the day the terms are judged as of (default today), and the list's measure,
 * township and page.
 */
export type OrganisationPageFilters = OrganisationListFilters;

/** Another region: the list starts again with everything, as of the same day. */
export const organisationsHref = ({ region, asOf }: OrganisationPageFilters) =>
  `/organisations${organisationsSearch({ region, asOf })}`;

/** A count opened as the list (a measure, a township), or another page of it, in the same view. */
export const organisationsListHref = (filters: OrganisationPageFilters) =>
  `/organisations${organisationsSearch(filters)}#list`;
