import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { recordPersonnelView } from "@/db/mutations/audit";
import { staged } from "@/db/mutations/datasets";
import { stageSubmission } from "@/db/mutations/submissions";
import { reportingRegions } from "@/db/queries/regions";
import { ancestorsOf } from "@/db/queries/regions-scope";
import { rows } from "@/db/queries/sql";
import { submissionVersions } from "@/db/queries/submissions";
import type { Locale } from "@/i18n/config";
import type { ReviewWarning, SubmissionDetail } from "@/lib/api/submissions";
import type { ImportReport } from "@/lib/api/uploads";
import { inScope, personnelScope, type Viewer } from "@/lib/auth/permissions";
import { isPersonnelDataset } from "@/lib/contract";
import { columnType, DATASETS, type DatasetSpec } from "@/lib/datasets";
import { importTranslator } from "@/server/import/messages";
import { diff, IMPORT_LIMITS } from "@/server/import/pipeline";
import { RegionResolver } from "@/server/import/regions";

/**
 * A submission as its reviewer (and its clerk) sees it: every version of the report, what
 * approving the open one would change against the published figures (the upload's own preview,
 * with its fingerprint), warnings on figures that move a lot against the same period last year,
 * and what changed since the version that was returned.
 */
export async function getSubmission(db: Db, viewer: Viewer, id: number, locale: Locale): Promise<SubmissionDetail> {
  const { submission, submittedBy, versions, reviewer } = await submissionVersions(db, viewer, id);
  const spec = DATASETS[submission.dataset];
  const open = submission.status === "pending" || submission.status === "returned";
  const returned = versions.find((v) => v.version < submission.version && v.reason !== null);
  const changes = open ? await previewSubmission(db, viewer, spec, id, locale) : null;
  const sinceReturned = returned ? await sinceVersion(db, spec, id, returned.id, returned.version) : null;
  const ownSubmission = submittedBy === viewer.id;
  const detail = { submission, reviewer, versions, changes, sinceReturned, ownSubmission, personnelHidden: false };
  if (!isPersonnelDataset(spec.id) || ownSubmission) return detail;
  // Named evaluations: rows only for reviewers with the personnel permission, and each look recorded.
  const ancestors = (await ancestorsOf(db, submission.regionCode)) ?? [];
  if (!inScope(personnelScope(viewer), ancestors)) return withoutRows(detail);
  const shown = [...(changes?.preview ?? []), ...(sinceReturned?.changes ?? [])];
  await recordPersonnelView(db, viewer, {
    dataset: spec.id,
    door: "submission",
    region: submission.regionCode,
    subjects: shown.map((c) => c.key),
  });
  return detail;
}

/** A report of named evaluations for a reviewer without the personnel permission: its counts, not its rows. */
function withoutRows(detail: SubmissionDetail): SubmissionDetail {
  const { changes, sinceReturned } = detail;
  return {
    ...detail,
    personnelHidden: true,
    changes: changes && { ...changes, preview: [], warnings: [], moves: [] },
    sinceReturned: sinceReturned && { ...sinceReturned, changes: [] },
  };
}

async function previewSubmission(db: Db, viewer: Viewer, spec: DatasetSpec, id: number, locale: Locale) {
  const resolver = new RegionResolver(await reportingRegions(db));
  const importT = importTranslator(locale);
  return db.transaction(async (tx) => {
    await stageSubmission(tx, spec, id);
    const report = { warnings: [], preview: [] } as unknown as ImportReport;
    await diff(tx, spec, viewer, resolver, report, importT);
    const warnings = await yearOnYear(tx, spec);
    await tx.execute(sql`drop table ${staged}`);
    const { inserted, updated, unchanged, preview, fingerprint } = report;
    return { inserted, updated, unchanged, preview, warnings, moves: report.warnings, fingerprint };
  });
}

/**
 * A move of more than half against the same period last year (and by at least 3, so that 1 → 2
 * is not news), or a share of a period total of at least 10 that moves by more than 20 points.
 */
const MOVE = 0.5;
const MIN_MOVE = 3;
const SHARE_JUMP = 20;
const MIN_TOTAL = 10;

/**
 * Warnings for a reviewer: each staged figure (a count, score or value) far from the published
 * figure of the same key a year earlier, and for the count datasets each category whose share of
 * its region's period total jumps. The key is the preview's (the page names its parts).
 */
async function yearOnYear(tx: Tx, spec: DatasetSpec): Promise<ReviewWarning[]> {
  if (!spec.key.includes("year")) return [];
  const table = sql.raw(spec.table);
  // The natural key's index: equality on each column in its own type, the year one less.
  const lastYear = sql.raw(
    spec.key
      .map((k) => {
        const type = columnType(spec, k);
        if (k === "year") return `t.year = (s.year - 1)::${type}`;
        const required = spec.columns.find((c) => c.db === k)?.required !== false;
        return required ? `t.${k} = s.${k}::${type}` : `t.${k} is not distinct from s.${k}::${type}`;
      })
      .join(" and "),
  );
  const measures = spec.columns.filter((c) => /^(integer|numeric)/.test(c.type) && c.db !== "rank");
  const keyJson = sql.raw(`jsonb_build_array(${spec.key.map((k) => `s.${k}`).join(", ")})`);
  const found: ReviewWarning[] = [];
  const keyOf = (key: unknown[]) => key.map((part) => (part === null ? "" : String(part))).join(" · ");
  for (const column of measures) {
    const c = sql.raw(column.db);
    const moved = await rows<{ row: number; key: unknown[]; before: string; after: string }>(
      tx,
      sql`select s.row_number as row, ${keyJson} as key, t.${c}::text as before, s.${c}::text as after
          from ${staged} s join ${table} t on ${lastYear}
          where t.${c} <> 0 and abs(s.${c} - t.${c}) > ${MOVE}::numeric * abs(t.${c})
            and abs(s.${c} - t.${c}) >= ${MIN_MOVE}
          order by s.row_number limit ${IMPORT_LIMITS.maxListedErrors}`,
    );
    for (const m of moved) {
      found.push({
        row: m.row,
        kind: "yearMove",
        key: keyOf(m.key),
        column: column.db,
        before: m.before,
        after: m.after,
      });
    }
  }
  const category = spec.key.find((k) => !["region_code", "year", "quarter"].includes(k));
  if (category && spec.columns.some((c) => c.db === "count") && spec.key.includes("quarter")) {
    const cat = sql.raw(category);
    const jumps = await rows<{ row: number; key: unknown[]; before: number; after: number }>(
      tx,
      sql`with now as (
            select s.row_number, ${keyJson} as key, s.region_code, s.year, s.quarter, s.${cat} as category,
                   sum(s.count) over (partition by s.region_code, s.year, s.quarter) as total,
                   100.0 * s.count / nullif(sum(s.count) over (partition by s.region_code, s.year, s.quarter), 0) as share
            from ${staged} s),
          before as (
            select t.region_code, t.year, t.quarter, t.${cat} as category,
                   100.0 * t.count / nullif(sum(t.count) over (partition by t.region_code, t.year, t.quarter), 0) as share
            from ${table} t where (t.region_code, t.year, t.quarter) in (select region_code, year - 1, quarter from now))
          select n.row_number as row, n.key, round(b.share)::int as before, round(n.share)::int as after
          from now n join before b on b.region_code = n.region_code and b.year = n.year - 1
            and b.quarter = n.quarter and b.category::text = n.category::text
          where n.total >= ${MIN_TOTAL} and abs(n.share - b.share) > ${SHARE_JUMP}
          order by n.row_number limit ${IMPORT_LIMITS.maxListedErrors}`,
    );
    for (const j of jumps) {
      found.push({
        row: j.row,
        kind: "shareJump",
        key: keyOf(j.key),
        column: "count",
        before: String(j.before),
        after: String(j.after),
      });
    }
  }
  return found.sort((a, b) => a.row - b.row);
}

/** The rows of a version that are new or differ against an earlier one, by the natural key. */
async function sinceVersion(db: Db, spec: DatasetSpec, id: number, earlierId: number, version: number) {
  const on = sql.raw(spec.key.map((k) => `(a.d->'${k}') is not distinct from (b.d->'${k}')`).join(" and "));
  const keyJson = sql.raw(`jsonb_build_array(${spec.key.map((k) => `a.d->>'${k}'`).join(", ")})`);
  const pair = sql`a as (select row_number, data - 'row_number' as d from submission_rows where submission_id = ${id}),
    b as (select data - 'row_number' as d from submission_rows where submission_id = ${earlierId})`;
  const [changes, [counts]] = await Promise.all([
    rows<{ row: number; key: unknown[]; before: Record<string, unknown> | null; after: Record<string, unknown> }>(
      db,
      sql`with ${pair}
          select a.row_number as row, ${keyJson} as key, b.d as before, a.d as after
          from a left join b on ${on} where b.d is distinct from a.d
          order by a.row_number limit ${IMPORT_LIMITS.maxPreview}`,
    ),
    rows<{ total: number; removed: number }>(
      db,
      sql`with ${pair}
          select (select count(*)::int from a left join b on ${on} where b.d is distinct from a.d) as total,
                 (select count(*)::int from b where not exists (select 1 from a where ${on})) as removed`,
    ),
  ]);
  return { version, changes: changes.map((c) => ({ ...c, key: c.key.join(" · ") })), ...counts };
}
