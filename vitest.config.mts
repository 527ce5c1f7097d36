import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    environment: "node",
    include: ["tests/**/*.test.ts"],
    // Integration tests start PGlite (WebAssembly) or create a server database per file; both take seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
