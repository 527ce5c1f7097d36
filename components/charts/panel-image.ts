/**
 * The whole chart panel as a PNG, as it looks on the page — title, legend, axes and the caption
 * line — drawn by modern-screenshot (a maintained DOM-to-image library) at twice the size, on
 * white. Loaded only when someone downloads a picture, so it costs the pages nothing.
 */
export async function panelToPng(panel: HTMLElement): Promise<Blob> {
  const { domToBlob } = await import("modern-screenshot");
  return domToBlob(panel, {
    scale: 2,
    backgroundColor: "#ffffff",
    type: "image/png",
    // The toolbar is for the page, not for the picture.
    filter: (node) => !(node instanceof HTMLElement && node.dataset.exportSkip !== undefined),
  });
}
