import type { NoticeRow } from "@/lib/api/notices";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A notice as a sentence, the same on the page and in the group robot's message. `t` reads the
 * `notices` messages (messages/<locale>/periods.json), `dataset` names a dataset.
 */
export function noticeText(
  t: Translate,
  dataset: (id: NoticeRow["dataset"]) => string,
  notice: Pick<NoticeRow, "kind" | "regionName" | "dataset" | "year" | "quarter" | "detail">,
): string {
  const period = notice.quarter
    ? t("quarter", { year: notice.year, quarter: notice.quarter })
    : t("year", { year: notice.year });
  return t(notice.kind, { ...notice.detail, period, dataset: dataset(notice.dataset), region: notice.regionName });
}
