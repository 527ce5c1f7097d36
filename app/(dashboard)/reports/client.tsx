"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { DashboardError, DashboardHeader } from "@/components/dashboards/shell";
import { PrintButton } from "@/components/layout/print-button";
import { ReportView } from "@/components/reports/report-view";
import { WordButton } from "@/components/reports/word-button";
import type { LeagueOption } from "@/lib/api/regions";
import { reportQuery } from "@/lib/api/reports";
import { buildReport, type Translate } from "@/lib/report/text";
import { reportSections } from "@/lib/view";
import { type ReportFilters, reportHref } from "./search-params";

type Props = { filters: ReportFilters & { region: string }; leagues: LeagueOption[] };

/**
 * 情况通报: choose region, period and sections, read the report as it will print, and take it
 * away as Word or (through the print layout) PDF.
 */
export function ReportsClient({ filters, leagues }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const { sections: linked, ...view } = filters;
  // The choice of sections is the page's own: it shows at once and goes into the URL (for a
  // shared link) without asking the server again.
  const [chosen, setChosen] = useState(linked);
  const sections = chosen ?? [...reportSections];
  const { data, error, refetch } = useQuery(reportQuery(view));
  if (error) return <DashboardError message={error.message} onRetry={() => refetch()} />;
  if (!data) return null;

  const doc = buildReport(data, sections, { t: t as unknown as Translate, locale });
  const hrefOf = (next: ReportFilters) => reportHref({ ...next, sections: chosen });
  const toggle = (section: (typeof reportSections)[number], on: boolean) => {
    const next = reportSections.filter((s) => (s === section ? on : sections.includes(s)));
    if (!next.length) return;
    setChosen(next);
    window.history.replaceState(null, "", reportHref({ ...view, sections: next }));
  };

  return (
    <div className="space-y-6">
      {/* The printed report has its own title; the page's head and choices stay on screen. */}
      <div className="print:hidden">
        <DashboardHeader
          hrefOf={hrefOf}
          heading="reports.heading"
          region={data.overview.region}
          period={data.overview.period}
          years={data.overview.years}
          leagues={leagues}
          kinds={["year", "quarter"]}
        />
      </div>
      <fieldset className="rounded-lg border border-line bg-surface p-3 print:hidden" data-testid="report-sections">
        <legend className="px-1 text-sm font-medium text-ink">{t("reports.form.sections")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {reportSections.map((section) => (
            <label key={section} className="flex min-h-6 items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                className="size-4"
                checked={sections.includes(section)}
                disabled={sections.length === 1 && sections.includes(section)}
                onChange={(e) => toggle(section, e.target.checked)}
              />
              {t(`reports.sections.${section}`)}
            </label>
          ))}
        </div>
        <div className="mt-3 flex flex-wrap gap-2">
          <WordButton doc={doc} fileName={`${doc.region}-${doc.period}-${t("reports.pageTitle")}`} />
          <PrintButton label={t("reports.form.pdf")} />
        </div>
      </fieldset>
      <ReportView doc={doc} data={data} />
    </div>
  );
}
