import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getDb } from "@/db/client";
import type { Db } from "@/db/connect";
import { availableYears } from "@/db/queries/overview";
import { getRegionPath } from "@/db/queries/regions";
import { atHome, parseLeniently, type RawParams } from "@/lib/filters";
import { regionName } from "@/lib/region-name";
import type { ViewNotice } from "@/lib/types";
import type { Period } from "@/lib/view";
import { requireViewer } from "@/server/auth/page";

/**
 * The start of every dashboard page: its URL parsed with the page's filters (lib/filters.ts), the
 * signed-in viewer, the region defaulted to the viewer's home region, and the database. A link
 * that does not parse, or names a region that does not exist, falls back to the default view
 * with a notice instead of a 404: people follow old links and mistype codes.
 */
export async function openDashboard<S extends z.ZodType<{ region?: string }>>(
  schema: S,
  searchParams: Promise<RawParams>,
) {
  const { data, dropped } = parseLeniently(schema, await searchParams);
  const viewer = await requireViewer();
  const db = await getDb();
  let filters = atHome(data, viewer);
  let notice: ViewNotice | null = dropped.length ? { kind: "badParameters", parameters: dropped.join("&") } : null;
  if (filters.region !== viewer.regionCode && !(await getRegionPath(db, filters.region))) {
    const home = await getRegionPath(db, viewer.regionCode);
    notice = { kind: "unknownRegion", code: filters.region, home: home ?? { nameZh: viewer.regionCode, nameEn: null } };
    filters = { ...filters, region: viewer.regionCode };
  }
  return { viewer, filters, db, notice };
}

/** The pages with a title of their own, named under `pageTitles` in the messages. */
export type PageTitle =
  | "overview"
  | "projects"
  | "promotions"
  | "adjustments"
  | "evaluations"
  | "jobFit"
  | "arena"
  | "indicators"
  | "youngCadres"
  | "selections"
  | "routineAssessments"
  | "memberCare"
  | "organisations"
  | "reports"
  | "outstanding"
  | "periods"
  | "notices"
  | "review"
  | "submission"
  | "profile"
  | "upload"
  | "uploads"
  | "figures"
  | "users"
  | "audit"
  | "account"
  | "login"
  | "screen";

/** A page's browser title without a view: "数据上传 — 干部担当作为实绩看板" (the root layout adds the product). */
export async function pageMetadata(page: PageTitle): Promise<Metadata> {
  const t = await getTranslations("pageTitles");
  return { title: t(page) };
}

/**
 * A dashboard's browser title names its view, so that tabs and bookmarks tell views apart:
 * "巴彦淖尔市 · 提拔使用 · 2023年 — 干部担当作为实绩看板". Read from the URL as the page reads it.
 */
export async function dashboardMetadata<
  S extends z.ZodType<{ region?: string; period?: Period; year?: number; years?: "all" }>,
>(
  page: PageTitle,
  schema: S,
  searchParams: Promise<RawParams>,
  /** The year the page shows without one in its URL (default: the latest with any figures). */
  latestYear: (db: Db) => Promise<number | undefined> = async (db) => (await availableYears(db))[0],
): Promise<Metadata> {
  const { data: parsed } = parseLeniently(schema, await searchParams);
  // A page that takes a year alone (the outstanding list) names it as its period.
  const data = {
    ...parsed,
    period: parsed.period ?? (parsed.year ? { kind: "year" as const, year: parsed.year } : undefined),
  };
  const viewer = await requireViewer();
  const db = await getDb();
  const [region, latest, t, locale] = await Promise.all([
    getRegionPath(db, data.region ?? viewer.regionCode).then(
      async (found) => found ?? (await getRegionPath(db, viewer.regionCode)),
    ),
    data.period || data.years === "all" ? undefined : latestYear(db),
    getTranslations(),
    getLocale(),
  ]);
  const period: Period | undefined = data.period ?? (latest ? { kind: "year", year: latest } : undefined);
  const when = !period
    ? t("dashFilters.periodAll")
    : period.kind === "range"
      ? t("dashFilters.periodRange", { from: period.from, to: period.to })
      : period.kind === "quarter"
        ? t("dashFilters.periodQuarter", { year: period.year, quarter: period.quarter })
        : t("dashFilters.periodYear", { year: period.year });
  return {
    title: [region ? regionName(region, locale) : null, t(`pageTitles.${page}`), when].filter(Boolean).join(" · "),
  };
}
