/**
 * The whole chart panel as a picture, as it looks on the page — title, legend, axes and the
 * caption line — drawn by modern-screenshot (a maintained DOM-to-image library) on white: a PNG
 * at twice the size, or an SVG (the panel as drawn, its text still text, scalable for print). Loaded
 * only when someone downloads a picture, so it costs the pages nothing.
 */
const options = {
  backgroundColor: "#ffffff",
  // The toolbar is for the page, not for the picture.
  filter: (node: Node) => !(node instanceof HTMLElement && node.dataset.exportSkip !== undefined),
};

export async function panelToPng(panel: HTMLElement): Promise<Blob> {
  const { domToBlob } = await import("modern-screenshot");
  return domToBlob(panel, { ...options, scale: 2, type: "image/png" });
}

/** An SVG whose text stays text (the panel in a foreignObject, styles inlined), not a wrapped bitmap. */
export async function panelToSvg(panel: HTMLElement): Promise<Blob> {
  const { domToForeignObjectSvg } = await import("modern-screenshot");
  const svg = await domToForeignObjectSvg(panel, options);
  return new Blob([new XMLSerializer().serializeToString(svg)], { type: "image/svg+xml" });
}
