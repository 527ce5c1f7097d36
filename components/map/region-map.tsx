"use client";

import type { RegionMapProps } from "./types";

/** Placeholder until the drawing lands. */
export function RegionMap({ height, title }: RegionMapProps) {
  return <div role="img" aria-label={title} style={{ height: height ?? 360 }} data-testid="region-map" />;
}
