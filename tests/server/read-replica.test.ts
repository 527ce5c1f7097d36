import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as summary } from "@/app/api/summary/route";
import { adoptConnection } from "@/db/client";
import { type Connection, connect } from "@/db/connect";
import { prepareDatabase } from "@/db/prepare";
import { dataVersion } from "@/db/queries/meta";
import { operator } from "@/lib/auth/operator";
import { answersFromReplica } from "@/server/read-cache";
import { testDatabase } from "../helpers/db";
import { uploadPromotions } from "../helpers/promotions";
import { viewerCookie } from "../helpers/session";

/**
 * Dashboard reads on a real streaming replica (DATABASE_READ_URL): a copy of the test run's
 * Postgres server taken with pg_basebackup and started as a hot standby on a free loopback port.
 * Reads go to it once it has replayed the primary's data version, and never while it lags: a
 * commit is in the next read even with the replica's replay paused. Needs the Postgres server,
 * its binaries and a replication entry in its pg_hba.conf; the test says why it is skipped.
 */
const serverUrl = process.env.DATABASE_URL;
const bin = "/usr/lib/postgresql/15/bin";

async function replicaUnavailable(): Promise<string | null> {
  if (!serverUrl) return "no Postgres server (DATABASE_URL)";
  if (!fs.existsSync(path.join(bin, "pg_basebackup"))) return "no PostgreSQL 15 binaries";
  if (process.getuid?.() !== 0) return "needs root to run the standby as the postgres user";
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      "select count(*)::int as n from pg_hba_file_rules where 'replication' = any(database) and error is null",
    );
    return rows[0].n > 0 ? null : "the server's pg_hba.conf allows no replication connection";
  } finally {
    await client.end();
  }
}
const skip = await replicaUnavailable();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

const asPostgres = (command: string, args: string[]) =>
  execFileSync("runuser", ["-u", "postgres", "--", path.join(bin, command), ...args], {
    stdio: "pipe",
    timeout: 60_000,
  });

let primary: Awaited<ReturnType<typeof testDatabase>>;
let replica: Connection;
let folder = "";
let cookie = "";

describe.skipIf(skip !== null)(`the read replica${skip ? ` (skipped: ${skip})` : ""}`, () => {
  beforeAll(async () => {
    primary = await testDatabase();
    await prepareDatabase(primary, { demo: false });
    // The standby: a base backup of the whole server, streaming from it (-R writes the settings).
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "cadre-replica-"));
    fs.chmodSync(folder, 0o700);
    execFileSync("chown", ["postgres", folder]);
    const url = new URL(serverUrl as string);
    asPostgres("pg_basebackup", [
      "-h",
      url.hostname,
      "-p",
      url.port || "5432",
      "-U",
      "postgres",
      "-D",
      folder,
      "-R",
      "-X",
      "stream",
      // At once, rather than at the server's next checkpoint (up to checkpoint_timeout away).
      "--checkpoint=fast",
    ]);
    const port = await freePort();
    fs.writeFileSync(
      path.join(folder, "postgresql.conf"),
      `listen_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${folder}'\nhot_standby = on\n` +
        `hba_file = '${folder}/pg_hba.conf'\nident_file = '${folder}/pg_ident.conf'\n`,
    );
    fs.writeFileSync(path.join(folder, "pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
    fs.writeFileSync(path.join(folder, "pg_ident.conf"), "");
    execFileSync("chown", ["-R", "postgres", folder]);
    asPostgres("pg_ctl", ["-D", folder, "-l", path.join(folder, "log"), "-w", "start"]);
    const replicaUrl = new URL(serverUrl as string);
    replicaUrl.port = String(port);
    replicaUrl.pathname = `/${primary.name}`;
    replica = await connect({ databaseUrl: replicaUrl.toString() });
    adoptConnection(primary, replica);
    cookie = await viewerCookie(primary.db, "replica-viewer");
  }, 180_000);

  afterAll(async () => {
    await replica?.close().catch(() => {});
    if (folder) {
      try {
        asPostgres("pg_ctl", ["-D", folder, "-m", "immediate", "stop"]);
      } catch {
        // Not started.
      }
      fs.rmSync(folder, { recursive: true, force: true });
    }
    await primary?.close();
  });

  const onReplica = (statement: string) => replica.db.execute(statement);
  const caughtUp = async () => {
    const want = BigInt(await dataVersion(primary.db));
    for (let i = 0; i < 200; i++) {
      if (BigInt(await dataVersion(replica.db)) >= want) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("the replica did not catch up in 10 s");
  };
  const total = async (region: string) => {
    const response = await summary(
      new Request(new URL(`/api/summary?region=${region}&year=2023`, "http://localhost:3000"), {
        headers: { cookie },
      }),
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { promotions: { total: number } }).promotions.total;
  };
  async function commit(count: number) {
    const report = await uploadPromotions(primary.db, operator(), [`乌拉特后旗,2023,1,乡村振兴,${count}`]);
    expect(report).toMatchObject({ ok: true, errors: [] });
  }

  it("is a real standby, streaming from the primary", async () => {
    const recovery = (await onReplica("select pg_is_in_recovery() as standby")) as unknown as {
      rows: { standby: boolean }[];
    };
    expect(recovery.rows[0].standby).toBe(true);
  });

  it("answers dashboard reads once it has replayed the primary's data version", async () => {
    await caughtUp();
    const before = answersFromReplica();
    expect(await total("150800")).toBe(0);
    expect(answersFromReplica()).toBe(before + 1);
  });

  it("is passed over while it lags: a commit is in the next read all the same", async () => {
    await onReplica("select pg_wal_replay_pause()");
    try {
      await commit(9);
      const before = answersFromReplica();
      // The primary's version moved; the paused replica's did not: the read is made on the primary.
      expect(await total("150800")).toBe(9);
      expect(answersFromReplica()).toBe(before);
    } finally {
      await onReplica("select pg_wal_replay_resume()");
    }
    await caughtUp();
    const before = answersFromReplica();
    expect(await total("150825")).toBe(9);
    expect(answersFromReplica()).toBe(before + 1);
  });
});
