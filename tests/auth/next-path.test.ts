import { describe, expect, it } from "vitest";
import { sameSitePath } from "@/lib/next-path";

/**
 * Where sign-in sends the user next. What is returned is what the browser follows, so every
 * hostile value must come back as a path on this site (or "/"), never as a protocol-relative
 * address that a browser reads as another host.
 */
describe("sameSitePath", () => {
  const hostile = [
    "//evil.example",
    "//evil.example/",
    "/\\evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/./\\evil.example",
    "/../\\evil.example",
    "/a/..//evil.example",
    "/././/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/ /evil.example",
    "///evil.example",
    "/\\/evil.example",
    "/%5cevil.example",
    "/%5c%5cevil.example",
    "/%2f/evil.example",
    "/%2f%2fevil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    "   ",
    null,
    undefined,
    "/login",
    "/login?next=/",
    "/./login",
  ];

  it.each(hostile.map((value) => [JSON.stringify(value), value]))("refuses %s", (_label, value) => {
    const path = sameSitePath(value);
    expect(path).toMatch(/^\/(?![/\\])/);
    expect(new URL(path, "http://same.site").origin).toBe("http://same.site");
    // A browser following it stays here (the WHATWG parser is the browser's).
    expect(new URL(path, "http://same.site").host).toBe("same.site");
    expect(new URL(path, "http://same.site").pathname).not.toBe("/login");
  });

  it.each([
    ["/projects", "/projects"],
    ["/?region=150800&year=2023", "/?region=150800&year=2023"],
    ["/regions/150800?year=2023#arena", "/regions/150800?year=2023#arena"],
    ["/a/../projects", "/projects"],
    ["/./projects", "/projects"],
    ["/%2e/projects", "/projects"],
  ])("keeps %s as %s", (value, expected) => {
    expect(sameSitePath(value)).toBe(expected);
  });
});
