import { isComplete, metricKind } from "@/lib/api/rankings";
import type { ReportData, ReportSection } from "@/lib/api/reports";
import { adjustmentTypes, arenaLevels, projectStages, promotionFields } from "@/lib/contract";
import { formatAmount, formatNumber, formatPercent } from "@/lib/format";
import { regionName } from "@/lib/region-name";
import type { ExportTable } from "@/lib/spreadsheet";
import type { ChildFigures, HeadlineDataset, RegionRef } from "@/lib/types";
import type { Period } from "@/lib/view";

/**
 * The 情况通报 as text and tables, written from the dashboards' answers (ReportData) in the
 * register a department writes in. Pure: the report page, the Word file, the tests and the
 * benchmark all build the same document from the same data and messages.
 */

/** next-intl's translator over the whole message tree (server `createTranslator`, client `useTranslations()`). */
export type Translate = ((key: string, values?: Record<string, string | number>) => string) & {
  has(key: string): boolean;
};

/** A report's tables are the downloads' tables: columns that say what kind of figure they hold. */
export type ReportTable = ExportTable;
export type ReportBlock = { section: ReportSection; heading: string; paragraphs: string[]; tables: ReportTable[] };
export type ReportDocument = {
  title: string;
  /** Region and period, for the running header. */
  region: string;
  period: string;
  /** "数据截至 …", or the line saying nothing is published. */
  asOf: string;
  /** The 演示数据 note, and its short mark for the running header, while demo data is loaded. */
  demo: string | null;
  demoMark: string | null;
  notesHeading: string;
  notes: string[];
  /** The footer's page numbering, with `{current}` and `{total}` where the numbers go. */
  pageLabel: string;
  blocks: ReportBlock[];
};

type Context = { t: Translate; locale: string };

export function periodText(t: Translate, period: Period): string {
  if (period.kind === "range") return t("reports.period.range", { from: period.from, to: period.to });
  if (period.kind === "quarter") return t("reports.period.quarter", { year: period.year, quarter: period.quarter });
  return t("reports.period.year", { year: period.year });
}

/** 全市, 全旗, 全区 …: the last character of a Chinese region name says what kind of place it is. */
function scopeWord(region: RegionRef): string {
  return region.level === "autonomous_region" ? "区" : region.nameZh.slice(-1);
}

/** The department's time zone, whoever builds the report and wherever. */
export function dateTimeText(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(
    new Date(iso),
  );
}

/** The listing separator of the language: 、 in Chinese, a comma in English. */
const joined = (locale: string, items: string[]) => items.join(locale === "en" ? ", " : "、");

export function buildReport(
  data: ReportData,
  sections: readonly ReportSection[],
  { t, locale }: Context,
): ReportDocument {
  const { overview } = data;
  const region = regionName(overview.region, locale);
  const period = periodText(t, overview.period);
  const n = (v: number) => formatNumber(locale, v, 0);
  const amount = (v: number) => formatAmount(locale, v);
  const scope =
    locale === "en" ? t("reports.scope", { region }) : t("reports.scope", { word: scopeWord(overview.region) });
  const peers = data.parent
    ? t("reports.peers", {
        word: scopeWord(data.parent),
        parent: regionName(data.parent, locale),
        level: overview.region.level === "prefecture" ? "prefecture" : "county",
      })
    : null;
  const rankClause = (rank: { rank: number | null; of: number } | undefined) =>
    peers && rank?.rank ? t("reports.text.rank", { peers, rank: rank.rank }) : "";
  const regionLabel = (row: ChildFigures) =>
    row.own ? t("overview.own", { name: regionName(row, locale) }) : regionName(row, locale);
  const sorted = <K extends string>(keys: readonly K[], counts: Record<K, number>) =>
    keys.filter((k) => counts[k] > 0).sort((a, b) => counts[b] - counts[a]);

  // The overview states each dataset's headline; its own section then goes into the detail.
  const headline = (sentence: () => string) => (sections.includes("overview") ? [] : [sentence()]);

  const blocks: Record<ReportSection, () => Omit<ReportBlock, "section" | "heading">> = {
    overview: () => {
      const { totals, previous } = overview;
      const paragraphs = [promotionsSentence(), arenaSentence(), projectsSentence()];
      if (previous && totals.promotions.total > 0) {
        const delta = totals.promotions.frontline - previous.promotions.frontline;
        paragraphs.push(
          t("reports.text.change", {
            previous: periodText(t, overview.previousPeriod),
            direction: delta > 0 ? "up" : delta < 0 ? "down" : "same",
            delta: n(Math.abs(delta)),
            likeForLike: String(overview.completeness.promotions.likeForLike),
          }),
        );
      }
      const partial = (["promotions", "arena", "projects"] as HeadlineDataset[]).filter(
        (d) => !isComplete(overview.completeness[d].total),
      );
      if (partial.length) {
        paragraphs.push(
          t("reports.text.partial", {
            period,
            items: joined(
              locale,
              partial.map((d) =>
                t("reports.text.partialItem", {
                  dataset: t(`outstanding.datasets.${d}`),
                  ...overview.completeness[d].total,
                }),
              ),
            ),
          }),
        );
      }
      return {
        paragraphs,
        tables: [
          {
            title: t("reports.tables.comparison", { region, period }),
            columns: [
              { label: t("reports.table.region"), kind: "text" },
              { label: t("reports.table.frontline"), kind: "integer" },
              { label: t("reports.table.total"), kind: "integer" },
              { label: t("reports.table.share"), kind: "percent" },
              { label: t("reports.table.entries"), kind: "integer" },
              { label: t("reports.table.projects"), kind: "integer" },
              { label: t("reports.table.cadres"), kind: "integer" },
              { label: t("reports.table.funds"), kind: "amount" },
            ],
            rows: overview.children.map((row) => [
              regionLabel(row),
              row.promotions.frontline,
              row.promotions.total,
              row.promotions.share,
              row.arena.entries,
              row.projects.projects,
              row.projects.cadres,
              row.projects.fundsInPlace,
            ]),
          },
        ],
      };
    },
    promotions: () => {
      const { byField } = data.promotions.total;
      const fields = sorted(
        promotionFields.filter((f) => f !== "非一线"),
        byField,
      );
      return {
        paragraphs: [
          ...headline(promotionsSentence),
          ...(fields.length
            ? [
                t("reports.text.promotionsFields", {
                  items: joined(
                    locale,
                    fields.map((f) => t("reports.text.fieldItem", { field: t(`fields.${f}`), count: n(byField[f]) })),
                  ),
                }),
              ]
            : []),
        ],
        tables: [
          {
            title: t("reports.tables.fields"),
            columns: [
              { label: t("reports.table.field"), kind: "text" },
              { label: t("reports.table.count"), kind: "integer" },
            ],
            rows: promotionFields.map((f) => [t(`fields.${f}`), byField[f]]),
          },
        ],
      };
    },
    adjustments: () => {
      const { byType, down, up } = data.adjustments.total;
      const downTypes = sorted(
        adjustmentTypes.filter((type) => type === "免职" || type === "降职" || type === "调离"),
        byType,
      );
      return {
        paragraphs: [
          down + up === 0
            ? t("reports.text.adjustmentsNone", { period, region })
            : t("reports.text.adjustments", {
                scope,
                down: n(down),
                up: n(up),
                items: joined(
                  locale,
                  downTypes.map((type) =>
                    t("reports.text.typeItem", { type: t(`adjustmentTypes.${type}`), count: n(byType[type]) }),
                  ),
                ),
              }),
        ],
        tables: [
          {
            title: t("reports.tables.types"),
            columns: [
              { label: t("reports.table.type"), kind: "text" },
              { label: t("reports.table.count"), kind: "integer" },
            ],
            rows: adjustmentTypes.map((type) => [t(`adjustmentTypes.${type}`), byType[type]]),
          },
        ],
      };
    },
    arena: () => ({
      paragraphs: headline(arenaSentence),
      tables: [
        {
          title: t("reports.tables.levels"),
          columns: [
            { label: t("reports.table.level"), kind: "text" },
            { label: t("reports.table.entries"), kind: "integer" },
          ],
          rows: arenaLevels.map((level) => [t(`levels.${level}`), data.arena.byLevel[level]]),
        },
      ],
    }),
    projects: () => {
      const stages = data.projects.funnel.filter((s) => s.projects > 0);
      return {
        paragraphs: [
          ...headline(projectsSentence),
          ...(stages.length
            ? [
                t("reports.text.projectsStages", {
                  items: joined(
                    locale,
                    stages.map((s) =>
                      t("reports.text.stageItem", { stage: t(`stages.${s.stage}`), count: n(s.projects) }),
                    ),
                  ),
                }),
              ]
            : []),
          ...cycleSentences(),
        ],
        tables: [
          {
            title: t("reports.tables.stages"),
            columns: [
              { label: t("reports.table.stage"), kind: "text" },
              { label: t("reports.table.projects"), kind: "integer" },
            ],
            rows: projectStages.map((stage) => [
              t(`stages.${stage}`),
              data.projects.funnel.find((s) => s.stage === stage)?.projects ?? 0,
            ]),
          },
        ],
      };
    },
    cadres: () => {
      const { evaluations, jobFit, youngCadres, selections, routine, care } = overview.cadres;
      const share = (v: number | null) => (v === null ? t("reports.text.fewPeople") : formatPercent(locale, v));
      const paragraphs = [
        t("reports.text.cadresEvaluations", {
          period,
          region,
          evaluated: n(evaluations.evaluated),
          excellent: share(evaluations.excellentShare),
          special: n(evaluations.special),
        }),
        t("reports.text.cadresJobFit", {
          assessed: n(jobFit.assessed),
          unfit: n(jobFit.unfit),
          moved: n(jobFit.moved),
        }),
        t("reports.text.cadresDevelopment", {
          selected: n(youngCadres.selected),
          promoted: n(youngCadres.promoted),
          teams: n(selections.teams),
          cadres: n(selections.cadres),
          points: n(routine.contactPoints),
          assessed: n(routine.assessed),
          good: share(routine.goodShare),
        }),
        ...(care.due > 0
          ? [
              t("reports.text.cadresCare", {
                units: n(care.units),
                due: n(care.due),
                celebrated: n(care.celebrated),
                coverage: formatPercent(locale, care.coverage ?? 0),
              }),
            ]
          : []),
        t("reports.text.organisations", {
          region,
          asOf: overview.cadres.organisations.asOf,
          total: n(overview.cadres.organisations.total),
          due: n(overview.cadres.organisations.due),
          overdue: n(overview.cadres.organisations.overdue),
          extended: n(overview.cadres.organisations.extended),
          missing: n(overview.cadres.organisations.missing),
        }),
      ];
      return { paragraphs, tables: [] };
    },
    indicators: () => {
      const { figures } = data.indicators;
      const when = periodText(t, data.indicators.period);
      return {
        paragraphs: [
          figures.length === 0
            ? t("reports.text.indicatorsNone", { period: when, region })
            : t("reports.text.indicators", {
                period: when,
                region,
                // Each item has commas of its own: the list is separated by semicolons.
                items: figures
                  .map((f) =>
                    t("reports.text.indicatorItem", {
                      indicator: t.has(`vocab.indicators.${f.indicator}`)
                        ? t(`vocab.indicators.${f.indicator}`)
                        : f.indicator,
                      value: formatNumber(locale, f.value, 2),
                      unit: f.unit,
                      target:
                        f.target === null
                          ? ""
                          : t("reports.text.indicatorTarget", {
                              target: formatNumber(locale, f.target, 2),
                              unit: f.unit,
                            }),
                      rank: f.rank === null ? "" : t("reports.text.indicatorRank", { rank: f.rank }),
                    }),
                  )
                  .join(locale === "en" ? "; " : "；"),
              }),
        ],
        tables: [
          {
            title: t("reports.tables.indicators"),
            columns: [
              { label: t("reports.table.indicator"), kind: "text" },
              { label: t("reports.table.value"), kind: "number" },
              { label: t("reports.table.unit"), kind: "text" },
              { label: t("reports.table.target"), kind: "number" },
              { label: t("reports.table.rank"), kind: "integer" },
            ],
            rows: figures.map((f) => [
              t.has(`vocab.indicators.${f.indicator}`) ? t(`vocab.indicators.${f.indicator}`) : f.indicator,
              f.value,
              f.unit,
              f.target,
              f.rank,
            ]),
          },
        ],
      };
    },
    rankings: () => {
      if (data.rankings.length === 0) return { paragraphs: [t("reports.text.rankingsNone", { region })], tables: [] };
      const paragraphs: string[] = [];
      const tables: ReportTable[] = [];
      for (const ranking of data.rankings) {
        const metric = t(`rankings.metrics.${ranking.metric}`);
        const ranked = ranking.rows.filter((r) => r.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
        if (ranked.length) {
          const first = regionName(ranked[0], locale);
          const last = regionName(ranked[ranked.length - 1], locale);
          paragraphs.push(
            ranked.length > 1
              ? t("reports.text.ranking", { metric, first, last })
              : t("reports.text.rankingOne", { metric, first }),
          );
        }
        const kind = metricKind(ranking.metric);
        tables.push({
          title: t("reports.tables.ranking", { metric }),
          columns: [
            { label: t("rankings.columns.region"), kind: "text" },
            { label: t("rankings.columns.value"), kind },
            { label: t("rankings.columns.rank"), kind: "integer" },
            { label: t("rankings.columns.change"), kind },
            { label: t("rankings.columns.rankChange"), kind: "text" },
            { label: t("rankings.columns.completeness"), kind: "text" },
          ],
          rows: ranking.rows.map((row) => [
            row.own ? t("rankings.notRankedName", { name: regionName(row, locale) }) : regionName(row, locale),
            row.value,
            row.rank,
            row.change,
            row.rankChange === null
              ? "—"
              : row.rankChange > 0
                ? `↑${row.rankChange}`
                : row.rankChange < 0
                  ? `↓${-row.rankChange}`
                  : "–",
            isComplete(row.completeness) ? t("rankings.complete") : t("rankings.incomplete", row.completeness),
          ]),
        });
      }
      return { paragraphs, tables };
    },
    outstanding: () => {
      const rows = data.outstanding;
      if (rows === null) return { paragraphs: [t("reports.text.outstandingHidden")], tables: [] };
      const year = periodText(t, { kind: "year", year: overview.year });
      if (rows.length === 0) return { paragraphs: [t("reports.text.outstandingNone", { period: year })], tables: [] };
      const byRegion = new Map<string, number>();
      const nameOf = (row: (typeof rows)[number]) =>
        row.code === overview.region.code
          ? t("overview.own", { name: regionName(row, locale) })
          : regionName(row, locale);
      for (const row of rows) {
        const name = nameOf(row);
        byRegion.set(name, (byRegion.get(name) ?? 0) + 1);
      }
      return {
        paragraphs: [
          t("reports.text.outstanding", {
            period: year,
            count: n(rows.length),
            regions: joined(
              locale,
              [...byRegion].map(([name, count]) => t("reports.text.outstandingItem", { region: name, count })),
            ),
          }),
        ],
        tables: [
          {
            title: t("reports.tables.outstanding", { period: year }),
            columns: [
              { label: t("outstanding.region"), kind: "text" },
              { label: t("outstanding.parent"), kind: "text" },
              { label: t("outstanding.dataset"), kind: "text" },
              { label: t("outstanding.quarter"), kind: "text" },
            ],
            rows: rows.map((row) => [
              nameOf(row),
              (locale === "en" && row.parentNameEn) || row.parentName,
              t(`outstanding.datasets.${row.dataset}`),
              row.quarter === null ? t("outstanding.wholeYear") : `Q${row.quarter}`,
            ]),
          },
        ],
      };
    },
  };

  function promotionsSentence(): string {
    const p = overview.totals.promotions;
    if (p.total === 0) return t("reports.text.promotionsNone", { period, region });
    return t("reports.text.promotions", {
      period,
      region,
      frontline: n(p.frontline),
      share: p.share === null ? "—" : formatPercent(locale, p.share),
      rank: rankClause(data.peers?.frontline),
    });
  }

  function arenaSentence(): string {
    const { entries, byLevel } = overview.totals.arena;
    if (entries === 0) return t("reports.text.arenaNone", { period, region });
    return t("reports.text.arena", {
      scope,
      entries: n(entries),
      items: joined(
        locale,
        sorted(arenaLevels, byLevel).map((level) =>
          t("reports.text.levelItem", { level: t(`levels.${level}`), count: n(byLevel[level]) }),
        ),
      ),
      rank: rankClause(data.peers?.arenaEntries),
    });
  }

  /** 揭榜挂帅 as a cycle: applicants beside projects, follow-up with days to solve, evaluation and its use. */
  function cycleSentences(): string[] {
    const c = data.cycle;
    if (!c || c.challenges.posted + c.applications.applications + c.issues.raised + c.evaluations.evaluated === 0)
      return [];
    const excellent = c.evaluations.byGrade.find((g) => g.grade === "优秀")?.projects ?? 0;
    const used = c.evaluations.byUse.filter((u) => u.use !== "无").reduce((sum, u) => sum + u.projects, 0);
    return [
      t("reports.text.cycleTaken", {
        posted: n(c.challenges.posted),
        taken: n(c.challenges.taken),
        applicants: n(c.applications.applicants),
        projects: n(c.applications.projects),
      }),
      c.issues.medianDays === null
        ? t("reports.text.cycleIssuesOpen", { raised: n(c.issues.raised), open: n(c.issues.open) })
        : t("reports.text.cycleIssues", {
            raised: n(c.issues.raised),
            solved: n(c.issues.solved),
            open: n(c.issues.open),
            median: formatNumber(locale, c.issues.medianDays, 1),
          }),
      t("reports.text.cycleEvaluated", {
        evaluated: n(c.evaluations.evaluated),
        excellent: n(excellent),
        used: n(used),
      }),
    ];
  }

  function projectsSentence(): string {
    const p = overview.totals.projects;
    if (p.projects === 0) return t("reports.text.projectsNone", { period, region });
    return t("reports.text.projects", {
      scope,
      cadres: n(p.cadres),
      projects: n(p.projects),
      planned: amount(p.plannedInvestment),
      funds: amount(p.fundsInPlace),
      rank: rankClause(data.peers?.projects),
    });
  }

  return {
    title: t("reports.docTitle", { region, period }),
    region,
    period,
    asOf: data.asOf ? t("reports.asOf", { at: dateTimeText(locale, data.asOf) }) : t("reports.noAsOf"),
    demo: overview.demo ? t("reports.demo") : null,
    demoMark: overview.demo ? t("app.demo") : null,
    notesHeading: t("reports.notes"),
    pageLabel: t("reports.pageNumber", { current: "{current}", total: "{total}" }),
    notes: [
      t("reports.note.rollup"),
      t("reports.note.arena"),
      ...(peers ? [t("reports.note.rank", { peers })] : []),
      t("reports.note.partial"),
    ],
    blocks: sections.map((section) => ({
      section,
      heading: t(`reports.sections.${section}`),
      ...blocks[section](),
    })),
  };
}
