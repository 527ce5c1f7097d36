import { describe, expect, it } from "vitest";
import { readEnv } from "@/server/env";

/** The environment is read in one place; a bad value stops the server with its name, never half-applies. */
describe("readEnv", () => {
  it("takes APP_URL as an http(s) address, blank as unset", () => {
    expect(readEnv({ NODE_ENV: "test", APP_URL: "https://dashboard.example" }).APP_URL).toBe(
      "https://dashboard.example",
    );
    expect(readEnv({ NODE_ENV: "test", APP_URL: "  " }).APP_URL).toBeUndefined();
    expect(readEnv({ NODE_ENV: "test" }).APP_URL).toBeUndefined();
  });

  it.each(["dashboard.example", "ftp://dashboard.example", "javascript:alert(1)"])(
    "refuses APP_URL=%s, naming the variable",
    (value) => {
      expect(() => readEnv({ NODE_ENV: "test", APP_URL: value })).toThrow(/APP_URL/);
    },
  );

  it("takes AUTH_SECRET as given, blank as unset (one is then generated and kept in the database)", () => {
    expect(readEnv({ NODE_ENV: "test", AUTH_SECRET: "s3cret-from-the-operator" }).AUTH_SECRET).toBe(
      "s3cret-from-the-operator",
    );
    expect(readEnv({ NODE_ENV: "test", AUTH_SECRET: "" }).AUTH_SECRET).toBeUndefined();
  });
});
