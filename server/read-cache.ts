import { getDb, getReadDb } from "@/db/client";
import type { Db } from "@/db/connect";
import { dataVersion } from "@/db/queries/meta";
import type { Principal } from "@/lib/auth/permissions";

/*
 * Answers of read routes, kept per server process and keyed by the data version
 * (db/schema/data-version.ts) besides the route, its parameters and what the caller may see.
 * The version is read before the answer is made: an answer is stored under a version no newer
 * than the data it was made from, so a reader that finds it has seen the database at least as new
 * as that version, and a commit (which raises the version in its own transaction) is in the next
 * read of every process. The version is in the database; each process's cache is only a copy.
 * Keys also carry the minute, for answers that count days from today.
 */

/** At most this many characters of JSON per process: V8 keeps text with Chinese in it at 2 bytes a character, so 64 MB. */
const MAX_CHARS = 32 * 1024 * 1024;

type Entry = { version: string; body: string };

const globalCache = globalThis as unknown as { __cadreReadCache?: { entries: Map<string, Entry>; chars: number } };
// One map per process, whichever layer of Next loads this module.
globalCache.__cadreReadCache ??= { entries: new Map<string, Entry>(), chars: 0 };
const store = globalCache.__cadreReadCache;
const cache = store.entries;

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
  make: (db: Db) => Promise<unknown>,
): Promise<string> {
  const primary = await getDb();
  const version = await dataVersion(primary);
  // Answers that count days (overdue reports, a funnel's day) follow the clock: a minute at most.
  const minute = Math.floor(Date.now() / 60_000);
  const key = `${route}|${callerKey(who)}|${minute}|${JSON.stringify(parameters ?? null)}`;
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.body;
  }
  const body = JSON.stringify(await make(await readerAt(primary, version)));
  forget(key);
  cache.set(key, { version, body });
  store.chars += body.length;
  while (store.chars > MAX_CHARS && cache.size > 1) forget(cache.keys().next().value as string);
  return body;
}

function forget(key: string) {
  const entry = cache.get(key);
  if (!entry) return;
  store.chars -= entry.body.length;
  cache.delete(key);
}

/** How many answers this process holds: for the tests and the benchmark. */
export function cachedAnswers(): number {
  return cache.size;
}

/**
 * Where a read is made: the replica (DATABASE_READ_URL) when its data version has reached the one
 * the primary showed, so its answer is no older than the last commit; else, or when the replica
 * cannot be reached, the primary.
 */
async function readerAt(primary: Db, version: string): Promise<Db> {
  try {
    const replica = await getReadDb();
    if (replica && BigInt(await dataVersion(replica)) >= BigInt(version)) {
      replicaReads++;
      return replica;
    }
  } catch (error) {
    console.error(`[db] read replica unavailable: ${error instanceof Error ? error.message : error}`);
  }
  return primary;
}

let replicaReads = 0;

/** How many answers this process made on the read replica: for the tests. */
export function answersFromReplica(): number {
  return replicaReads;
}
