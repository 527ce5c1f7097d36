import type { Page } from "@playwright/test";

/**
 * A PNG as the browser decodes it: its size, how many distinct colours it has (every 7th pixel),
 * and which of the `find` colours (#rrggbb) appear in it.
 */
export async function pictureOf(page: Page, png: Buffer, find: readonly string[] = []) {
  return page.evaluate(
    async ({ base64, find }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = Object.assign(document.createElement("canvas"), { width: image.width, height: image.height });
      const context = canvas.getContext("2d") as CanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      const colours = new Set<number>();
      const all = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4) {
        const colour = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
        all.add(colour);
        if ((i / 4) % 7 === 0) colours.add(colour);
      }
      const found = find.filter((hex) => all.has(Number.parseInt(hex.slice(1), 16)));
      return { width: image.width, height: image.height, colours: colours.size, found };
    },
    { base64: png.toString("base64"), find },
  );
}
