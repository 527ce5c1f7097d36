"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { CompletenessMark } from "@/components/rankings/completeness-mark";
import { arenaLevels } from "@/lib/contract";
import { formatAmount, parenthetical } from "@/lib/format";
import type { DatasetCompleteness, Figures, HeadlineDataset } from "@/lib/types";

function Card({
  title,
  testId,
  completeness,
  children,
}: {
  title: string;
  testId: string;
  completeness?: DatasetCompleteness;
  children: React.ReactNode;
}) {
  return (
    <section className="rounded-lg border border-line bg-surface p-4 shadow-sm" data-testid={testId}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-sm font-medium text-muted">{title}</h2>
        {completeness && <CompletenessMark value={completeness.total} />}
      </div>
      {children}
    </section>
  );
}

function Big({ value, unit }: { value: string; unit: string }) {
  return (
    <p className="mt-1 flex items-baseline gap-1">
      <span className="text-3xl font-semibold tabular-nums text-ink">{value}</span>
      <span className="text-sm text-muted">{unit}</span>
    </p>
  );
}

/**
 * The change against the previous period, signed, with its percentage; nothing without figures
 * then. `likeForLike`: the previous period was counted over only the reports that are in now.
 */
function Change({
  now,
  before,
  since,
  likeForLike = false,
}: {
  now: number;
  before: number | undefined;
  since: string;
  likeForLike?: boolean;
}) {
  const t = useTranslations("overview");
  const tr = useTranslations("rankings");
  const format = useFormatter();
  const locale = useLocale();
  if (before === undefined) return null;
  const delta = now - before;
  const percent =
    before > 0
      ? format.number(delta / before, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" })
      : null;
  const tone = delta > 0 ? "text-emerald-700" : delta < 0 ? "text-red-700" : "text-muted";
  return (
    <p className={`text-xs ${tone}`} data-testid="change">
      {t("change", { period: since, delta: format.number(delta, { signDisplay: "exceptZero" }) })}
      {percent && parenthetical(locale, percent)}
      {likeForLike && <span data-like-for-like> · {tr("likeForLike")}</span>}
    </p>
  );
}

export function HeadlineCards({
  totals,
  previous,
  since,
  completeness,
}: {
  totals: Figures;
  previous: Figures | null;
  /** Each card's reports for the period (未报齐 9/12) and whether its change is like for like. */
  completeness?: Record<HeadlineDataset, DatasetCompleteness>;
  /** The previous period in words ("2022年"). */
  since: string;
}) {
  const format = useFormatter();
  const locale = useLocale();
  const tp = useTranslations("promotions");
  const ta = useTranslations("arena");
  const tj = useTranslations("projects");
  const tl = useTranslations("levels");
  const tt = useTranslations("themes");
  const n = (value: number) => format.number(value, { maximumFractionDigits: 2 });
  const { promotions, arena, projects } = totals;
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <Card
        title={`${tp("title")} · ${tp("headline")}`}
        testId="card-promotions"
        completeness={completeness?.promotions}
      >
        <Big value={n(promotions.frontline)} unit={tp("unit")} />
        <Change
          now={promotions.frontline}
          before={previous?.promotions.frontline}
          since={since}
          likeForLike={completeness?.promotions.likeForLike}
        />
        <p className="mt-1 text-sm text-ink">
          {promotions.share === null
            ? tp("noShare")
            : tp("share", {
                share: format.number(promotions.share, {
                  style: "percent",
                  maximumFractionDigits: 1,
                  minimumFractionDigits: 1,
                }),
              })}
        </p>
        <p className="text-xs text-muted">
          {tp("ratio", { frontline: n(promotions.frontline), total: n(promotions.total) })}
        </p>
      </Card>
      <Card title={`${ta("title")} · ${ta("headline")}`} testId="card-arena" completeness={completeness?.arena}>
        <Big value={n(arena.entries)} unit={ta("unit")} />
        <Change
          now={arena.entries}
          before={previous?.arena.entries}
          since={since}
          likeForLike={completeness?.arena.likeForLike}
        />
        <dl className="mt-2 grid grid-cols-3 gap-x-3 gap-y-2 text-xs">
          {arenaLevels.map((level) => (
            <div key={level} className="min-w-0">
              <dt className="leading-tight text-muted">
                {tl(level)}
                <span className="block text-[11px] text-muted">{tt(level)}</span>
              </dt>
              <dd className="font-medium tabular-nums text-ink" data-testid={`arena-level-${level}`}>
                {n(arena.byLevel[level])}
              </dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title={`${tj("title")} · ${tj("headline")}`} testId="card-projects" completeness={completeness?.projects}>
        <Big value={n(projects.projects)} unit={tj("unit")} />
        <Change
          now={projects.projects}
          before={previous?.projects.projects}
          since={since}
          likeForLike={completeness?.projects.likeForLike}
        />
        <p className="mt-1 text-sm text-ink">{tj("cadres", { count: n(projects.cadres) })}</p>
        <p className="text-sm text-ink">{tj("funds", { amount: formatAmount(locale, projects.fundsInPlace) })}</p>
        <p className="text-xs text-muted">
          {tj("planned", { amount: formatAmount(locale, projects.plannedInvestment) })}
        </p>
      </Card>
    </div>
  );
}
