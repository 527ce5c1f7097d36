import { spawnSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileTrust, parseTrustedProxies, trustRequest } from "@/server/client-address.mjs";
import { readEnv } from "@/server/env";

/**
 * Who the client is, decided by the production server before Next sees the request: the socket's
 * peer, unless it is a trusted proxy. Here on a real socket; the full server in e2e/trust.spec.ts.
 */
type Echo = Record<string, string | string[] | undefined>;
const servers: http.Server[] = [];

async function echoServer(trusted: string | undefined): Promise<string> {
  const trust = compileTrust(parseTrustedProxies(trusted));
  const server = http.createServer((request, response) => {
    trustRequest(request, trust);
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify(request.headers));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const forged = {
  "x-forwarded-for": "203.0.113.9, 198.51.100.7",
  "x-real-ip": "203.0.113.10",
  forwarded: "for=203.0.113.11",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-forwarded-port": "443",
};

async function seen(base: string, headers: Record<string, string>): Promise<Echo> {
  return (await fetch(`${base}/`, { headers })).json() as Promise<Echo>;
}

let untrusted = "";
let trusted = "";

beforeAll(async () => {
  untrusted = await echoServer(undefined);
  trusted = await echoServer("127.0.0.1");
});

afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
});

describe("TRUSTED_PROXIES", () => {
  it.each([
    [undefined, []],
    ["", []],
    ["127.0.0.1", ["127.0.0.1"]],
    [" 10.0.0.0/8 , ::1 ", ["10.0.0.0/8", "::1"]],
    ["loopback,192.168.1.10", ["loopback", "192.168.1.10"]],
  ])("%j is read as %j", (value, expected) => {
    expect(parseTrustedProxies(value)).toEqual(expected);
    expect(readEnv({ NODE_ENV: "test", TRUSTED_PROXIES: value }).TRUSTED_PROXIES).toEqual(expected);
  });

  it.each(["10.0.0.300", "proxy.example", "10.0.0.0/33", "127.0.0.1,,10.0.0.1", "127.0.0.1;10.0.0.1", "*"])(
    "%j is refused by the env module and the server will not start",
    (value) => {
      expect(() => parseTrustedProxies(value)).toThrow(/TRUSTED_PROXIES/);
      expect(() => readEnv({ NODE_ENV: "test", TRUSTED_PROXIES: value })).toThrow(/TRUSTED_PROXIES/);
    },
  );

  it("malformed, stops scripts/serve.mjs before it serves anything", () => {
    const run = spawnSync(process.execPath, ["scripts/serve.mjs", "-p", "0"], {
      env: { ...process.env, TRUSTED_PROXIES: "10.0.0.300" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/TRUSTED_PROXIES is malformed/);
  });
});

describe("forwarding headers", () => {
  it("from a client that is no trusted proxy are replaced by the socket's peer or dropped", async () => {
    const headers = await seen(untrusted, forged);
    expect(headers["x-forwarded-for"]).toBe("127.0.0.1");
    for (const name of ["x-real-ip", "forwarded", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"]) {
      expect(headers[name], name).toBeUndefined();
    }
    expect(headers.host).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it("from a trusted proxy name the client it forwarded for, and keep host and scheme", async () => {
    const headers = await seen(trusted, forged);
    // The last hop before the trusted proxy: 198.51.100.7 is not trusted, so it is the client.
    expect(headers["x-forwarded-for"]).toBe("198.51.100.7");
    expect(headers["x-real-ip"]).toBeUndefined();
    expect(headers.forwarded).toBeUndefined();
    expect(headers["x-forwarded-host"]).toBe("evil.example");
    expect(headers["x-forwarded-proto"]).toBe("https");
    // Without a forwarded address the proxy itself is the client.
    expect((await seen(trusted, {}))["x-forwarded-for"]).toBe("127.0.0.1");
  });
});
