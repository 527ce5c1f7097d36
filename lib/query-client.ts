import { isServer, QueryClient } from "@tanstack/react-query";

/**
 * Figures change only when an upload is committed; a short stale time keeps navigation snappy
 * without showing anything older than half a minute.
 */
function makeQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } });
}

let browserClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
