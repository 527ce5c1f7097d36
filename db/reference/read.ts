import fs from "node:fs";
import path from "node:path";

const folder = path.join(process.cwd(), "db", "reference");

export type ReferenceRow = {
  code: string;
  name_zh: string;
  name_en: string;
  level: string;
  kind_zh: string;
  parent_code: string;
  aliases?: string;
};

/** The reference CSVs are plain (no quoted fields); see README.md beside them. */
export function readReference(file: "regions" | "townships" | "functional-zones" | "villages"): ReferenceRow[] {
  const [header, ...lines] = fs
    .readFileSync(path.join(folder, `${file}.csv`), "utf8")
    .trim()
    .split(/\r?\n/);
  const columns = header.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ""])) as ReferenceRow;
  });
}
