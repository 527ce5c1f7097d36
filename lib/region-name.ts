/** Region names show in Chinese; English where a checked English name exists. */
export function regionName(region: { nameZh: string; nameEn: string | null }, locale: string): string {
  return locale === "en" && region.nameEn ? region.nameEn : region.nameZh;
}
