/**
 * The client's address, read here and nowhere else. The production server (scripts/serve.mjs)
 * replaces x-forwarded-for with the one address it resolved from the socket and the trusted
 * proxies (TRUSTED_PROXIES), so whatever a client sent in its own headers never arrives here.
 */
export function clientAddress(headers: Headers | undefined): string | null {
  return headers?.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
}

export function requestIp(request: Request): string | null {
  return clientAddress(request.headers);
}
