import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { leagueOptions } from "@/db/queries/breakdown";
import { getPlaces } from "@/db/queries/places";
import { getRegionProfile } from "@/db/queries/profile";
import { getRegionPath } from "@/db/queries/regions";
import { placesKey } from "@/lib/api/places";
import { profileQuery } from "@/lib/api/profile";
import { canUpload } from "@/lib/auth/permissions";
import { dashboardFilters, parseDashboardFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { regionCode } from "@/lib/schemas";
import type { Period } from "@/lib/view";
import { requireViewer } from "@/server/auth/page";
import { dashboardMetadata } from "@/server/dashboard-page";
import { prefetchPlaces } from "@/server/places-page";
import { RegionProfileClient } from "./client";
import { TownshipClient } from "./township-client";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props) {
  const [{ code }, query] = await Promise.all([params, searchParams]);
  if (isTownship(code)) return townshipMetadata(code);
  return dashboardMetadata("profile", dashboardFilters, Promise.resolve({ ...query, region: code }));
}

/** 地区概况: parse the region from the path and the period from the URL, prefetch, hand over to the client. */
export default async function RegionProfilePage({ params, searchParams }: Props) {
  const raw = (await params).code;
  const parsed = parseDashboardFilters(await searchParams);
  if (!parsed.success) notFound();
  const filters = { period: parsed.data.period };
  if (isTownship(raw)) return <TownshipPage code={raw} period={filters.period} />;
  const code = regionCode.safeParse(raw);
  if (!code.success) notFound();
  const viewer = await requireViewer();
  const db = await getDb();
  const [profile, leagues] = await Promise.all([
    getRegionProfile(db, viewer, { region: code.data, ...filters }),
    leagueOptions(db),
  ]);
  if (!profile) notFound();

  const queryClient = getQueryClient();
  queryClient.setQueryData(profileQuery(code.data, filters).queryKey, profile);
  await prefetchPlaces(queryClient, viewer, profile.region, profile.period);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RegionProfileClient region={code.data} filters={filters} leagues={leagues} canUpload={canUpload(viewer)} />
    </HydrationBoundary>
  );
}

/** A township (9 digits) has no figures of its own: its page lists its villages (docs/data-contract.md §4.10). */
const isTownship = (code: string) => /^[0-9]{9}$/.test(code);

async function townshipMetadata(code: string) {
  const [db, t] = await Promise.all([getDb(), getTranslations("places")]);
  const region = await getRegionPath(db, code);
  return { title: region ? t("townshipHeading", { region: region.nameZh }) : code };
}

async function TownshipPage({ code, period }: { code: string; period?: Period }) {
  const viewer = await requireViewer();
  const list = await getPlaces(await getDb(), viewer, { region: code, period });
  if (!list) notFound();
  const queryClient = getQueryClient();
  queryClient.setQueryData(placesKey({ region: code, period }), list);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TownshipClient region={code} period={period} />
    </HydrationBoundary>
  );
}
