// Plain JavaScript: the production server (scripts/serve.mjs) runs it without a TypeScript step,
// and server/env.ts validates TRUSTED_PROXIES with the same function.
import proxyaddr from "proxy-addr";

/**
 * TRUSTED_PROXIES: comma-separated addresses or CIDR ranges of the reverse proxies in front of
 * this server (or proxy-addr's names loopback, linklocal, uniquelocal). Unset or empty: none,
 * the socket's peer is the client. Anything malformed throws, so the server refuses to start
 * instead of trusting the wrong machines.
 *
 * @param {string | undefined} value
 * @returns {string[]}
 */
export function parseTrustedProxies(value) {
  if (value === undefined || value.trim() === "") return [];
  const entries = value.split(",").map((entry) => entry.trim());
  if (entries.some((entry) => entry === "")) throw new Error(`TRUSTED_PROXIES has an empty entry: "${value}"`);
  try {
    proxyaddr.compile(entries);
  } catch (error) {
    throw new Error(`TRUSTED_PROXIES is malformed (${error instanceof Error ? error.message : error}): "${value}"`);
  }
  return entries;
}

/**
 * @param {string[]} proxies from parseTrustedProxies
 * @returns {(address: string, hop: number) => boolean}
 */
export function compileTrust(proxies) {
  return proxies.length === 0 ? () => false : proxyaddr.compile(proxies);
}

/** "::ffff:10.0.0.1" is how a dual-stack socket reports an IPv4 client. */
function plain(address) {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

/**
 * Rewrites a request's forwarding headers before the application sees them, so that every
 * header it reads is one this server vouches for: x-forwarded-for becomes the one client address
 * (the socket's peer, or what trusted proxies forwarded), x-real-ip and Forwarded are dropped,
 * and x-forwarded-host/-proto/-port survive only from a trusted proxy (Next then sets them from
 * the Host header and the socket).
 *
 * @param {import("node:http").IncomingMessage} request
 * @param {(address: string, hop: number) => boolean} trust
 */
export function trustRequest(request, trust) {
  const peer = request.socket.remoteAddress ?? "";
  const fromProxy = peer !== "" && trust(peer, 0);
  const client = fromProxy ? proxyaddr(request, trust) : peer;
  request.headers["x-forwarded-for"] = plain(client);
  delete request.headers["x-real-ip"];
  delete request.headers.forwarded;
  if (!fromProxy) {
    delete request.headers["x-forwarded-host"];
    delete request.headers["x-forwarded-proto"];
    delete request.headers["x-forwarded-port"];
  }
}
