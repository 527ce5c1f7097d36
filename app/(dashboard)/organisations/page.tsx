import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ViewNoticeBanner } from "@/components/layout/view-notice";
import { leagueOptions } from "@/db/queries/breakdown";
import { getOrganisations, listOrganisations } from "@/db/queries/organisations";
import { organisationRecordsQuery, organisationsQuery } from "@/lib/api/organisations";
import { canUpload } from "@/lib/auth/permissions";
import { organisationRecordFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { openDashboard } from "@/server/dashboard-page";
import { OrganisationsClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("pageTitles");
  return { title: t("organisations") };
}

/** 基层党组织: the board and the first page of the list, prefetched; the secretary's name as the API gives it. */
export default async function OrganisationsPage({ searchParams }: Props) {
  const { viewer, filters, db, notice } = await openDashboard(organisationRecordFilters, searchParams);
  const [view, list, leagues] = await Promise.all([
    getOrganisations(db, viewer, filters),
    listOrganisations(db, viewer, filters),
    leagueOptions(db),
  ]);
  if (!view) notFound();
  const queryClient = getQueryClient();
  queryClient.setQueryData(organisationsQuery(filters).queryKey, view);
  if (list) queryClient.setQueryData(organisationRecordsQuery(filters).queryKey, list);
  return (
    <>
      <ViewNoticeBanner notice={notice} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <OrganisationsClient filters={filters} leagues={leagues} canUpload={canUpload(viewer)} />
      </HydrationBoundary>
    </>
  );
}
