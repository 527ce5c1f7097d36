"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ChartPanel, type ChartTable } from "@/components/charts/chart-panel";
import { useMetricFormat } from "@/components/rankings/metric-format";
import { metricKind, type RankingMetric, type RankingRow, rankingQuery } from "@/lib/api/rankings";
import { type MapMeasure, mapClasses, mapMeasures } from "@/lib/map-classes";
import { regionName } from "@/lib/region-name";
import type { RegionPath } from "@/lib/types";
import { type Period, periodKey } from "@/lib/view";
import { RegionMap } from "./lazy-region-map";
import { mapParent } from "./shapes";
import type { MapDatum } from "./types";

type Props = {
  region: RegionPath;
  period?: Period;
  /** The page's ranking metrics, the first the default (lib/api/rankings.ts PAGE_METRICS). */
  metrics: readonly RankingMetric[];
  /** Where a click on a region goes: the page's URL for that region, as a click on its bar. */
  onSelect: (code: string) => void;
};

const measureOf = (row: RankingRow, measure: MapMeasure) =>
  measure === "value" ? row.value : measure === "change" ? row.change : row.rank;

/**
 * The ranking's figures as a map: the same values (one request, the ranking's own query), by
 * value, change or rank, with the table of ChartPanel as the keyboard and screen-reader view and
 * the same downloads. Functional zones have no boundaries: they are listed beside the map.
 */
export function MapPanel({ region, period, metrics, onSelect }: Props) {
  const t = useTranslations("map");
  const tRank = useTranslations("rankings");
  const locale = useLocale();
  const show = useMetricFormat();
  const metricId = useId();
  const measureId = useId();
  const [metric, setMetric] = useState<RankingMetric>(metrics[0]);
  const [measure, setMeasure] = useState<MapMeasure>("value");
  const { parent, selected } = mapParent(region);
  const { data } = useQuery({ ...rankingQuery({ region: parent, period, metric }), placeholderData: keepPreviousData });

  const shown = data?.metric ?? metric;
  const rows = (data?.rows ?? []).filter((row) => !row.own);
  const display = (value: number | null) =>
    measure === "rank"
      ? value === null
        ? "—"
        : t("rankOne", { rank: value })
      : show(value, shown, measure === "change");
  const datum = (row: RankingRow): MapDatum => {
    const value = measureOf(row, measure);
    const figure = display(value);
    return {
      code: row.code,
      label: regionName(row, locale),
      value,
      display: measure === "rank" || row.rank === null ? figure : t("tooltip", { value: figure, rank: row.rank }),
    };
  };
  const mapData = rows.map(datum);
  const values = mapData.flatMap((d) => (d.value === null ? [] : [d.value]));
  const classes = mapClasses(values, measure, (from, to) =>
    measure === "rank"
      ? from === to
        ? t("rankOne", { rank: from })
        : t("rankClass", { from, to })
      : from === to
        ? display(from)
        : `${display(from)} – ${display(to)}`,
  );
  const metricLabel = tRank(`metrics.${shown}`);
  const title = t("heading", { region: regionName(data?.region ?? region, locale), metric: metricLabel });
  const kind = metricKind(shown);
  const table: ChartTable = {
    columns: [
      { label: tRank("columns.region") },
      { label: metricLabel, kind },
      { label: tRank("columns.rank"), kind: "integer" },
      { label: tRank("columns.change"), kind },
    ],
    rows: rows.map((row) => [regionName(row, locale), row.value, row.rank, row.change]),
  };
  const select = "max-w-full rounded border border-line bg-surface px-2 py-1 text-sm";

  return (
    <ChartPanel
      title={title}
      table={table}
      fileName={`${regionName(data?.region ?? region, locale)}-${t("title")}-${metricLabel}${data ? `-${periodKey(data.period)}` : ""}`}
      testId="map-panel"
    >
      <div className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-2" data-export-skip>
        {metrics.length > 1 && (
          <>
            <label htmlFor={metricId} className="text-sm text-muted">
              {tRank("metric")}
            </label>
            <select
              id={metricId}
              className={select}
              value={metric}
              onChange={(e) => setMetric(e.target.value as RankingMetric)}
              data-testid="map-metric"
            >
              {metrics.map((m) => (
                <option key={m} value={m}>
                  {tRank(`metrics.${m}`)}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor={measureId} className="text-sm text-muted">
          {t("measure")}
        </label>
        <select
          id={measureId}
          className={select}
          value={measure}
          onChange={(e) => setMeasure(e.target.value as MapMeasure)}
          data-testid="map-measure"
        >
          {mapMeasures.map((m) => (
            <option key={m} value={m}>
              {t(`measures.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <RegionMap
        parent={parent}
        selected={selected}
        data={mapData}
        classes={classes}
        onSelect={(code) => {
          if (rows.find((row) => row.code === code)?.drillable || selected) onSelect(code);
        }}
        title={title}
        height={460}
      />
      <p className="mt-2 text-xs text-muted" data-testid="map-schematic">
        {t("schematic")}
        {parent === "150000" && ` ${t("rootNote")}`}
      </p>
    </ChartPanel>
  );
}
