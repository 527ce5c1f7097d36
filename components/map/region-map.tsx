"use client";

import { useQuery } from "@tanstack/react-query";
import { geoConicEqualArea, geoPath } from "d3-geo";
import { useTranslations } from "next-intl";
import { useLayoutEffect, useState } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { colourOf, NO_DATA_COLOUR } from "@/lib/map-classes";
import { drawnShapes, type Shape } from "./shapes";
import type { MapDatum, RegionMapProps } from "./types";

type Layer = "prefectures" | "counties";

const WIDTH = 1000;
const PAD = 8;

/** The box's width in CSS pixels, so that names stay legible whatever the map is scaled to. */
function useWidth() {
  const [width, setWidth] = useState(WIDTH);
  // A callback ref: the box is a new element once the boundaries have loaded.
  const [box, ref] = useState<HTMLDivElement | null>(null);
  useLayoutEffect(() => {
    if (!box) return;
    setWidth(box.getBoundingClientRect().width || WIDTH);
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width || WIDTH));
    observer.observe(box);
    return () => observer.disconnect();
  }, [box]);
  return [ref, width] as const;
}

/** The boundaries of one layer (app/geo/[layer]/route.ts), fetched once per visit. */
function useShapes(layer: Layer) {
  return useQuery({
    queryKey: ["geo", layer],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async (): Promise<Shape[]> => {
      const response = await fetch(`/geo/${layer}`);
      if (!response.ok) throw new Error(String(response.status));
      const topology = (await response.json()) as Topology<Record<Layer, GeometryCollection<{ parent: string }>>>;
      return feature(topology, topology.objects[layer]).features as Shape[];
    },
  });
}

const THEMES = {
  light: { border: "#ffffff", outline: "#1f2933", text: "#1f2933", halo: "rgba(255,255,255,0.85)" },
  dark: { border: "#0b1220", outline: "#fbbf24", text: "#f8fafc", halo: "rgba(11,18,32,0.8)" },
} as const;

/**
 * A choropleth of the parent's children: each region filled with its class's colour, its name
 * written on it, the exact figure in a tooltip, a click drilling in. Drawn with d3-geo in an equal
 * area conic projection fitted to the regions shown (China's usual Albers parallels, 25° and 47°).
 */
export function RegionMap({
  parent,
  data,
  classes,
  selected,
  onSelect,
  theme = "light",
  height,
  title,
}: RegionMapProps) {
  const t = useTranslations("map");
  const layer: Layer = parent === "150000" ? "prefectures" : "counties";
  const { data: shapes, error } = useShapes(layer);
  const [hover, setHover] = useState<{ datum: MapDatum; x: number; y: number; width: number } | null>(null);
  const colours = THEMES[theme];
  const boxHeight = height ?? 360;
  const [boxRef, width] = useWidth();

  if (error || !shapes) {
    return (
      <div ref={boxRef} className="w-full" style={{ height: boxHeight }}>
        {error ? (
          <p className="flex h-full items-center justify-center text-sm text-muted">{t("loadError")}</p>
        ) : (
          <div className="h-full w-full animate-pulse rounded bg-line/30" data-testid="map-loading" />
        )}
      </div>
    );
  }

  const byCode = new Map(data.map((d) => [d.code, d]));
  const {
    drawn,
    outlined,
    offMap: offCodes,
  } = drawnShapes(
    shapes,
    parent,
    data.map((d) => d.code),
    selected,
  );
  // As tall as the regions' shape at the box's width, at most `height`: no empty bands.
  const collection = { type: "FeatureCollection" as const, features: drawn };
  const projection = geoConicEqualArea()
    .parallels([25, 47])
    .rotate([-110, 0])
    .fitWidth(WIDTH - 2 * PAD, collection);
  const natural = geoPath(projection).bounds(collection)[1][1] + 2 * PAD;
  const scale = width / WIDTH;
  const viewHeight = Math.max(120, Math.min(natural, boxHeight / scale));
  projection.fitExtent(
    [
      [PAD, PAD],
      [WIDTH - PAD, viewHeight - PAD],
    ],
    collection,
  );
  const path = geoPath(projection);
  const small = drawn.length > 12;
  // Names in CSS pixels: larger on a wide box (the display wall), never below 10 px on a phone.
  // The wall is read from across a room: twice the size there, the legend below the map.
  const wall = theme === "dark";
  const fontPx = Math.min(wall ? 44 : 30, Math.max(10, (width * (wall ? 2 : 1)) / (small ? 100 : 85)));
  const fontSize = fontPx / scale;
  /** A name's size on its region: smaller where the region is narrow, none where it would not fit. */
  const labelSize = (shape: Shape, label: string) => {
    const [[x0], [x1]] = path.bounds(shape);
    // CJK characters are about 1 em wide, Latin letters about 0.6 em.
    const ems = [...label].reduce((sum, c) => sum + (c.charCodeAt(0) > 0x2e80 ? 1 : 0.6), 0);
    const size = Math.min(fontSize, ((x1 - x0) * 0.95) / ems);
    return size >= fontSize * 0.7 ? size : null;
  };
  const outline = drawn.find((s) => s.id === outlined);
  const offMap = offCodes.flatMap((code) => byCode.get(code) ?? []);
  const muted = theme === "dark" ? "text-slate-200" : "text-muted";

  return (
    <div
      className={`flex w-full flex-col gap-3 ${wall ? "" : "md:flex-row md:items-start"}`}
      data-testid="region-map"
      data-parent={parent}
    >
      <div ref={boxRef} className="relative min-w-0 flex-1">
        <svg
          viewBox={`0 0 ${WIDTH} ${viewHeight}`}
          preserveAspectRatio="xMidYMid meet"
          className="block w-full"
          style={{ height: viewHeight * scale }}
          role="img"
          aria-label={title}
          onMouseLeave={() => setHover(null)}
        >
          {drawn.map((shape) => {
            const datum = byCode.get(shape.id);
            const drill = onSelect && datum ? () => onSelect(shape.id) : undefined;
            return (
              // biome-ignore lint/a11y/noStaticElementInteractions: the map's table view (ChartPanel) is the keyboard route
              <path
                key={shape.id}
                d={path(shape) ?? ""}
                fill={colourOf(classes, datum?.value ?? null)}
                stroke={colours.border}
                strokeWidth={1 / scale}
                data-code={shape.id}
                data-value={datum?.value ?? ""}
                className={drill ? "cursor-pointer hover:opacity-80" : undefined}
                onClick={drill}
                onMouseMove={(event) => {
                  if (!datum) return setHover(null);
                  const box = event.currentTarget.ownerSVGElement?.getBoundingClientRect();
                  if (box)
                    setHover({ datum, x: event.clientX - box.left, y: event.clientY - box.top, width: box.width });
                }}
              />
            );
          })}
          {outline && (
            <path
              d={path(outline) ?? ""}
              fill="none"
              stroke={colours.outline}
              strokeWidth={3 / scale}
              pointerEvents="none"
              data-testid="map-outline"
            />
          )}
          {drawn.map((shape) => {
            const datum = byCode.get(shape.id);
            const [x, y] = path.centroid(shape);
            const size = datum && Number.isFinite(x) ? labelSize(shape, datum.label) : null;
            if (!datum || !size) return null;
            return (
              <text
                key={shape.id}
                x={x}
                y={y}
                textAnchor="middle"
                dominantBaseline="middle"
                fontSize={size}
                fill={colours.text}
                stroke={colours.halo}
                strokeWidth={size / 5}
                paintOrder="stroke"
                pointerEvents="none"
              >
                {datum.label}
              </text>
            );
          })}
        </svg>
        {hover && (
          <div
            role="tooltip"
            className="pointer-events-none absolute z-10 rounded border border-line bg-surface px-2 py-1 text-xs text-ink shadow"
            style={{ left: Math.max(0, Math.min(hover.x + 12, hover.width - 200)), top: hover.y + 12 }}
            data-testid="map-tooltip"
          >
            <span className="font-medium">{hover.datum.label}</span> {hover.datum.display}
          </div>
        )}
      </div>
      <aside
        className={`shrink-0 space-y-3 ${wall ? "" : "md:w-48 lg:w-56"}`}
        style={{ fontSize: Math.max(12, fontPx * (wall ? 0.8 : 0.9)) }}
      >
        <ul
          className={`flex flex-wrap gap-x-3 gap-y-1 ${wall ? "" : "md:flex-col"}`}
          aria-label={t("legend")}
          data-testid="map-legend"
        >
          {classes.map((c) => (
            <li key={`${c.from}-${c.to}`} className="flex items-center gap-1" data-colour={c.colour}>
              <span
                className="inline-block h-[1em] w-[1.4em] shrink-0 rounded-sm border border-line"
                style={{ background: c.colour }}
              />
              <span className={muted}>{c.label}</span>
            </li>
          ))}
          {data.some((d) => d.value === null) && (
            <li className="flex items-center gap-1" data-colour={NO_DATA_COLOUR}>
              <span
                className="inline-block h-[1em] w-[1.4em] shrink-0 rounded-sm border border-line"
                style={{ background: NO_DATA_COLOUR }}
              />
              <span className={muted}>{t("noData")}</span>
            </li>
          )}
        </ul>
        {offMap.length > 0 && (
          <div data-testid="map-off-map">
            <p className={`font-medium ${muted}`} title={t("offMapNote")}>
              {t("offMap")}
            </p>
            <ul className={`mt-0.5 flex flex-wrap gap-x-3 ${wall ? "" : "md:flex-col"}`}>
              {offMap.map((d) => (
                <li key={d.code}>
                  <span
                    className="inline-block h-2.5 w-2.5 rounded-sm"
                    style={{ background: colourOf(classes, d.value) }}
                  />{" "}
                  {d.label} {d.display}
                </li>
              ))}
            </ul>
          </div>
        )}
      </aside>
    </div>
  );
}
