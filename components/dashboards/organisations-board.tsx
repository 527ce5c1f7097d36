"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { StatCard } from "@/components/dashboards/shell";
import { ScrollBox } from "@/components/layout/scroll-box";
import type { OrganisationCounts, OrganisationMeasure, OrganisationsView } from "@/lib/api/organisations";
import { formatNumber } from "@/lib/format";
import { regionName } from "@/lib/region-name";

type ListHref = (filters: { region?: string; measure?: OrganisationMeasure; township?: string }) => string;

/** The columns of the comparison, each a count that opens its list. */
const COLUMNS: OrganisationMeasure[] = [
  "committee",
  "general_branch",
  "branch",
  "all",
  "due",
  "overdue",
  "extended",
  "missing",
  "split",
];
/** The counts that ask for action: marked when not zero. */
const ATTENTION = new Set<OrganisationMeasure>(["due", "overdue", "missing", "split"]);

/**
 * The board of 基层党组织: the region's counts (含下级) as cards, then per child region (and, for a
 * banner, per township) side by side. Every count is a link to the list of the organisations it
 * counts; a region's name opens its own board. None is prefetched: a board has a hundred counts,
 * each a view rendered on demand, and prefetching them kept the server busy for every visit.
 */
export function OrganisationsBoard({
  data,
  hrefOf,
  boardOf,
}: {
  data: OrganisationsView;
  hrefOf: ListHref;
  /** The board of another region. */
  boardOf: (region: string) => string;
}) {
  const t = useTranslations("organisationsPage");
  const locale = useLocale();
  const n = (value: number) => formatNumber(locale, value, 0);
  const region = data.region.code;
  const card = (measure: OrganisationMeasure, detail?: string) => (
    <StatCard
      key={measure}
      testId={`organisations-card-${measure}`}
      label={t(`measures.${measure}`)}
      value={
        <Link href={hrefOf({ region, measure })} className="hover:underline" scroll={false} prefetch={false}>
          {n(data.total[measure])}
        </Link>
      }
      detail={detail}
    />
  );
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {card(
          "all",
          t("byType", {
            committee: n(data.total.committee),
            general: n(data.total.general_branch),
            branch: n(data.total.branch),
          }),
        )}
        {card("due", t("dueDetail"))}
        {card("overdue", t("overdueDetail"))}
        {card("extended", t("extendedDetail"))}
        {card("missing", t("missingDetail"))}
        {card("split", t("splitDetail"))}
      </div>
      <p className="text-xs text-muted">
        {t("advisory", { count: n(data.total.may_form_committee) })}{" "}
        <Link
          href={hrefOf({ region, measure: "may_form_committee" })}
          className="text-sky-800 underline"
          scroll={false}
          prefetch={false}
        >
          {t("advisoryOpen")}
        </Link>
      </p>
      {/* A banner has no child regions: its own row alone would repeat the cards. */}
      {data.children.some((c) => !c.own) && (
        <CountsTable
          caption={t("byChild", { region: regionName(data.region, locale) })}
          testId="organisations-children"
          rows={data.children.map((c) => ({
            key: c.code,
            label: c.own ? t("own", { name: regionName(c, locale) }) : regionName(c, locale),
            board: c.own ? undefined : boardOf(c.code),
            counts: c,
            href: (measure) => hrefOf({ region: c.code, measure }),
          }))}
        />
      )}
      {data.townships.length > 0 && (
        <CountsTable
          caption={t("byTownship", { region: regionName(data.region, locale) })}
          testId="organisations-townships"
          rows={data.townships.map((s) => ({
            key: s.code ?? "none",
            label: s.nameZh ?? t("noTownship"),
            counts: s,
            href: s.code ? (measure) => hrefOf({ region, measure, township: s.code ?? undefined }) : undefined,
          }))}
        />
      )}
    </div>
  );
}

function CountsTable({
  caption,
  testId,
  rows,
}: {
  caption: string;
  testId: string;
  rows: {
    key: string;
    label: string;
    board?: string;
    counts: OrganisationCounts;
    href?: (measure: OrganisationMeasure) => string;
  }[];
}) {
  const t = useTranslations("organisationsPage");
  const locale = useLocale();
  const th = "px-2 py-2 text-right font-medium whitespace-nowrap";
  return (
    <section className="space-y-2">
      <h2 className="text-base font-semibold text-ink">{caption}</h2>
      <ScrollBox label={caption} className="rounded-lg border border-line bg-surface">
        <table className="w-full text-sm" data-testid={testId}>
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-page text-muted">
            <tr>
              <th scope="col" className="px-2 py-2 text-left font-medium whitespace-nowrap">
                {t("region")}
              </th>
              {COLUMNS.map((m) => (
                <th key={m} scope="col" className={th}>
                  {t(`columns.${m}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-t border-line">
                <th scope="row" className="px-2 py-1.5 text-left font-normal whitespace-nowrap">
                  {row.board ? (
                    <Link href={row.board} className="text-sky-800 hover:underline" prefetch={false}>
                      {row.label}
                    </Link>
                  ) : (
                    row.label
                  )}
                </th>
                {COLUMNS.map((m) => {
                  const value = row.counts[m];
                  const strong = ATTENTION.has(m) && value > 0;
                  return (
                    <td
                      key={m}
                      className={`px-2 py-1.5 text-right tabular-nums ${strong ? "font-semibold text-ink" : "text-muted"}`}
                    >
                      {row.href && value > 0 ? (
                        <Link
                          href={row.href(m)}
                          className="hover:underline"
                          scroll={false}
                          prefetch={false}
                          aria-label={t("openCount", { region: row.label, measure: t(`measures.${m}`), count: value })}
                        >
                          {formatNumber(locale, value, 0)}
                        </Link>
                      ) : (
                        formatNumber(locale, value, 0)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
