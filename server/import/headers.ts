import { type Cell, text } from "@/lib/cells";
import type { DatasetSpec } from "@/lib/datasets";
import { REGION_HEADERS } from "@/lib/datasets";

/** The header row may sit under title rows; look this far down for it. */
export const HEADER_SEARCH_ROWS = 30;

export type HeaderKey = string; // a column's db name, or "region", "league", "banner"
export type HeaderMatch = {
  /** Index of the header row among the rows searched (0-based). */
  index: number;
  /** Column position → what it holds. */
  columns: Map<number, HeaderKey>;
  /** Required columns not found, by their Chinese header. */
  missing: string[];
  /** Headers that are not part of the contract (ignored). */
  ignored: string[];
  /** Headers that appear twice. */
  duplicated: string[];
};

/** Folds case, spaces, full-width forms, `*` markers and a unit in brackets: `计划投资（万元）` → `计划投资`. */
export function foldHeader(cell: Cell): string {
  return text(cell)
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]|【.*?】/g, "")
    .replace(/[\s*_]/g, "");
}

function headerTable(spec: DatasetSpec): Map<string, HeaderKey> {
  const table = new Map<string, HeaderKey>();
  const add = (key: HeaderKey, names: string[]) => {
    for (const name of names) table.set(foldHeader(name), key);
  };
  for (const [key, h] of Object.entries(REGION_HEADERS)) add(key, [h.zh, h.en, ...h.aliases]);
  for (const column of spec.columns) add(column.db, [column.zh, column.en, ...(column.aliases ?? [])]);
  return table;
}

/** Finds the header row: the first row naming every required column, else the best one. */
export function findHeader(rows: Cell[][], spec: DatasetSpec): HeaderMatch | null {
  const table = headerTable(spec);
  let best: HeaderMatch | null = null;
  let bestScore = 1;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const columns = new Map<number, HeaderKey>();
    const seen = new Set<HeaderKey>();
    const ignored: string[] = [];
    const duplicated: string[] = [];
    for (const [position, cell] of row.entries()) {
      const folded = foldHeader(cell);
      const key = table.get(folded);
      if (!folded) continue;
      if (!key) ignored.push(text(cell));
      else if (seen.has(key)) duplicated.push(text(cell));
      else {
        seen.add(key);
        columns.set(position, key);
      }
    }
    const missing = spec.columns.filter((c) => c.required && !seen.has(c.db)).map((c) => c.zh);
    if (!seen.has("region") && !seen.has("league") && !seen.has("banner")) missing.unshift(REGION_HEADERS.region.zh);
    const score = seen.size;
    const match = { index, columns, missing, ignored, duplicated };
    if (missing.length === 0 && (!best || best.missing.length > 0)) {
      best = match;
      bestScore = Number.POSITIVE_INFINITY;
    } else if (score > bestScore) {
      best = match;
      bestScore = score;
    }
  });
  return best;
}
