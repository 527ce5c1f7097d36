/**
 * The report benchmark (issue 10, "Performance"):
 *   npm run bench -- report [--quick] [--runs N] [--keep]
 * Builds the dashboard benchmark's national-scale data set in a fresh database, then times the
 * Bayannur report of the latest year end to end as the server and the browser do it: the figures
 * (getReport, every dashboard query of the view), the text and tables (buildReport) and the Word
 * file (reportToDocx, without the chart pictures, which the browser draws). Target: ≤ 1 s on the
 * Postgres server. Database: DATABASE_URL's server (a new database, dropped afterwards), else PGlite.
 */

import { parseArgs } from "node:util";
import { createTranslator } from "next-intl";
import { getReport } from "../../db/queries/report";
import { loadMessages } from "../../i18n/messages";
import type { Principal } from "../../lib/auth/permissions";
import { reportToDocx } from "../../lib/report/docx";
import { buildReport, type Translate } from "../../lib/report/text";
import { reportSections } from "../../lib/view";
import { YEARS } from "./dashboard-data";
import { nationalDatabase } from "./national";

const TARGET_MS = 1000;
const BAYANNUR = "150800";

type Phase = "figures" | "text" | "docx" | "total";

export async function reportBench(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { quick: { type: "boolean" }, runs: { type: "string" }, keep: { type: "boolean" } },
  });
  const quick = Boolean(values.quick);
  const runs = Number(values.runs ?? (quick ? 5 : 20));
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number ≥ 1");
  console.log(
    `Report benchmark${quick ? " (--quick)" : ""}: the Bayannur report of ${YEARS.to}, figures + text + .docx`,
  );
  const national = await nationalDatabase("report", { quick, keep: Boolean(values.keep) });
  const { target, connection } = national;
  try {
    const viewer: Principal = { role: "viewer", regionCode: "150000" };
    const locale = "zh-CN";
    const t = createTranslator({ locale, messages: await loadMessages(locale) }) as unknown as Translate;
    const db = connection.db;
    const once = async () => {
      const times: Record<Phase, number> = { figures: 0, text: 0, docx: 0, total: 0 };
      const t0 = performance.now();
      const data = await getReport(db, viewer, { region: BAYANNUR, period: { kind: "year", year: YEARS.to } });
      if (!data) throw new Error("no report for Bayannur");
      const t1 = performance.now();
      const doc = buildReport(data, reportSections, { t, locale });
      const t2 = performance.now();
      const file = await reportToDocx(doc, { locale });
      const t3 = performance.now();
      Object.assign(times, { figures: t1 - t0, text: t2 - t1, docx: t3 - t2, total: t3 - t0 });
      return { times, bytes: file.byteLength, paragraphs: doc.blocks.reduce((n, b) => n + b.paragraphs.length, 0) };
    };
    const warm = await once();
    console.log(`\nWarm-up: ${warm.paragraphs} paragraphs, .docx ${(warm.bytes / 1024).toFixed(0)} kB`);
    const samples: Record<Phase, number>[] = [];
    for (let i = 0; i < runs; i++) samples.push((await once()).times);
    const pct = (phase: Phase, p: number) => {
      const sorted = samples.map((s) => s[phase]).sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
    };
    console.log(`\n${runs} runs, one at a time (ms):`);
    console.log(`phase     p50      p95`);
    for (const phase of ["figures", "text", "docx", "total"] as Phase[]) {
      console.log(
        `${phase.padEnd(8)} ${pct(phase, 50).toFixed(1).padStart(6)}  ${pct(phase, 95).toFixed(1).padStart(7)}`,
      );
    }
    const ok = pct("total", 95) <= TARGET_MS;
    console.log(
      `\nTarget p95 total ≤ ${TARGET_MS} ms${target.kind === "postgres" ? "" : " (for the Postgres server)"}: ${ok ? "met" : "NOT met"}`,
    );
    return ok || target.kind === "pglite" ? 0 : 1;
  } finally {
    await national.close();
  }
}
