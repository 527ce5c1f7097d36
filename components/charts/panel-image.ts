/**
 * The whole chart panel as a picture, as it looks on the page — title, legend, axes and the
 * caption line — drawn by modern-screenshot (a maintained DOM-to-image library) on white: a PNG
 * at twice the size, or an SVG (the panel as drawn, fonts and all, scalable for print). Loaded
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

export async function panelToSvg(panel: HTMLElement): Promise<Blob> {
  const { domToSvg } = await import("modern-screenshot");
  const dataUrl = await domToSvg(panel, options);
  const svg = decodeURIComponent(dataUrl.slice(dataUrl.indexOf(",") + 1));
  return new Blob([svg], { type: "image/svg+xml" });
}
