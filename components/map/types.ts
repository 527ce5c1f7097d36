/** One region's figure on the map: the value that picks its class, and the text its tooltip shows. */
export type MapDatum = { code: string; label: string; value: number | null; display: string };

/** Class breaks of the values shown and the colour of each class (lib/map-classes.ts). */
export type MapLegendClass = { from: number; to: number; colour: string; label: string };

export type RegionMapProps = {
  /**
   * The region whose children are drawn: 150000 draws the 12 leagues, a league its banners. A
   * banner (no boundaries below it) draws its league's banners with the banner outlined.
   */
  parent: string;
  data: MapDatum[];
  classes: MapLegendClass[];
  /** The region outlined (the one being viewed, when it is on the map). */
  selected?: string;
  /** Called with a region's code on click: the same drill as clicking its bar. */
  onSelect?: (code: string) => void;
  theme?: "light" | "dark";
  /** Height in CSS pixels; the width follows the box. */
  height?: number;
  title: string;
};
