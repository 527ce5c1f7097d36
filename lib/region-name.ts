/** Region names show in Chinese; English where a checked English name exists. */
export function regionName(region: { nameZh: string; nameEn: string | null }, locale: string): string {
  return locale === "en" && region.nameEn ? region.nameEn : region.nameZh;
}

/** The same for API rows that carry a region's names as `regionName` / `regionNameEn`. */
export function rowRegionName(
  row: { regionName: string | null; regionNameEn?: string | null },
  locale: string,
): string | null {
  return locale === "en" && row.regionNameEn ? row.regionNameEn : row.regionName;
}
