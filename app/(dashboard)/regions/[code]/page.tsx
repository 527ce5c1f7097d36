import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { leagueOptions } from "@/db/queries/breakdown";
import { getRegionProfile } from "@/db/queries/profile";
import { profileQuery } from "@/lib/api/profile";
import { canUpload } from "@/lib/auth/permissions";
import { dashboardFilters, parseDashboardFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { regionCode } from "@/lib/schemas";
import { requireViewer } from "@/server/auth/page";
import { dashboardMetadata } from "@/server/dashboard-page";
import { RegionProfileClient } from "./client";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props) {
  const [{ code }, query] = await Promise.all([params, searchParams]);
  return dashboardMetadata("profile", dashboardFilters, Promise.resolve({ ...query, region: code }));
}

/** 地区概况: parse the region from the path and the period from the URL, prefetch, hand over to the client. */
export default async function RegionProfilePage({ params, searchParams }: Props) {
  const code = regionCode.safeParse((await params).code);
  const parsed = parseDashboardFilters(await searchParams);
  if (!code.success || !parsed.success) notFound();
  const viewer = await requireViewer();
  const filters = { period: parsed.data.period };
  const db = await getDb();
  const [profile, leagues] = await Promise.all([
    getRegionProfile(db, viewer, { region: code.data, ...filters }),
    leagueOptions(db),
  ]);
  if (!profile) notFound();

  const queryClient = getQueryClient();
  queryClient.setQueryData(profileQuery(code.data, filters).queryKey, profile);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RegionProfileClient region={code.data} filters={filters} leagues={leagues} canUpload={canUpload(viewer)} />
    </HydrationBoundary>
  );
}
