import type { ReportSection } from "@/lib/api/reports";
import type { ReportImage } from "@/lib/report/docx";

/**
 * Each `[data-report-chart=<section>]` element as a PNG at twice its size, drawn by
 * modern-screenshot (a maintained DOM-to-image library), for the Word file.
 */
export async function chartImages(
  elements: Iterable<HTMLElement>,
): Promise<Partial<Record<ReportSection, ReportImage>>> {
  const { domToBlob } = await import("modern-screenshot");
  const images: Partial<Record<ReportSection, ReportImage>> = {};
  for (const element of elements) {
    const section = element.dataset.reportChart as ReportSection;
    const blob = await domToBlob(element, { scale: 2, backgroundColor: "#ffffff", type: "image/png" });
    images[section] = {
      data: await blob.arrayBuffer(),
      width: element.offsetWidth,
      height: element.offsetHeight,
      alt: element.dataset.title ?? section,
    };
  }
  return images;
}
