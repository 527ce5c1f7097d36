import { queryOptions } from "@tanstack/react-query";
import { type DashboardFilters, dashboardSearch } from "@/lib/view";
import { type DashboardView, dashboardKey, getJson } from "./client";

/** GET /api/young-cadres: 雏雁行动 of one region, from selection to promotion. */

export type YoungCadreFigures = {
  /** 入选 */
  selected: number;
  /** 参训 */
  trained: number;
  /** 一线岗位锻炼 */
  frontline: number;
  /** 提拔使用 */
  promoted: number;
  /** 参训率, 一线锻炼率, 提拔率: each of those selected; null with none selected. */
  trainedRate: number | null;
  frontlineRate: number | null;
  promotedRate: number | null;
  /** 35岁以下占比 in per cent, weighted by those selected, over the regions that reported it; null if none did. */
  under35Share: number | null;
};

/** Per year rather than per quarter: the programme is reported once a year. */
export type YoungCadresView = Omit<DashboardView<YoungCadreFigures>, "trend"> & {
  /** Every year with figures, oldest first: the programme's course. */
  trend: ({ year: number } & YoungCadreFigures)[];
};

export const youngCadresKey = (filters: DashboardFilters) => dashboardKey("young_cadres", filters);

export const youngCadresQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: youngCadresKey(filters),
    queryFn: () => getJson<YoungCadresView>(`/api/young-cadres${dashboardSearch(filters)}`),
  });
