import type { OutCell } from "@/lib/spreadsheet";

/**
 * The rankings' and the outstanding list's downloads, in one place: raw numbers (a share as a
 * fraction 0..1) so the spreadsheet can compute with them. The writer loads on click, keeping
 * it out of the pages' first-load JavaScript.
 */
export async function downloadSheet(kind: "csv" | "xlsx", fileName: string, rows: OutCell[][], sheetName: string) {
  const { toCsv, toXlsx } = await import("@/lib/spreadsheet");
  const data =
    kind === "csv"
      ? new Blob([(await toCsv(rows)) as BlobPart], { type: "text/csv;charset=utf-8" })
      : new Blob([(await toXlsx(rows, sheetName.slice(0, 31))) as BlobPart], {
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        });
  const url = URL.createObjectURL(data);
  const a = Object.assign(document.createElement("a"), { href: url, download: `${fileName}.${kind}` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const exportButton =
  "rounded border border-line px-2 py-0.5 text-xs text-muted hover:bg-page hover:text-ink print:hidden";
