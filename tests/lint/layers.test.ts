import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

/**
 * The layers biome.json enforces with style/noRestrictedImports: client code (components/,
 * app/**\/client.tsx) and lib/ never import the server or the database; pages and route handlers
 * go through db/queries and db/mutations, never drizzle-orm, the schema or the connection.
 * Each case writes a file inside the repo (the overrides match by path), lints it, and deletes it.
 */
const root = path.resolve(__dirname, "../..");
const biome = path.join(root, "node_modules/.bin/biome");
const written: string[] = [];

function lint(file: string, source: string) {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  written.push(full);
  fs.writeFileSync(full, source);
  const run = spawnSync(biome, ["lint", "--colors=off", file], { cwd: root, encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

afterEach(() => {
  for (const file of written.splice(0)) fs.rmSync(file, { force: true });
  // The directory made for the page fixture only.
  fs.rmSync(path.join(root, "app/__lint_fixture__"), { recursive: true, force: true });
});

describe("import layers", () => {
  it("refuses the database in a component", () => {
    const { status, output } = lint(
      "components/__lint_fixture__.tsx",
      'import { getDb } from "@/db/client";\n\nexport const fixture = getDb;\n',
    );
    expect(status).not.toBe(0);
    expect(output).toContain("noRestrictedImports");
    expect(output).toContain("@/db/client");
  });

  it("refuses the server in lib/", () => {
    const { status, output } = lint(
      "lib/__lint_fixture__.ts",
      'import { env } from "@/server/env";\n\nexport const fixture = env;\n',
    );
    expect(status).not.toBe(0);
    expect(output).toContain("noRestrictedImports");
    expect(output).toContain("@/server/env");
  });

  it("refuses drizzle-orm and the schema in a page", () => {
    const { status, output } = lint(
      "app/__lint_fixture__/page.tsx",
      'import { sql } from "drizzle-orm";\nimport { users } from "@/db/schema";\n\nexport const fixture = [sql, users];\n',
    );
    expect(status).not.toBe(0);
    expect(output).toContain("noRestrictedImports");
    expect(output).toContain("drizzle-orm");
    expect(output).toContain("@/db/schema");
  });

  it("passes a client file that reads through lib/api", () => {
    const { status, output } = lint(
      "components/__lint_fixture__.tsx",
      'import { overviewQuery } from "@/lib/api/overview";\nimport { periodKey } from "@/lib/view";\n\nexport const fixture = [overviewQuery, periodKey];\n',
    );
    expect(output).not.toContain("noRestrictedImports");
    expect(status).toBe(0);
  });
});
