import fs from "node:fs";
import type { Db } from "@/db/connect";
import type { Viewer } from "@/lib/auth/permissions";
import type { Dataset } from "@/lib/contract";
import { DATASETS, templateHeaders } from "@/lib/datasets";
import { runImport } from "@/server/import/pipeline";
import { tempFile } from "./xlsx";

const quote = (cell: unknown) => (cell === null || cell === undefined ? "" : `"${String(cell).replaceAll('"', '""')}"`);

/**
 * Rows of a dataset written as a clerk's CSV under the template's header (or another) and sent
 * through the one import pipeline, as the command line does.
 */
export function importCsv(
  db: Db,
  actor: Viewer,
  dataset: Dataset,
  lines: unknown[][],
  {
    header = templateHeaders(DATASETS[dataset]),
    dryRun = false,
    locale = "zh-CN",
  }: { header?: string[]; dryRun?: boolean; locale?: "zh-CN" | "en" } = {},
) {
  const file = tempFile(`${dataset}.csv`);
  fs.writeFileSync(file, `${[header, ...lines].map((l) => l.map(quote).join(",")).join("\n")}\n`);
  return runImport(db, actor, { dataset, filePath: file, fileName: `${dataset}.csv`, dryRun, locale, source: "api" });
}

/** The report's problems as [row, column, message]: what a clerk reads. */
export const errorsOf = (report: Awaited<ReturnType<typeof importCsv>>) =>
  report.errors.map((e) => [e.row, e.column, e.message]);
