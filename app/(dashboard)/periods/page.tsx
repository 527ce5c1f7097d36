import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listPeriods, periodYears } from "@/db/queries/periods";
import { getRegionPath } from "@/db/queries/regions";
import { periodsQuery } from "@/lib/api/periods";
import { canManagePeriods } from "@/lib/auth/permissions";
import { todayInChina } from "@/lib/calendar";
import { parseLeniently, periodPageFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { requireViewer } from "@/server/auth/page";
import { pageMetadata } from "@/server/dashboard-page";
import { PeriodsClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export function generateMetadata() {
  return pageMetadata("periods");
}

/**
 * 报送周期: the year's reporting periods, their deadlines and locks, and how the viewer's home
 * region stands in each. Everyone signed in may look; the buttons are those the rules allow.
 */
export default async function PeriodsPage({ searchParams }: Props) {
  const { data } = parseLeniently(periodPageFilters, await searchParams);
  const viewer = await requireViewer();
  const db = await getDb();
  const [opened, home] = await Promise.all([periodYears(db), getRegionPath(db, viewer.regionCode)]);
  if (!home) notFound();
  const thisYear = Number(todayInChina().slice(0, 4));
  const year = data.year ?? opened[0] ?? thisYear;
  const years = [...new Set([thisYear + 1, thisYear, year, ...opened])].sort((a, b) => b - a);

  const queryClient = getQueryClient();
  queryClient.setQueryData(periodsQuery(year).queryKey, { periods: await listPeriods(db, viewer, year) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PeriodsClient year={year} years={years} home={home} canManage={canManagePeriods(viewer)} />
    </HydrationBoundary>
  );
}
