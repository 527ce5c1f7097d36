/**
 * The review's benchmark (issue 11):
 *   npm run bench -- review [--quick] [--rows N] [--keep]
 * A league's clerk reports a large 擂台比武 file (20,000 entries of its banners; --quick 2,000),
 * the autonomous region opens it for review (the page's diff, warnings and fingerprint) and
 * approves it; against that, the same number of rows published directly by the operator. The
 * review costs what storing the rows once more costs: submit and approve are each one upload's
 * work. Targets on the Postgres server: the review page ≤ 2 s and the approval ≤ 2× the direct
 * publication, for 20,000 rows.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { connect } from "../../db/connect";
import { openYear } from "../../db/mutations/periods";
import { approveSubmission } from "../../db/mutations/submissions";
import { prepareDatabase } from "../../db/prepare";
import { operator } from "../../lib/auth/operator";
import type { Viewer } from "../../lib/auth/permissions";
import { readEnv } from "../../server/env";
import { runImport } from "../../server/import/pipeline";
import { getSubmission } from "../../server/import/review";
import { describeTarget, freshDatabase, serverVersion, type Target } from "./database";

const REVIEW_TARGET_MS = 2000;
const BANNERS = ["临河区", "五原县", "磴口县", "乌拉特前旗", "乌拉特中旗", "乌拉特后旗", "杭锦后旗"];

function writeFile(file: string, rows: number, year: number, tag: string) {
  const lines = ["地区,年度,层级,参赛单位,书记,得分"];
  for (let i = 0; i < rows; i++) {
    lines.push(`${BANNERS[i % BANNERS.length]},${year},嘎查村,${tag}嘎查${i},书记${i},${60 + (i % 40)}`);
  }
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
}

export async function reviewBench(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { quick: { type: "boolean" }, rows: { type: "string" }, keep: { type: "boolean" } },
  });
  const rows = Number(values.rows ?? (values.quick ? 2_000 : 20_000));
  if (!Number.isInteger(rows) || rows < 1) throw new Error("--rows takes a whole number ≥ 1");
  const env = readEnv();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "cadre-bench-review-"));
  const target: Target = env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", tempDir };
  console.log(`Review benchmark: ${rows.toLocaleString("en")} 擂台比武 rows of Bayannur's banners`);
  console.log(`Database: ${describeTarget(target)}`);
  if (target.kind === "postgres") console.log(`Server version: ${await serverVersion(target.url)}`);
  else console.log("*** Running on PGlite: DATABASE_URL is not set. The targets are for the Postgres server.");
  const database = await freshDatabase(target, "review");
  const connection = await connect(database.location);
  try {
    const db = connection.db;
    await prepareDatabase(connection, { demo: false });
    const time = async <T>(work: () => Promise<T>) => {
      const t0 = performance.now();
      const value = await work();
      return { ms: performance.now() - t0, value };
    };
    const options = (file: string) =>
      ({
        dataset: "arena",
        filePath: file,
        fileName: path.basename(file),
        dryRun: false,
        locale: "zh-CN",
        source: "api",
      }) as const;
    // Last year's entries, published directly: the operator's path, and what the review compares against.
    const lastYear = path.join(tempDir, "2023.csv");
    writeFile(lastYear, rows, 2023, "");
    const direct = await time(() => runImport(db, operator(), options(lastYear)));
    if (direct.value.batchId === null) throw new Error("the direct publication wrote nothing");
    await openYear(db, operator(), 2024);

    const clerk: Viewer = {
      id: "bench-league",
      username: "bench-league",
      name: "bench",
      role: "clerk",
      regionCode: "150800",
      sessionId: "b",
    };
    const reviewer: Viewer = { ...operator(), id: "bench-root", role: "clerk" };
    const file = path.join(tempDir, "2024.csv");
    writeFile(file, rows, 2024, "");
    const submitted = await time(() => runImport(db, clerk, options(file)));
    const [submission] = submitted.value.submissions;
    if (!submission) throw new Error(`nothing was submitted: ${JSON.stringify(submitted.value.errors.slice(0, 3))}`);
    const opened = await time(() => getSubmission(db, reviewer, submission.id, "zh-CN"));
    const fingerprint = opened.value.changes?.fingerprint ?? "";
    const approved = await time(() => approveSubmission(db, reviewer, submission.id, fingerprint));

    const line = (label: string, ms: number) => console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms`);
    console.log("");
    line("Direct publication (operator, 2023)", direct.ms);
    line("Submit (league clerk, 2024: check + store)", submitted.ms);
    line(`Open for review (diff, ${opened.value.changes?.warnings.length ?? 0} warnings, fingerprint)`, opened.ms);
    line(`Approve (publish ${approved.value.inserted.toLocaleString("en")} rows as one batch)`, approved.ms);
    const ok = opened.ms <= REVIEW_TARGET_MS && approved.ms <= 2 * direct.ms;
    console.log(
      `\nTargets (Postgres server): review page ≤ ${REVIEW_TARGET_MS} ms, approval ≤ 2× direct: ${ok ? "met" : "NOT met"}${target.kind === "pglite" ? " (on PGlite: for information)" : ""}`,
    );
    return 0;
  } finally {
    await connection.close().catch(() => {});
    if (!values.keep) await database.drop().catch(() => {});
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}
