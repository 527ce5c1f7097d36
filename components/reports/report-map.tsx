"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { RegionMap } from "@/components/map/lazy-region-map";
import { mapParent } from "@/components/map/shapes";
import { mapClasses } from "@/lib/map-classes";
import { regionName } from "@/lib/region-name";
import type { Overview } from "@/lib/types";

/**
 * The report's map: the compared regions coloured by frontline promotions, the overview's first
 * figure, for the printed page and the Word file (chart-images.ts takes it like the charts).
 */
export function ReportMap({ overview }: { overview: Overview }) {
  const t = useTranslations();
  const locale = useLocale();
  const format = useFormatter();
  const rows = overview.children.filter((row) => !row.own);
  if (rows.length === 0) return null;
  const title = t("map.reportTitle", { metric: t("rankings.metrics.frontline") });
  const data = rows.map((row) => ({
    code: row.code,
    label: regionName(row, locale),
    value: row.promotions.frontline,
    display: format.number(row.promotions.frontline),
  }));
  const classes = mapClasses(
    data.map((d) => d.value),
    "value",
    (from, to) => (from === to ? format.number(from) : `${format.number(from)} – ${format.number(to)}`),
  );
  const { parent, selected } = mapParent(overview.region);
  return (
    <div
      className="mx-auto max-w-2xl bg-white p-2"
      data-report-chart="overview"
      data-title={title}
      data-testid="report-map"
    >
      <p className="mb-1 text-center text-sm font-medium text-ink">{title}</p>
      <RegionMap parent={parent} selected={selected} data={data} classes={classes} title={title} height={420} />
      <p className="mt-1 text-xs text-muted">{t("map.schematic")}</p>
    </div>
  );
}
