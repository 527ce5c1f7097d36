/**
 * The load test of the dashboard benchmark: N connections for S seconds against one read route of
 * the running production server, signed in, with autocannon (loopback only; it stops by itself).
 * Prints requests per second, latency percentiles, errors and the server's resident memory before
 * and after (from /proc, the server process and its children).
 */
import fs from "node:fs";
import autocannon from "autocannon";

export type LoadResult = {
  path: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  rssBeforeMb: number;
  rssAfterMb: number;
};

/** Resident memory of a process and its descendants, in MB (Linux /proc). */
function rssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const parent = Number(fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while it was read.
    }
  }
  let kb = 0;
  const visit = (p: number) => {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      return;
    }
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return kb / 1024;
}

export async function loadTest(opts: {
  baseUrl: string;
  cookie: string;
  path: string;
  connections: number;
  seconds: number;
  serverPid: number;
}): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(opts.baseUrl)) throw new Error("the load test runs on loopback only");
  const rssBeforeMb = rssMb(opts.serverPid);
  const result = await autocannon({
    url: `${opts.baseUrl}${opts.path}`,
    connections: opts.connections,
    duration: opts.seconds,
    headers: { cookie: opts.cookie },
    timeout: 10,
  });
  return {
    path: opts.path,
    connections: opts.connections,
    seconds: opts.seconds,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    rssBeforeMb,
    rssAfterMb: rssMb(opts.serverPid),
  };
}
