"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { usePeriodLabel } from "@/components/filters/period-picker";
import { profileHref, type RegionProfile } from "@/lib/api/profile";
import { formatAmountNumber } from "@/lib/format";
import { regionName } from "@/lib/region-name";

/**
 * The regions under the viewed one (本级 first, then each banner, or the 12 leagues), each dataset's
 * key figure per row, and each row's name a link to that region's profile. Counts and money add up
 * to the profile's totals; the indicators column is how many of the region's own targets were met.
 */
export function ProfileChildren({ data }: { data: RegionProfile }) {
  const t = useTranslations("profile.children");
  const format = useFormatter();
  const locale = useLocale();
  const periodLabel = usePeriodLabel();
  const { region, period, children } = data;
  const n = (v: number) => format.number(v, { maximumFractionDigits: 1 });
  const name = regionName(region, locale);
  const th = "px-3 py-2 text-right font-medium whitespace-nowrap";
  const td = "px-3 py-1.5 text-right tabular-nums whitespace-nowrap";
  return (
    <section className="space-y-2" aria-labelledby="profile-children-heading">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id="profile-children-heading" className="text-lg font-semibold">
          {region.level === "autonomous_region" ? t("titleLeagues") : t("titleBanners")}
        </h2>
        <p className="text-xs text-muted">{t("hint")}</p>
      </div>
      <div className="overflow-x-auto rounded-lg border border-line bg-surface">
        <table className="w-full text-sm" data-testid="profile-children">
          <caption className="sr-only">{t("caption", { region: name, period: periodLabel(period) })}</caption>
          <thead className="bg-page text-muted">
            <tr>
              <th scope="col" className="sticky left-0 bg-page px-3 py-2 text-left font-medium">
                {t("region")}
              </th>
              <th scope="col" className={th}>
                {t("promotions")}
              </th>
              <th scope="col" className={th}>
                {t("arena")}
              </th>
              <th scope="col" className={th}>
                {t("projects")}
              </th>
              <th scope="col" className={th}>
                {t("funds")}
              </th>
              <th scope="col" className={th}>
                {t("adjustments")}
              </th>
              <th scope="col" className={th}>
                {t("indicators")}
              </th>
            </tr>
          </thead>
          <tbody>
            {children.map((row) => (
              <tr key={`${row.code}-${row.own}`} className="border-t border-line" data-code={row.code}>
                <th
                  scope="row"
                  className="sticky left-0 bg-surface px-3 py-1.5 text-left font-normal whitespace-nowrap"
                >
                  {row.own ? (
                    t("own", { name: regionName(row, locale) })
                  ) : (
                    <Link href={profileHref(row.code, period)} className="text-sky-800 hover:underline">
                      {regionName(row, locale)}
                    </Link>
                  )}
                </th>
                <td className={td}>
                  {n(row.promotions.frontline)} / {n(row.promotions.total)}
                </td>
                <td className={td}>{n(row.arena.entries)}</td>
                <td className={td}>{n(row.projects.projects)}</td>
                <td className={td}>{formatAmountNumber(locale, row.projects.fundsInPlace)}</td>
                <td className={td}>
                  {n(row.adjustments.down)} / {n(row.adjustments.up)}
                </td>
                <td className={td}>
                  {row.indicators.targeted === 0
                    ? t("noIndicators")
                    : t("indicatorsValue", { met: row.indicators.met, targeted: row.indicators.targeted })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
