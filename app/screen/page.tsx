import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getRegionPath } from "@/db/queries/regions";
import { getScreen } from "@/db/queries/screen";
import { toLocale } from "@/i18n/config";
import { SCREEN_INTERVAL, screenKey, screenParams } from "@/lib/api/screen";
import { queryObject } from "@/lib/filters";
import { getQueryClient } from "@/lib/query-client";
import { requireScreenViewer } from "@/server/auth/page";
import { pageMetadata } from "@/server/dashboard-page";
import { apiMessage } from "@/server/http";
import { ScreenClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export function generateMetadata() {
  return pageMetadata("screen");
}

/**
 * /screen?region=<code>&interval=<seconds>: the wall screen. The URL is checked strictly, not
 * leniently as a dashboard's is: nobody stands at a wall screen to notice that it quietly shows
 * another region, so a wrong address says what is wrong instead.
 */
export default async function ScreenPage({ searchParams }: Props) {
  const viewer = await requireScreenViewer();
  const parsed = screenParams.safeParse(queryObject(await searchParams));
  const t = await getTranslations("screen.bad");
  if (!parsed.success) {
    const locale = toLocale(await getLocale());
    const message = parsed.error.issues.map((i) => apiMessage(locale, i.message)).join(" ");
    return <BadAddress title={t("title")} body={t("params", { message })} hint={t("hint")} />;
  }
  const region = parsed.data.region ?? viewer.regionCode;
  const db = await getDb();
  if (!(await getRegionPath(db, region))) {
    return <BadAddress title={t("title")} body={t("region", { code: region })} hint={t("hint")} />;
  }
  const screen = await getScreen(db, viewer, { region });
  const queryClient = getQueryClient();
  queryClient.setQueryData(screenKey(parsed.data.region), screen);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ScreenClient region={parsed.data.region} interval={parsed.data.interval ?? SCREEN_INTERVAL.default} />
    </HydrationBoundary>
  );
}

function BadAddress({ title, body, hint }: { title: string; body: string; hint: string }) {
  return (
    <main
      className="flex h-full flex-col items-center justify-center gap-[1vw] p-[4vw] text-center"
      data-testid="screen-bad"
    >
      <h1 className="font-bold text-[clamp(28px,2.6vw,120px)]">{title}</h1>
      <p className="text-[clamp(16px,1.4vw,64px)] text-amber-300">{body}</p>
      <p className="text-[clamp(13px,1vw,44px)] text-slate-400">{hint}</p>
    </main>
  );
}
