import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ViewNoticeBanner } from "@/components/layout/view-notice";
import { leagueOptions } from "@/db/queries/breakdown";
import { getOutstanding } from "@/db/queries/outstanding";
import { outstandingQuery } from "@/lib/api/outstanding";
import { AccessDenied } from "@/lib/auth/errors";
import { outstandingScope } from "@/lib/auth/permissions";
import { outstandingFilters } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { dashboardMetadata, openDashboard } from "@/server/dashboard-page";
import { OutstandingClient, type RegionChoice } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export function generateMetadata({ searchParams }: Props) {
  return dashboardMetadata("outstanding", outstandingFilters, searchParams);
}

/** Who has not reported: parse the URL, list the missing reports on the server, hand over to the client. */
export default async function OutstandingPage({ searchParams }: Props) {
  const { viewer, filters, db, notice } = await openDashboard(outstandingFilters, searchParams);
  const [view, leagues] = await Promise.all([
    getOutstanding(db, viewer, filters).catch((error) => {
      if (error instanceof AccessDenied) return "denied" as const;
      throw error;
    }),
    leagueOptions(db),
  ]);
  if (view === "denied") {
    const t = await getTranslations("outstanding");
    return (
      <p role="alert" className="rounded-lg border border-line bg-surface p-6 text-center text-muted">
        {t("denied")}
      </p>
    );
  }
  if (!view) notFound();

  // The regions the viewer may list: their own and those below it (lib/auth/permissions.ts outstandingScope).
  const scope = outstandingScope(viewer);
  const choices: RegionChoice[] = [
    ...(scope === "all" ? view.region.path.slice(0, 1).map((root) => ({ ...root, depth: 0 })) : []),
    ...leagues.flatMap((league) => [
      { code: league.code, nameZh: league.nameZh, nameEn: league.nameEn, depth: 1, league: league.code },
      ...league.banners.map((b) => ({ ...b, depth: 2, league: league.code })),
    ]),
  ].filter(
    (c) =>
      scope === "all" ||
      (scope !== "none" && (c.code === scope.within || ("league" in c && c.league === scope.within))),
  );

  const queryClient = getQueryClient();
  queryClient.setQueryData(outstandingQuery(filters).queryKey, view);
  return (
    <>
      <ViewNoticeBanner notice={notice} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <OutstandingClient filters={filters} choices={choices} />
      </HydrationBoundary>
    </>
  );
}
