"use client";

import dynamic from "next/dynamic";
import type { RegionMapProps } from "./types";

function MapPlaceholder({ height }: { height?: number }) {
  return (
    <div
      className="w-full animate-pulse rounded bg-line/30"
      style={{ height: height ?? 360 }}
      data-testid="map-loading"
    />
  );
}

/** The map's drawing (d3-geo and the boundaries) loads after the page is interactive. */
export const RegionMap = dynamic<RegionMapProps>(() => import("./region-map").then((m) => m.RegionMap), {
  ssr: false,
  loading: () => <MapPlaceholder />,
});
