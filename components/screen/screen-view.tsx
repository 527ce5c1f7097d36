"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { RegionMap } from "@/components/map/lazy-region-map";
import type { MapDatum } from "@/components/map/types";
import { metricKind, type RankingMetric } from "@/lib/api/rankings";
import type { Screen, ScreenSlide } from "@/lib/api/screen";
import { formatAmountNumber, formatNumber, formatPercent } from "@/lib/format";
import { mapClasses } from "@/lib/map-classes";
import { regionName } from "@/lib/region-name";

/*
 * Sizes follow the viewport (vw with clamp), so that the same screen reads from across a room on
 * a 1080p panel and on a 4K one, and nothing is laid out in fixed pixels that a bigger panel
 * would leave small or a smaller one would cut.
 */
const TEXT = {
  hero: "text-[clamp(28px,2.6vw,120px)]",
  figure: "text-[clamp(26px,2.4vw,110px)]",
  heading: "text-[clamp(16px,1.25vw,56px)]",
  body: "text-[clamp(13px,0.95vw,44px)]",
  small: "text-[clamp(11px,0.75vw,34px)]",
};
const PANEL = "min-h-0 overflow-hidden rounded-[0.6vw] border border-white/10 bg-white/[0.04] p-[0.9vw]";
const RANKING_ROWS = 14;

function useValueFormat() {
  const locale = useLocale();
  const t = useTranslations("screen");
  return useCallback(
    (metric: RankingMetric, value: number | null) => {
      if (value === null) return t("noValue");
      const kind = metricKind(metric);
      if (kind === "percent") return formatPercent(locale, value);
      // The metric's name carries the unit (到位资金（万元）).
      if (kind === "amount") return formatAmountNumber(locale, value);
      return formatNumber(locale, value);
    },
    [locale, t],
  );
}

/** The box's height in CSS pixels, for the map, which takes a height and follows the width. */
function useHeight() {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => setHeight(Math.floor(entry.contentRect.height)));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return [ref, height] as const;
}

export function ScreenView({
  data,
  slideIndex,
  offline,
}: {
  data: Screen;
  slideIndex: number;
  /** Why the view shown may be old: the server cannot be reached, or the session has ended. */
  offline: "offline" | "signedOut" | null;
}) {
  const t = useTranslations("screen");
  const tData = useTranslations("reporting.datasets");
  const locale = useLocale();
  const format = useFormatter();
  const slide = data.slides[slideIndex % data.slides.length];
  const region = regionName(data.region, locale);
  const year = data.period.kind === "range" ? data.period.to : data.period.year;

  return (
    <div
      className="grid h-screen w-screen grid-rows-[auto_minmax(0,1fr)] gap-[0.8vw] overflow-hidden bg-[#0b1220] p-[1.2vw] text-slate-100"
      data-testid="screen"
      data-slide={slide.key}
      data-version={data.version}
    >
      <header className="flex min-w-0 items-end justify-between gap-[1vw]">
        <div className="min-w-0">
          <h1 className={`${TEXT.hero} truncate font-bold leading-tight`} data-testid="screen-title">
            {tData(slide.key)}
          </h1>
          <p className={`${TEXT.heading} truncate text-slate-300`}>
            {t("title", { region })} · {t("period", { year })}
          </p>
        </div>
        <div className={`${TEXT.small} flex shrink-0 flex-col items-end gap-[0.3vw] text-slate-400`}>
          <div className="flex items-center gap-[0.6vw]">
            {offline && (
              <span
                className="rounded-full bg-amber-500/15 px-[0.6vw] py-[0.15vw] text-amber-300"
                data-testid="screen-offline"
                role="status"
              >
                {t(offline)}
              </span>
            )}
            {data.demo && (
              <span className="rounded-full bg-amber-400 px-[0.6vw] py-[0.15vw] font-bold text-slate-950">
                {t("demo")}
              </span>
            )}
            <span>{t("slideOf", { n: slideIndex + 1, count: data.slides.length })}</span>
          </div>
          {data.asOf && (
            <span data-as-of={data.asOf}>
              {t("asOf", { at: format.dateTime(new Date(data.asOf), { dateStyle: "medium", timeStyle: "short" }) })}
            </span>
          )}
        </div>
      </header>

      <div className="grid min-h-0 grid-cols-[minmax(0,1fr)_minmax(0,1.6fr)_minmax(0,1fr)] gap-[0.8vw]">
        <div className="grid min-h-0 grid-rows-[auto_minmax(0,1fr)] gap-[0.8vw]">
          <Figures slide={slide} />
          <RankingList slide={slide} />
        </div>
        <MapPanel slide={slide} region={data.region.code} regionLabel={region} />
        <div className="grid min-h-0 grid-rows-[minmax(0,1fr)_minmax(0,1fr)] gap-[0.8vw]">
          <Approvals data={data} />
          <OutstandingList data={data} />
        </div>
      </div>
    </div>
  );
}

function Figures({ slide }: { slide: ScreenSlide }) {
  const t = useTranslations("screen");
  const tm = useTranslations("screen.metrics");
  const value = useValueFormat();
  const { reported, expected } = slide.completeness;
  return (
    <section className={PANEL} aria-label={t("figures")}>
      <h2 className={`${TEXT.heading} mb-[0.5vw] text-slate-300`}>{t("figures")}</h2>
      <dl className="grid grid-cols-2 gap-x-[1vw] gap-y-[0.6vw]">
        {slide.figures.map((f) => (
          <div key={f.metric} className="min-w-0">
            <dt className={`${TEXT.small} truncate text-slate-400`}>{tm(f.metric)}</dt>
            <dd
              className={`${TEXT.figure} truncate font-bold tabular-nums text-sky-300`}
              data-testid={`screen-figure-${f.metric}`}
            >
              {value(f.metric, f.value)}
            </dd>
          </div>
        ))}
      </dl>
      <p className={`${TEXT.small} mt-[0.5vw] text-slate-400`}>{t("reported", { reported, expected })}</p>
    </section>
  );
}

function RankingList({ slide }: { slide: ScreenSlide }) {
  const t = useTranslations("screen");
  const tm = useTranslations("screen.metrics");
  const locale = useLocale();
  const value = useValueFormat();
  const rows = [...slide.ranking.rows]
    .sort((a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY))
    .slice(0, RANKING_ROWS);
  const max = Math.max(0, ...rows.map((r) => r.value ?? 0));
  return (
    <section className={`${PANEL} flex flex-col`} aria-label={t("ranking", { metric: tm(slide.ranking.metric) })}>
      <h2 className={`${TEXT.heading} mb-[0.4vw] truncate text-slate-300`}>
        {t("ranking", { metric: tm(slide.ranking.metric) })}
      </h2>
      {rows.length === 0 ? (
        <p className={`${TEXT.body} text-slate-400`}>{t("noRows")}</p>
      ) : (
        <ol className="flex min-h-0 flex-1 flex-col justify-start gap-[0.25vw]" data-testid="screen-ranking">
          {rows.map((row) => {
            const name = regionName(row, locale);
            return (
              <li
                key={row.code}
                className={`${TEXT.body} grid grid-cols-[2.2em_minmax(0,1fr)_auto] items-center gap-[0.5vw]`}
              >
                <span className="text-right tabular-nums text-slate-400">{row.rank ?? "·"}</span>
                <span className="relative min-w-0">
                  <span
                    className="absolute inset-y-0 left-0 rounded-sm bg-sky-500/25"
                    style={{ width: `${max > 0 ? ((row.value ?? 0) / max) * 100 : 0}%` }}
                    aria-hidden
                  />
                  <span className="relative block truncate px-[0.3vw]">{row.own ? t("own", { name }) : name}</span>
                </span>
                <span className="tabular-nums">{value(slide.ranking.metric, row.value)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function MapPanel({ slide, region, regionLabel }: { slide: ScreenSlide; region: string; regionLabel: string }) {
  const t = useTranslations("screen");
  const tm = useTranslations("screen.metrics");
  const locale = useLocale();
  const value = useValueFormat();
  const [ref, height] = useHeight();
  const metric = slide.ranking.metric;
  // The same ranking object until the data changes (the query keeps unchanged data as it was), so
  // the map is drawn again only for a new slide or new figures, not for every poll.
  const { data, classes } = useMemo(() => {
    const data: MapDatum[] = slide.ranking.rows
      .filter((r) => !r.own)
      .map((r) => ({ code: r.code, label: regionName(r, locale), value: r.value, display: value(metric, r.value) }));
    const classes = mapClasses(
      data.flatMap((d) => (d.value === null ? [] : [d.value])),
      "value",
      (from, to) => (from === to ? value(metric, from) : `${value(metric, from)} – ${value(metric, to)}`),
      "dark",
    );
    return { data, classes };
  }, [slide.ranking, locale, metric, value]);
  const title = t("map", { region: regionLabel, metric: tm(metric) });
  return (
    <section className={`${PANEL} grid grid-rows-[auto_minmax(0,1fr)]`} aria-label={title}>
      <h2 className={`${TEXT.heading} mb-[0.4vw] truncate text-slate-300`}>{title}</h2>
      <div ref={ref} className="min-h-0">
        {height > 0 && (
          <RegionMap
            parent={region}
            data={data}
            classes={classes}
            selected={region}
            theme="dark"
            height={height}
            title={title}
          />
        )}
      </div>
    </section>
  );
}

function periodLabel(t: ReturnType<typeof useTranslations<"screen">>, year: number, quarter: number | null) {
  return quarter ? t("quarter", { year, quarter }) : t("year", { year });
}

function Approvals({ data }: { data: Screen }) {
  const t = useTranslations("screen");
  const tData = useTranslations("reporting.datasets");
  const locale = useLocale();
  const format = useFormatter();
  return (
    <section className={`${PANEL} flex flex-col`} aria-label={t("approvals")}>
      <h2 className={`${TEXT.heading} mb-[0.4vw] text-slate-300`}>{t("approvals")}</h2>
      {data.approvals.length === 0 ? (
        <p className={`${TEXT.body} text-slate-400`}>{t("approvalsEmpty")}</p>
      ) : (
        <ul className="flex min-h-0 flex-col gap-[0.3vw] overflow-hidden" data-testid="screen-approvals">
          {data.approvals.map((a) => (
            <li
              key={`${a.regionCode}-${a.dataset}-${a.year}-${a.quarter}-${a.at}`}
              className={`${TEXT.body} grid grid-cols-[minmax(0,1fr)_auto] gap-x-[0.5vw]`}
            >
              {/* A zone's long name wraps rather than losing the period at its end. */}
              <span className="min-w-0 [overflow-wrap:anywhere]">
                {regionName({ nameZh: a.nameZh, nameEn: a.nameEn }, locale)} · {tData(a.dataset)} ·{" "}
                {periodLabel(t, a.year, a.quarter)}
              </span>
              <span className={`${TEXT.small} self-center text-slate-400 tabular-nums`}>
                {format.dateTime(new Date(a.at), {
                  month: "numeric",
                  day: "numeric",
                  hour: "2-digit",
                  minute: "2-digit",
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OutstandingList({ data }: { data: Screen }) {
  const t = useTranslations("screen");
  const tData = useTranslations("reporting.datasets");
  const locale = useLocale();
  const outstanding = data.outstanding;
  return (
    <section className={`${PANEL} flex flex-col`} aria-label={t("outstanding", { year: outstanding?.year ?? "" })}>
      <h2 className={`${TEXT.heading} mb-[0.4vw] flex justify-between gap-[0.5vw] text-slate-300`}>
        <span className="truncate">{t("outstanding", { year: outstanding?.year ?? "" })}</span>
        {outstanding && outstanding.total > 0 && (
          <span className="shrink-0 text-amber-300" data-testid="screen-outstanding-total">
            {t("outstandingTotal", { count: outstanding.total })}
          </span>
        )}
      </h2>
      {!outstanding ? (
        <p className={`${TEXT.body} text-slate-400`}>{t("outstandingHidden")}</p>
      ) : outstanding.total === 0 ? (
        <p className={`${TEXT.body} text-emerald-300`}>{t("outstandingNone")}</p>
      ) : (
        <ul className="flex min-h-0 flex-col gap-[0.3vw] overflow-hidden">
          {outstanding.rows.map((row) => (
            <li
              key={`${row.code}-${row.dataset}-${row.quarter}`}
              className={`${TEXT.body} grid grid-cols-[minmax(0,1fr)_auto] gap-x-[0.5vw]`}
            >
              <span className="min-w-0 [overflow-wrap:anywhere]">
                {regionName(row, locale)} · {tData(row.dataset)}
                {row.quarter ? ` · ${periodLabel(t, outstanding.year, row.quarter)}` : ""}
              </span>
              {row.daysOverdue !== null && row.daysOverdue > 0 && (
                <span className={`${TEXT.small} self-center text-amber-300`}>
                  {t("overdue", { days: row.daysOverdue })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
