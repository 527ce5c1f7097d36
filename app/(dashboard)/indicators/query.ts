import { queryOptions } from "@tanstack/react-query";
import { indicatorSearch } from "@/app/(dashboard)/indicators/search-params";
import type { Scorecard } from "@/db/queries/indicators";
import { getJson } from "@/lib/api";

// Types only (erased when compiled): the shape the query returns is the shape the API sends.
export type {
  IndicatorAcross,
  IndicatorFigure,
  IndicatorPoint,
  IndicatorStatus,
  Scorecard,
} from "@/db/queries/indicators";

type Period = { region: string; year?: number; quarter?: number };

/** The chosen indicator is not part of the key: one answer holds every indicator of the period. */
export const scorecardKey = ({ region, year, quarter }: Period) =>
  ["indicators", region, year ?? "latest", quarter ?? "year"] as const;

export const scorecardQuery = (filters: Period) =>
  queryOptions({
    queryKey: scorecardKey(filters),
    queryFn: () =>
      getJson<Scorecard>(
        `/api/indicators${indicatorSearch({ region: filters.region, year: filters.year, quarter: filters.quarter })}`,
      ),
  });
