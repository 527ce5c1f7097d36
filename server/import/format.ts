import type { ImportReport } from "@/lib/api/uploads";

/** The report as a clerk reads it in a terminal. */
export function formatReport(report: ImportReport): string {
  const lines = [
    `${report.fileName} → ${report.dataset}: ${report.ok ? (report.dryRun ? "检查通过（未写入）" : report.batchId === null ? "与系统中的数据一致，未写入" : `已直接发布（操作员，不经审核），批次 ${report.batchId}`) : "已拒绝，未写入任何数据"}`,
    `行数 ${report.rows}：新增 ${report.inserted}，修改 ${report.updated}，未变 ${report.unchanged}，跳过 ${report.skipped}`,
  ];
  for (const w of report.warnings) lines.push(`  提示${w.row ? ` 第 ${w.row} 行` : ""}：${w.message}`);
  for (const e of report.errors) {
    const where = [e.row ? `第 ${e.row} 行` : "", e.column ? `「${e.column}」` : ""].filter(Boolean).join(" ");
    lines.push(`  错误 ${where}${e.value ? ` “${e.value}”` : ""}：${e.message}`);
  }
  return lines.join("\n");
}
