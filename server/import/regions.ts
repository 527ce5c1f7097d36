import type { MatchableRegion } from "@/db/queries/regions";
import { type Cell, isBlank, type Parsed, text } from "@/lib/cells";

/**
 * Reads a region the way clerks write it: a code (150825), the full name (乌拉特后旗), the name
 * without its suffix (巴彦淖尔), an abbreviation (乌后旗, 察右前旗), the league and the banner in
 * one cell (巴彦淖尔市乌拉特后旗), or two columns (盟市 + 旗县区). A banner under the wrong league
 * is an error that names the right one; a name that matches nothing suggests the closest names.
 */
const SUFFIXES = ["自治旗", "自治县", "市", "盟", "旗", "县", "区"];

export type RegionMatch = MatchableRegion;

export class RegionResolver {
  private byCode = new Map<string, RegionMatch>();
  private byName = new Map<string, RegionMatch[]>();
  private names: string[] = [];

  constructor(regions: RegionMatch[]) {
    for (const region of regions) {
      this.byCode.set(region.code, region);
      for (const name of this.namesOf(region)) {
        const list = this.byName.get(name) ?? [];
        if (!list.includes(region)) list.push(region);
        this.byName.set(name, list);
      }
    }
    this.names = [...this.byName.keys()];
  }

  private namesOf(region: RegionMatch): string[] {
    const names = [region.nameZh, ...region.aliases];
    for (const suffix of SUFFIXES) {
      if (region.nameZh.endsWith(suffix) && region.nameZh.length - suffix.length >= 2) {
        names.push(region.nameZh.slice(0, -suffix.length));
        break;
      }
    }
    return names;
  }

  get(code: string): RegionMatch | undefined {
    return this.byCode.get(code);
  }

  /** One cell naming a region. */
  resolve(cell: Cell): Parsed<RegionMatch> {
    const t = text(cell).replace(/\s/g, "").replace(/\.0+$/, "");
    if (t === "") return { ok: false, message: "required" };
    if (/^\d{6}$/.test(t)) {
      const region = this.byCode.get(t);
      return region ? { ok: true, value: region } : { ok: false, message: "unknownRegionCode", values: { value: t } };
    }
    const found = this.byName.get(t);
    if (found?.length === 1) return { ok: true, value: found[0] };
    if (found && found.length > 1) {
      return {
        ok: false,
        message: "ambiguousRegion",
        values: { value: t, choices: found.map((r) => this.label(r)).join("、") },
      };
    }
    // League and banner written together: 巴彦淖尔市乌拉特后旗.
    for (const [name, leagues] of this.byName) {
      if (leagues.length !== 1 || leagues[0].level !== "prefecture" || !t.startsWith(name) || t === name) continue;
      const banner = this.byName.get(t.slice(name.length));
      if (banner?.length === 1) return this.within(leagues[0], banner[0]);
    }
    const suggestions = this.closest(t);
    return suggestions.length
      ? { ok: false, message: "unknownRegionSuggest", values: { value: t, suggestions: suggestions.join("、") } }
      : { ok: false, message: "unknownRegion", values: { value: t } };
  }

  /**
   * Two cells, league (盟市) and banner (旗县区). The banner may be blank for the league's own
   * figures; the league may be blank where the banner alone says which region it is.
   */
  resolvePair(leagueCell: Cell, bannerCell: Cell): Parsed<RegionMatch> {
    if (isBlank(bannerCell)) return this.resolve(leagueCell);
    if (isBlank(leagueCell)) return this.resolve(bannerCell);
    const league = this.resolve(leagueCell);
    const banner = this.resolve(bannerCell);
    if (!banner.ok) return banner;
    if (!league.ok) return league;
    return this.within(league.value, banner.value);
  }

  private within(league: RegionMatch, banner: RegionMatch): Parsed<RegionMatch> {
    if (banner.parentCode === league.code || banner.code === league.code) return { ok: true, value: banner };
    const parent = banner.parentCode ? this.byCode.get(banner.parentCode) : undefined;
    return {
      ok: false,
      message: "wrongLeague",
      values: { banner: banner.nameZh, league: league.nameZh, parent: parent?.nameZh ?? "" },
    };
  }

  private label(region: RegionMatch): string {
    const parent = region.parentCode ? this.byCode.get(region.parentCode) : undefined;
    return parent && parent.level !== "autonomous_region"
      ? `${parent.nameZh}${region.nameZh}（${region.code}）`
      : `${region.nameZh}（${region.code}）`;
  }

  /** Up to three official names within a small edit distance, or sharing most characters. */
  private closest(value: string): string[] {
    const scored = this.names
      .map((name) => ({ name, distance: editDistance(value, name) }))
      .filter((s) => s.distance <= Math.max(1, Math.floor(Math.min(value.length, s.name.length) / 2)))
      .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name, "zh-CN"));
    const official = new Set<string>();
    for (const { name } of scored) {
      for (const region of this.byName.get(name) ?? []) official.add(region.nameZh);
      if (official.size >= 3) break;
    }
    return [...official].slice(0, 3);
  }
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}
