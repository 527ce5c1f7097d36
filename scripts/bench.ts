/**
 * Benchmarks (not timed tests), one module each under scripts/bench/:
 *   npm run bench -- import [--quick] [--keep] [--cpu-prof]
 *   npm run bench -- dashboard [--quick] [--ten-times] [--runs N] [--warmup N] [--port N] [--keep] [--load-seconds S]
 *   npm run bench -- report [--quick] [--runs N] [--keep]
 *   npm run bench -- notices [--quick] [--runs N] [--keep]
 *   npm run bench -- review [--quick] [--rows N] [--keep]
 * They use DATABASE_URL like the app (a fresh database per run on that server), else PGlite.
 */
const BENCHMARKS: Record<string, { about: string; run: () => Promise<(argv: string[]) => Promise<number>> }> = {
  import: {
    about: "CSV/XLSX import of arena entries (100k CSV, 100k XLSX, 1M CSV) against Postgres COPY",
    run: async () => (await import("./bench/import")).importBench,
  },
  report: {
    about: "the Bayannur report at national scale: figures, text and .docx (target ≤ 1 s on Postgres)",
    run: async () => (await import("./bench/report")).reportBench,
  },
  notices: {
    about: "the reminders at national scale: making the deadline notices of ten years, and the bell's unread count",
    run: async () => (await import("./bench/notices")).noticesBench,
  },
  review: {
    about: "a league's large report through the cycle: submit, open for review, approve, against direct publication",
    run: async () => (await import("./bench/review")).reviewBench,
  },
  dashboard: {
    about:
      "read API (summary, overview, project-stats, promotions, adjustments, arena) over HTTP vs direct SQL at national scale; first-load JS",
    run: async () => (await import("./bench/dashboard")).dashboardBench,
  },
};

async function main(): Promise<number> {
  const [name, ...argv] = process.argv.slice(2);
  const benchmark = name ? BENCHMARKS[name] : undefined;
  if (!benchmark) {
    console.error("Usage: npm run bench -- <benchmark> [options]");
    for (const [key, { about }] of Object.entries(BENCHMARKS)) console.error(`  ${key.padEnd(10)} ${about}`);
    return 2;
  }
  return (await benchmark.run())(argv);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
