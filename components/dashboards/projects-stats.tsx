"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ChartBarRegions } from "@/components/charts/chart-bar-regions";
import { ChartPanel } from "@/components/charts/chart-panel";
import { RankedBarsPlot } from "@/components/charts/lazy-plots";
import { PROJECT_COLOURS } from "@/components/charts/palette";
import { useTerm } from "@/components/layout/use-term";
import { projectStatsQuery } from "@/lib/api/projects";
import { amountValue, formatNumber, parenthetical } from "@/lib/format";
import { regionName } from "@/lib/region-name";
import type { Period } from "@/lib/view";

type Props = { region: string; period?: Period; asOf?: string; hrefWithAsOf: (asOf: string | null) => string };

/**
 * 揭榜挂帅 at a glance: the stage funnel (as of a chosen day) with the conversion from each stage
 * to the next, investment by industry chain, and projects per subordinate region.
 */
export function ProjectsStats({ region, period, asOf, hrefWithAsOf }: Props) {
  const t = useTranslations("projectStats");
  const term = useTerm();
  const tl = useTranslations("overview");
  const ts = useTranslations("stages");
  const locale = useLocale();
  const format = useFormatter();
  const router = useRouter();
  const { data } = useQuery(projectStatsQuery({ region, period, asOf }));
  if (!data) return <div className="h-80 animate-pulse rounded-lg bg-line/40" />;

  const funnel = data.funnel.map((step, i) => {
    const previous = i > 0 ? data.funnel[i - 1].projects : null;
    const conversion = previous ? step.projects / previous : null;
    const shown = conversion === null ? "" : format.number(conversion, { style: "percent", maximumFractionDigits: 0 });
    return {
      stage: ts(step.stage),
      projects: step.projects,
      conversion,
      label: formatNumber(locale, step.projects) + (shown ? parenthetical(locale, shown) : ""),
    };
  });
  // Money in the unit the language shows it in (万元, or millions of yuan), the same in the table.
  const chains = data.byChain.map((c) => ({
    ...c,
    chain: c.chain ? term("chains", c.chain) : t("noChain"),
    plannedInvestment: amountValue(locale, c.plannedInvestment),
    fundsInPlace: amountValue(locale, c.fundsInPlace),
  }));

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
          testId="panel-funnel"
          table={{
            columns: [
              { label: t("stage") },
              { label: t("projects"), kind: "integer" },
              { label: t("conversion"), kind: "percent" },
            ],
            rows: funnel.map((f) => [f.stage, f.projects, f.conversion]),
          }}
        >
          <div style={{ height: 280 }} role="img" aria-label={t("funnel")} data-testid="chart-funnel">
            <RankedBarsPlot
              rows={funnel}
              category="stage"
              categoryWidth={locale === "en" ? 92 : 64}
              series={[{ key: "projects", label: t("projects"), color: PROJECT_COLOURS.projects }]}
              endLabel="label"
              integers
            />
          </div>
        </ChartPanel>
        <ChartPanel
          title={t("byChain")}
          fileName={`${region}-${t("byChain")}`}
          table={{
            columns: [
              { label: t("chain") },
              { label: t("projects"), kind: "integer" },
              { label: t("planned"), kind: "amount" },
              { label: t("funds"), kind: "amount" },
            ],
            rows: data.byChain.map((c) => [
              c.chain ? term("chains", c.chain) : t("noChain"),
              c.projects,
              c.plannedInvestment,
              c.fundsInPlace,
            ]),
          }}
        >
          <div style={{ height: 56 + chains.length * 34 }} role="img" aria-label={t("byChain")}>
            <RankedBarsPlot
              rows={chains}
              category="chain"
              categoryWidth={96}
              series={[
                { key: "plannedInvestment", label: t("planned"), color: PROJECT_COLOURS.plannedInvestment },
                { key: "fundsInPlace", label: t("funds"), color: PROJECT_COLOURS.fundsInPlace },
              ]}
            />
          </div>
        </ChartPanel>
        <ChartPanel
          title={t("byRegion")}
          fileName={`${region}-${t("byRegion")}`}
          table={{
            columns: [
              { label: tl("region") },
              { label: t("projects"), kind: "integer" },
              { label: t("cadres"), kind: "integer" },
              { label: t("funds"), kind: "amount" },
            ],
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
            series={[{ key: "projects", label: t("projects"), color: PROJECT_COLOURS.projects }]}
            completeness={data.completeness ?? undefined}
          />
        </ChartPanel>
      </div>
    </div>
  );
}
