"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ChartBarRegions } from "@/components/charts/chart-bar-regions";
import { ChartPanel } from "@/components/charts/chart-panel";
import { RankedBarsPlot } from "@/components/charts/lazy-plots";
import { projectStatsQuery } from "@/lib/api";
import { regionName } from "@/lib/region-name";

type Props = { region: string; year?: number; asOf?: string; hrefWithAsOf: (asOf: string | null) => string };

/**
 * 揭榜挂帅 at a glance: the stage funnel (as of a chosen day) with the conversion from each stage
 * to the next, investment by industry chain, and projects per subordinate region.
 */
export function ProjectsStats({ region, year, asOf, hrefWithAsOf }: Props) {
  const t = useTranslations("projectStats");
  const tl = useTranslations("overview");
  const locale = useLocale();
  const format = useFormatter();
  const router = useRouter();
  const { data } = useQuery(projectStatsQuery({ region, year, asOf }));
  if (!data) return <div className="h-80 animate-pulse rounded-lg bg-line/40" />;

  const funnel = data.funnel.map((step, i) => {
    const previous = i > 0 ? data.funnel[i - 1].projects : null;
    const conversion = previous
      ? format.number(step.projects / previous, { style: "percent", maximumFractionDigits: 0 })
      : "";
    return {
      stage: step.stage,
      projects: step.projects,
      label: conversion ? `${step.projects}（${conversion}）` : String(step.projects),
    };
  });
  const chains = data.byChain.map((c) => ({ ...c, chain: c.chain ?? t("noChain") }));
  const n = (v: number) => format.number(v, { maximumFractionDigits: 2 });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="as-of" className="text-muted">
          {t("asOf")}
        </label>
        <input
          id="as-of"
          type="date"
          value={data.asOf}
          max="2100-12-31"
          onChange={(e) => router.push(hrefWithAsOf(e.target.value || null))}
          className="rounded-md border border-line bg-surface px-2 py-1"
        />
        <span className="text-xs text-muted">{t("asOfHint")}</span>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <ChartPanel
          title={t("funnel")}
          fileName={`${region}-${t("funnel")}`}
          region={region}
          testId="panel-funnel"
          table={{
            columns: [t("stage"), t("projects"), t("conversion")],
            rows: funnel.map((f) => [
              f.stage,
              f.projects,
              f.label.includes("（") ? f.label.split("（")[1].replace("）", "") : "",
            ]),
          }}
        >
          <div style={{ height: 280 }} role="img" aria-label={t("funnel")} data-testid="chart-funnel">
            <RankedBarsPlot
              rows={funnel}
              category="stage"
              categoryWidth={64}
              series={[{ key: "projects", label: t("projects"), color: "var(--series-3)" }]}
              endLabel="label"
              integers
            />
          </div>
        </ChartPanel>
        <ChartPanel
          title={t("byChain")}
          fileName={`${region}-${t("byChain")}`}
          region={region}
          table={{
            columns: [t("chain"), t("projects"), t("planned"), t("funds")],
            rows: chains.map((c) => [c.chain, c.projects, c.plannedInvestment, c.fundsInPlace]),
          }}
        >
          <div style={{ height: 56 + chains.length * 34 }} role="img" aria-label={t("byChain")}>
            <RankedBarsPlot
              rows={chains}
              category="chain"
              categoryWidth={96}
              series={[
                { key: "plannedInvestment", label: t("planned"), color: "var(--series-5)" },
                { key: "fundsInPlace", label: t("funds"), color: "var(--series-1)" },
              ]}
              formatValue={n}
            />
          </div>
        </ChartPanel>
        <ChartPanel
          title={t("byRegion")}
          fileName={`${region}-${t("byRegion")}`}
          region={region}
          table={{
            columns: [tl("region"), t("projects"), t("cadres"), t("funds")],
            rows: data.children.map((c) => [
              c.own ? tl("own", { name: regionName(c, locale) }) : regionName(c, locale),
              c.projects,
              c.cadres,
              c.fundsInPlace,
            ]),
          }}
        >
          <ChartBarRegions
            title={t("byRegion")}
            rows={data.children.map((c) => ({
              code: c.code,
              label: c.own ? tl("own", { name: regionName(c, locale) }) : regionName(c, locale),
              drillable: false,
              projects: c.projects,
            }))}
            series={[{ key: "projects", label: t("projects"), color: "var(--series-3)" }]}
          />
        </ChartPanel>
      </div>
    </div>
  );
}
