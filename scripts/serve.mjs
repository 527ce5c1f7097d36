#!/usr/bin/env node
/**
 * The production server: Next's request handler behind a plain Node HTTP server that decides
 * who the client is before Next sees the request (server/client-address.mjs). Next itself fills in
 * x-forwarded-for only when the client did not send one, so without this any client could name
 * any address for the audit log, and x-forwarded-host would pass the origin checks.
 *
 *   node scripts/serve.mjs [-p <port>] [-H <hostname>]     (PORT, TRUSTED_PROXIES from the environment)
 *
 * Plain JavaScript so that production runs it without tsx.
 */
import http from "node:http";
import { parseArgs } from "node:util";
import { compileTrust, parseTrustedProxies, trustRequest } from "../server/client-address.mjs";

process.env.NODE_ENV = "production";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: not a port: ${values.port ?? process.env.PORT}`);
  process.exit(2);
}
const hostname = values.hostname;

let trust;
try {
  const proxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  trust = compileTrust(proxies);
  if (proxies.length > 0) console.log(`serve: forwarding headers trusted from ${proxies.join(", ")}`);
} catch (error) {
  console.error(`serve: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

// After NODE_ENV is set: Next reads it when it loads.
const { default: next } = await import("next");
const app = next({ dev: false, hostname: hostname ?? "localhost", port, dir: process.cwd() });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((request, response) => {
  trustRequest(request, trust);
  handle(request, response);
});
server.listen(port, hostname, () => {
  console.log(`serve: http://${hostname ?? "localhost"}:${port}`);
});

// As next start does: stop at once; the PGlite lock file is released on exit (db/pglite-lock.ts).
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
