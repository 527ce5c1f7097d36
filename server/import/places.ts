import { sql } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import { staged } from "@/db/mutations/datasets";
import { rows } from "@/db/queries/sql";

type AddError = (
  row: number,
  column: string,
  value: string,
  key: string,
  values?: Record<string, string | number>,
) => void;
type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Errors listed per kind of place: a file with more has a wrong column, and the first ones say so. */
const LISTED = 200;
const CANDIDATES = 8;

/**
 * An organisation's 苏木乡镇 and 嘎查村/社区 are written as names (or codes) and resolved by exact name
 * inside the row's banner against the reference (townships in `regions`, villages in `villages`);
 * the staged cell then holds the code. A name that matches nothing, or more than one place, is an
 * error on its row and column that lists the candidates. Run after staging, before the diff.
 */
export async function resolvePlaces(tx: Tx, addError: AddError, t: Translate) {
  // Most files name no place (an arena file without the optional columns): nothing to resolve, and no
  // join of every staged row with the reference.
  const [named] = await rows<{ any: boolean }>(
    tx,
    sql`select exists (select 1 from ${staged} where township_code is not null or village_code is not null) as any`,
  );
  if (!named?.any) return;
  const townships = await rows<{
    row: number;
    value: string;
    region: string;
    level: string;
    matches: string[];
    near: string[];
  }>(
    tx,
    sql`select s.row_number as row, s.township_code as value, r.name_zh as region, r.level::text as level, m.matches,
               case when cardinality(m.matches) = 0 then array(
                 select t.name_zh from regions t where t.level = 'township' and t.parent_code = s.region_code
                 order by (t.name_zh like '%' || left(s.township_code, 2) || '%') desc, t.code limit ${CANDIDATES}) end as near
        from ${staged} s join regions r on r.code = s.region_code
        cross join lateral (select coalesce(array_agg(t.name_zh || '（' || t.code || '）' order by t.code), '{}') as matches
          from regions t where t.level = 'township' and t.parent_code = s.region_code
            and (t.name_zh = s.township_code or t.code = s.township_code)) m
        where s.township_code is not null and cardinality(m.matches) <> 1
        order by s.row_number limit ${LISTED}`,
  );
  report(townships, "苏木乡镇", t("placeLevels.township"), addError, t);
  await tx.execute(sql`update ${staged} s set township_code = t.code from regions t
    where s.township_code is not null and t.level = 'township' and t.parent_code = s.region_code
      and (t.name_zh = s.township_code or t.code = s.township_code)`);

  // A village inside the row's township where one is given, else anywhere in its banner.
  const villages = await rows<{
    row: number;
    value: string;
    region: string;
    level: string;
    matches: string[];
    near: string[];
  }>(
    tx,
    sql`select s.row_number as row, s.village_code as value, r.name_zh as region, r.level::text as level, m.matches,
               case when cardinality(m.matches) = 0 then array(
                 select v.name_zh from villages v join regions t on t.code = v.township_code
                 where t.parent_code = s.region_code and (s.township_code is null or v.township_code = s.township_code)
                 order by (v.name_zh like '%' || left(s.village_code, 2) || '%') desc, v.code limit ${CANDIDATES}) end as near
        from ${staged} s join regions r on r.code = s.region_code
        cross join lateral (select coalesce(array_agg(v.name_zh || '（' || t.name_zh || '，' || v.code || '）' order by v.code), '{}') as matches
          from villages v join regions t on t.code = v.township_code
          where t.parent_code = s.region_code and (s.township_code is null or v.township_code = s.township_code)
            and (v.name_zh = s.village_code or v.code = s.village_code)) m
        where s.village_code is not null and cardinality(m.matches) <> 1
          and (s.township_code is null or s.township_code ~ '^[0-9]{9}$')
        order by s.row_number limit ${LISTED}`,
  );
  report(villages, "嘎查村/社区", t("placeLevels.village"), addError, t);
  await tx.execute(sql`update ${staged} s set village_code = v.code from villages v join regions t on t.code = v.township_code
    where s.village_code is not null and t.parent_code = s.region_code
      and (s.township_code is null or v.township_code = s.township_code)
      and (v.name_zh = s.village_code or v.code = s.village_code)`);
}

function report(
  found: { row: number; value: string; region: string; level: string; matches: string[]; near: string[] | null }[],
  column: string,
  level: string,
  addError: AddError,
  t: Translate,
) {
  for (const f of found) {
    if (f.matches.length > 1) {
      addError(f.row, column, f.value, "ambiguousPlace", {
        region: f.region,
        level,
        value: f.value,
        candidates: f.matches.join("、"),
      });
    } else if (f.level === "prefecture" || f.level === "autonomous_region") {
      addError(f.row, column, f.value, "placeNeedsBanner", { level, region: f.region });
    } else {
      const near = f.near ?? [];
      addError(f.row, column, f.value, "unknownPlace", {
        region: f.region,
        level,
        value: f.value,
        candidates: near.length ? t("errors.placeCandidates", { names: near.join("、") }) : "",
      });
    }
  }
}

/**
 * An arena entry without a 苏木乡镇 gets its village's township, else the township of its banner whose full
 * name its 参赛单位 contains, when exactly one does (临河区 “双河镇人民政府” → 双河镇). Two names in one unit
 * (“新华镇狼山镇联合党委”) leave it blank rather than guess: recognition is a convenience, never an error.
 * Run after resolvePlaces, so that the named places are codes already.
 */
export async function recognisePlaces(tx: Tx) {
  await tx.execute(sql`update ${staged} s set township_code = v.township_code from villages v
    where s.township_code is null and v.code = s.village_code`);
  await tx.execute(sql`update ${staged} s set township_code = m.code
    from (select s2.row_number, min(t.code) as code from ${staged} s2
            join regions t on t.level = 'township' and t.parent_code = s2.region_code
              and strpos(s2.organisation, t.name_zh) > 0
          where s2.township_code is null
          group by s2.row_number having count(*) = 1) m
    where s.row_number = m.row_number`);
}
