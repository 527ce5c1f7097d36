/**
 * The reminders' benchmark (issue 11):
 *   npm run bench -- notices [--quick] [--runs N] [--keep]
 * On the dashboard benchmark's national-scale data set, with every period of its ten years open:
 * the job's run that makes the deadline notices (the first, which makes them all, and the steady
 * state every NOTICE_JOB_MINUTES, which finds them made), and the bell's unread count that every
 * page's header asks for. Targets on the Postgres server: a steady run ≤ 2 s (it runs in the
 * background every 10 minutes), the bell ≤ 20 ms at p95.
 */

import { parseArgs } from "node:util";
import { refreshDeadlineNotices } from "../../db/mutations/notices";
import { openYear } from "../../db/mutations/periods";
import { unreadCount } from "../../db/queries/notices";
import { operator } from "../../lib/auth/operator";
import type { Viewer } from "../../lib/auth/permissions";
import { YEARS } from "./dashboard-data";
import { nationalDatabase } from "./national";

const STEADY_TARGET_MS = 2000;
const BELL_TARGET_MS = 20;

export async function noticesBench(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { quick: { type: "boolean" }, runs: { type: "string" }, keep: { type: "boolean" } },
  });
  const quick = Boolean(values.quick);
  const runs = Number(values.runs ?? (quick ? 20 : 100));
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number ≥ 1");
  console.log(`Notices benchmark${quick ? " (--quick)" : ""}: deadline notices of ${YEARS.from}–${YEARS.to}, the bell`);
  const national = await nationalDatabase("notices", { quick, keep: Boolean(values.keep) });
  const { target, connection } = national;
  try {
    const db = connection.db;
    for (let year = YEARS.from; year <= YEARS.to; year++) await openYear(db, operator(), year);

    const time = async <T>(work: () => Promise<T>) => {
      const t0 = performance.now();
      const value = await work();
      return { ms: performance.now() - t0, value };
    };
    const first = await time(() => refreshDeadlineNotices(db));
    console.log(`\nFirst run: ${first.value} notices made in ${first.ms.toFixed(0)} ms`);
    const steady: number[] = [];
    for (let i = 0; i < 5; i++) steady.push((await time(() => refreshDeadlineNotices(db))).ms);
    const steadyMs = Math.max(...steady);
    console.log(`Steady runs (none made), slowest of 5: ${steadyMs.toFixed(0)} ms`);

    const clerk: Viewer = {
      id: "bench-clerk",
      username: "c",
      name: "c",
      role: "clerk",
      regionCode: "150825",
      sessionId: "s",
    };
    const unread = await unreadCount(db, clerk);
    const bell: number[] = [];
    for (let i = 0; i < runs; i++) bell.push((await time(() => unreadCount(db, clerk))).ms);
    bell.sort((a, b) => a - b);
    const p = (q: number) => bell[Math.min(bell.length - 1, Math.ceil(q * bell.length) - 1)];
    console.log(
      `Bell (乌拉特后旗's clerk, ${unread} unread), ${runs} runs: p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms`,
    );

    const ok = steadyMs <= STEADY_TARGET_MS && p(0.95) <= BELL_TARGET_MS;
    console.log(
      `\nTargets (steady run ≤ ${STEADY_TARGET_MS} ms, bell p95 ≤ ${BELL_TARGET_MS} ms)${target.kind === "postgres" ? "" : " (for the Postgres server)"}: ${ok ? "met" : "NOT met"}`,
    );
    return ok || target.kind === "pglite" ? 0 : 1;
  } finally {
    await national.close();
  }
}
