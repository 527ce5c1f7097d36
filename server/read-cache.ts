import { getDb } from "@/db/client";
import { dataVersion } from "@/db/queries/meta";
import type { Principal } from "@/lib/auth/permissions";

/**
 * Answers of read routes, kept per server process and keyed by the data version
 * (db/schema/data-version.ts) besides the route, its parameters and what the caller may see.
 * The version is read before the answer is made: an answer is stored under a version no newer
 * than the data it was made from, so a reader that finds it has seen the database at least as new
 * as that version, and a commit (which raises the version in its own transaction) is in the next
 * read of every process. The version is in the database; each process's cache is only a copy.
 * Keys also carry the minute, for answers that count days from today.
 */
const MAX_ENTRIES = 2000;

type Entry = { version: string; body: string };

const globalCache = globalThis as unknown as { __cadreReadCache?: Map<string, Entry> };
// One map per process, whichever layer of Next loads this module.
globalCache.__cadreReadCache ??= new Map<string, Entry>();
const cache = globalCache.__cadreReadCache;

/** Everything an answer may differ by for callers: role, home region and the personnel grant. */
function callerKey(who: Principal): string {
  return `${who.role}:${who.regionCode}:${who.personnel ? 1 : 0}`;
}

/**
 * The JSON body of a read: the cached one when the data version has not moved since it was made,
 * else `make()`'s, stored. Least recently used answers leave first once the map is full.
 */
export async function cachedJson(
  route: string,
  parameters: unknown,
  who: Principal,
  make: () => Promise<unknown>,
): Promise<string> {
  const version = await dataVersion(await getDb());
  // Answers that count days (overdue reports, a funnel's day) follow the clock: a minute at most.
  const minute = Math.floor(Date.now() / 60_000);
  const key = `${route}|${callerKey(who)}|${minute}|${JSON.stringify(parameters ?? null)}`;
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.body;
  }
  const body = JSON.stringify(await make());
  cache.delete(key);
  cache.set(key, { version, body });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return body;
}

/** How many answers this process holds: for the tests and the benchmark. */
export function cachedAnswers(): number {
  return cache.size;
}
