import { panelToPng } from "@/components/charts/panel-image";
import type { ReportSection } from "@/lib/api/reports";
import type { ReportImage } from "@/lib/report/docx";

/**
 * Each `[data-report-chart=<section>]` element as the chart panels' PNG (twice its size, its
 * toolbars left out), for the Word file: a section's pictures in the order they are on the page.
 */
export async function chartImages(
  elements: Iterable<HTMLElement>,
): Promise<Partial<Record<ReportSection, ReportImage[]>>> {
  const images: Partial<Record<ReportSection, ReportImage[]>> = {};
  for (const element of elements) {
    const section = element.dataset.reportChart as ReportSection;
    const list = images[section] ?? [];
    images[section] = list;
    list.push({
      data: await (await panelToPng(element)).arrayBuffer(),
      width: element.offsetWidth,
      height: element.offsetHeight,
      alt: element.dataset.title ?? section,
    });
  }
  return images;
}
