import type { Locale } from "@/i18n/config";
import { type Dataset, datasets } from "@/lib/contract";
import { DATASETS, REGION_HEADERS, templateHeaders } from "@/lib/datasets";
import { regionName } from "@/lib/region-name";

/**
 * How the upload pages show a dataset's rows, taken from the upload contract itself
 * (lib/datasets.ts) so that column names on screen are the template's headers. Built on
 * the server (the contract's parsers stay out of the browser bundle) and handed to the client.
 */
export type DatasetLayout = {
  id: Dataset;
  /** Natural key columns, in the order the import joins them. */
  key: string[];
  /** Every column a row of the dataset holds, region first, with its label in the UI language. */
  columns: { db: string; label: string }[];
  /** The template's header row as the file holds it (in English: "region (地区)", …). */
  headers: string[];
};
export type DatasetLayouts = Record<Dataset, DatasetLayout>;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function datasetLayouts(locale: Locale): DatasetLayouts {
  const label = (names: { zh: string; en: string }) => (locale === "en" ? capitalise(names.en) : names.zh);
  return Object.fromEntries(
    datasets.map((id) => {
      const spec = DATASETS[id];
      const zhHeaders = templateHeaders(spec);
      // The template is in Chinese; English readers see which English header each column may also carry.
      const enHeaders = zhHeaders.map((zh) => {
        const en =
          zh === REGION_HEADERS.region.zh
            ? REGION_HEADERS.region.en
            : spec.columns.find((c) => zh.startsWith(c.zh))?.en;
        return en ? `${en} (${zh})` : zh;
      });
      const region = { db: "region_code", label: label(REGION_HEADERS.region) };
      const own = spec.columns.map((c) => ({
        db: c.db,
        // The template's header, with its unit where it has one (计划投资（万元）).
        label: locale === "en" ? capitalise(c.en) : (zhHeaders.find((h) => h.startsWith(c.zh)) ?? c.zh),
      }));
      const columns = id === "projects" ? [own[0], own[1], region, ...own.slice(2)] : [region, ...own];
      return [id, { id, key: spec.key, columns, headers: locale === "en" ? enHeaders : zhHeaders }];
    }),
  ) as DatasetLayouts;
}

/** Region code → name in the UI language, for showing the codes that rows and keys carry. */
export function regionNameMap(
  regions: { code: string; nameZh: string; nameEn: string | null }[],
  locale: Locale,
): Record<string, string> {
  return Object.fromEntries(regions.map((r) => [r.code, regionName(r, locale)]));
}
