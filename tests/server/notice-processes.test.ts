import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshDeadlineNotices } from "@/db/mutations/notices";
import { openYear } from "@/db/mutations/periods";
import { prepareDatabase } from "@/db/prepare";
import { notices } from "@/db/schema";
import { operator } from "@/lib/auth/operator";
import { testDatabase } from "../helpers/db";

const run = promisify(execFile);

/**
 * Two server processes send the notices to the group robot at the same time: each notice reaches
 * the robot once. Needs a database two processes can share, so it runs on the Postgres server only.
 */
describe.skipIf(!process.env.DATABASE_URL)("the notice sender in two processes", () => {
  let database: Awaited<ReturnType<typeof testDatabase>>;
  let server: http.Server;
  let robot = "";
  const lines: string[] = [];

  beforeAll(async () => {
    database = await testDatabase();
    await prepareDatabase(database, { demo: false });
    await openYear(database.db, operator(), 2023);
    await refreshDeadlineNotices(database.db, "2023-04-20");
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        lines.push(...(JSON.parse(body) as { markdown: { content: string } }).markdown.content.split("\n").slice(1));
        // A slow robot, so that the two senders overlap.
        setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end('{"errcode":0}'), 30);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    robot = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send?key=test`;
  }, 120_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await database?.close();
  });

  it("sends every notice exactly once", async () => {
    const [{ total }] = await database.db.select({ total: sql<number>`count(*)::int` }).from(notices);
    expect(total).toBeGreaterThan(200);
    const url = new URL(process.env.DATABASE_URL as string);
    url.pathname = `/${database.name}`;
    const child = () =>
      run("node_modules/.bin/tsx", ["tests/helpers/deliver-child.mts", url.toString(), robot], { timeout: 90_000 });
    const [a, b] = await Promise.all([child(), child()]);
    const sent = [Number(a.stdout.trim()), Number(b.stdout.trim())];
    // Both took part, and between them sent each notice once.
    expect(sent[0]).toBeGreaterThan(0);
    expect(sent[1]).toBeGreaterThan(0);
    expect(sent[0] + sent[1]).toBe(total);
    expect(lines).toHaveLength(total);
    expect(new Set(lines).size).toBe(total);
    const [{ unsent }] = await database.db
      .select({ unsent: sql<number>`count(*)::int` })
      .from(notices)
      .where(isNull(notices.sentAt));
    expect(unsent).toBe(0);
  }, 120_000);
});
