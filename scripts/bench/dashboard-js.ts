/**
 * First-load JavaScript of a page as the browser gets it: the page's HTML from the running
 * production server (signed in), every <script src> in it downloaded once and gzipped with zlib
 * (level 9, about what a server or CDN sends). Scripts marked nomodule (Next's polyfills) are left
 * out: browsers that run the app's modules skip them. Inline scripts (the RSC payload that carries
 * the page's data, and the bootstrap) are counted apart: they grow with the data, not the code.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export type PageJs = {
  route: string;
  status: number;
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
  inlineGzipBytes: number;
  /** Each script's path and gzipped size. */
  files: { src: string; gzipBytes: number }[];
};

const gz = (data: Uint8Array | string) => gzipSync(data, { level: 9 }).length;

export async function firstLoadJs(baseUrl: string, cookie: string, route: string): Promise<PageJs> {
  const response = await fetch(`${baseUrl}${route}`, { headers: { cookie }, redirect: "manual" });
  const html = await response.text();
  if (response.status !== 200) {
    return { route, status: response.status, scripts: 0, rawBytes: 0, gzipBytes: 0, inlineGzipBytes: 0, files: [] };
  }
  const sources = new Set<string>();
  let inline = "";
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(match[1])?.[1];
    if (src && /\bnomodule\b/i.test(match[1])) continue;
    if (src) sources.add(src.replace(/&amp;/g, "&"));
    else inline += match[2];
  }
  let rawBytes = 0;
  let gzipBytes = 0;
  const files: PageJs["files"] = [];
  for (const src of sources) {
    const file = await fetch(new URL(src, baseUrl), { headers: { cookie } });
    if (!file.ok) throw new Error(`${route}: ${src} answered ${file.status}`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const size = gz(bytes);
    rawBytes += bytes.length;
    gzipBytes += size;
    files.push({ src, gzipBytes: size });
  }
  return {
    route,
    status: response.status,
    scripts: sources.size,
    rawBytes,
    gzipBytes,
    inlineGzipBytes: inline ? gz(inline) : 0,
    files,
  };
}

/**
 * What loads after the page, on demand: the chunks that hold a library (found by a marker that
 * survives minification, such as a method name) and the map's boundary layers as served.
 */
export type LazyPart = { name: string; files: number; gzipBytes: number };

const LAZY_MARKERS: { name: string; marker: string }[] = [
  { name: "map drawing (d3-geo, topojson-client)", marker: "fitExtent" },
  { name: "charts (Recharts)", marker: "recharts-surface" },
  { name: "PNG export (modern-screenshot)", marker: "foreignObject" },
];

export async function lazyParts(buildDir: string, baseUrl: string, cookie: string): Promise<LazyPart[]> {
  const folder = path.join(buildDir, ".next", "static", "chunks");
  const chunks = fs
    .readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".js"))
    .map((f) => fs.readFileSync(path.join(folder, f)));
  const parts: LazyPart[] = LAZY_MARKERS.map(({ name, marker }) => {
    const holding = chunks.filter((c) => c.includes(marker));
    return { name, files: holding.length, gzipBytes: holding.reduce((sum, c) => sum + gz(c), 0) };
  });
  for (const layer of ["prefectures", "counties"]) {
    const response = await fetch(`${baseUrl}/geo/${layer}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`/geo/${layer} answered ${response.status}`);
    parts.push({
      name: `boundaries /geo/${layer}`,
      files: 1,
      gzipBytes: gz(new Uint8Array(await response.arrayBuffer())),
    });
  }
  return parts;
}
