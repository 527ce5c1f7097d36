import { type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { PlaceList, PlaceOrganisations, PlaceRow } from "@/lib/api/places";
import { AccessDenied } from "@/lib/auth/errors";
import { canReadAggregates, type Principal } from "@/lib/auth/permissions";
import { type ArenaLevel, arenaLevels, type OrganisationType, organisationTypes } from "@/lib/contract";
import type { ArenaTotals } from "@/lib/types";
import { type Period, periodYears } from "@/lib/view";
import type { Db } from "../connect";
import { arenaEntries, organisations, villages } from "../schema";
import { zeros } from "./breakdown";
import { getRegionPath } from "./regions";
import { rows } from "./sql";

const a = alias(arenaEntries, "a");
const o = alias(organisations, "o");
const ov = alias(villages, "ov");

/** The key of records that name no place ('' in SQL, null in the answer: the 未注明 line). */
const NONE = "";
// Inlined, not a parameter: the grouping sets must repeat the select's expression exactly.
const none = sql.raw("''");

/**
 * Below the banner (docs/data-contract.md §4.10): for a banner, its townships; for a township, its
 * villages; each with its arena entries (per level, in the period) and its Party organisations (per
 * type, the register as it stands). Records naming no place make one more line, so the lines add up
 * to the banner's (or township's) own records. Counts only, never a person's name: open to every
 * signed-in user like every aggregate. A league or the region has no places of its own (kind none).
 */
export async function getPlaces(
  db: Db,
  viewer: Principal,
  filters: { region: string; period?: Period },
): Promise<PlaceList | null> {
  if (!canReadAggregates(viewer)) throw new AccessDenied("forbidden");
  const region = await getRegionPath(db, filters.region);
  if (!region) return null;
  const period = filters.period ?? null;
  const kind =
    region.level === "township"
      ? "villages"
      : region.level === "county" || region.level === "functional_zone"
        ? "townships"
        : "none";
  if (kind === "none") return { region, kind, period, rows: [], total: emptyFigures() };

  const years = period ? periodYears(period) : null;
  const inYears = years ? sql`and ${a.year} between ${years.from} and ${years.to}` : sql``;
  // An organisation that names only its village lies in that village's township.
  const orgTownship = sql`coalesce(${o.townshipCode}, ${ov.townshipCode})`;
  const [places, arena, orgs] =
    kind === "townships"
      ? await Promise.all([
          rows<{ code: string; nameZh: string; kindZh: string }>(
            db,
            sql`select code, name_zh as "nameZh", kind_zh as "kindZh" from regions
                where level = 'township' and parent_code = ${region.code} order by code`,
          ),
          arenaCounts(db, sql`coalesce(${a.townshipCode}, ${none})`, sql`${a.regionCode} = ${region.code} ${inYears}`),
          organisationCounts(db, sql`coalesce(${orgTownship}, ${none})`, sql`${o.regionCode} = ${region.code}`),
        ])
      : await Promise.all([
          rows<{ code: string; nameZh: string; kindZh: string }>(
            db,
            sql`select code, name_zh as "nameZh", kind_zh as "kindZh" from villages
                where township_code = ${region.code} order by code`,
          ),
          arenaCounts(db, sql`coalesce(${a.villageCode}, ${none})`, sql`${a.townshipCode} = ${region.code} ${inYears}`),
          organisationCounts(db, sql`coalesce(${o.villageCode}, ${none})`, sql`${orgTownship} = ${region.code}`),
        ]);

  const figuresOf = (key: string | null) => ({
    arena: arenaOf(arena, key),
    organisations: organisationsOf(orgs, key),
  });
  const list: PlaceRow[] = places.map((p) => ({ ...p, drillable: kind === "townships", ...figuresOf(p.code) }));
  const unmarked = figuresOf(NONE);
  if (unmarked.arena.entries > 0 || unmarked.organisations.count > 0) {
    list.push({ code: null, nameZh: "", kindZh: "", drillable: false, ...unmarked });
  }
  return { region, kind, period, rows: list, total: figuresOf(null) };
}

type ArenaCount = { place: string | null; level: ArenaLevel | null; n: number };
type OrgCount = { place: string | null; type: OrganisationType | null; n: number; members: number };

/** Per place and level, per place, per level and in all (grouping sets: the totals' place is null). */
function arenaCounts(db: Db, place: SQL, where: SQL) {
  return rows<ArenaCount>(
    db,
    sql`select ${place} as place, ${a.level} as level, count(*)::int as n
        from arena_entries a where ${where}
        group by grouping sets ((${place}, ${a.level}), (${place}), (${a.level}), ())`,
  );
}

function organisationCounts(db: Db, place: SQL, where: SQL) {
  return rows<OrgCount>(
    db,
    sql`select ${place} as place, ${o.type} as type, count(*)::int as n, coalesce(sum(${o.members}), 0)::int as members
        from organisations o left join villages ov on ov.code = ${o.villageCode}
        where ${where}
        group by grouping sets ((${place}, ${o.type}), (${place}), (${o.type}), ())`,
  );
}

// A grouping set's row: a place's total has the level (type) null; the totals have the place null.
function arenaOf(list: ArenaCount[], place: string | null): ArenaTotals {
  const byLevel = zeros(arenaLevels);
  let entries = 0;
  for (const r of list) {
    if (r.place !== place) continue;
    if (r.level === null) entries = r.n;
    else byLevel[r.level] = r.n;
  }
  return { entries, byLevel };
}

function organisationsOf(list: OrgCount[], place: string | null): PlaceOrganisations {
  const byType = zeros(organisationTypes);
  let count = 0;
  let members = 0;
  for (const r of list) {
    if (r.place !== place) continue;
    if (r.type === null) {
      count = r.n;
      members = r.members;
    } else byType[r.type] = r.n;
  }
  return { count, members, byType };
}

function emptyFigures(): PlaceList["total"] {
  return {
    arena: { entries: 0, byLevel: zeros(arenaLevels) },
    organisations: { count: 0, members: 0, byType: zeros(organisationTypes) },
  };
}
