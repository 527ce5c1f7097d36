import { createHash } from "node:crypto";
import fs from "node:fs";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { writeAudit } from "@/db/mutations/audit";
import {
  analyzeStage,
  changedCondition,
  createStage,
  emptyColumns,
  joinOnKey,
  lockDataset,
  STAGE_CHUNK,
  stageColumns,
  staged,
} from "@/db/mutations/datasets";
import { cycleRunning, submitStaged, unopenedRows } from "@/db/mutations/submissions";
import { commitUpload } from "@/db/mutations/uploads";
import { reportingRegions } from "@/db/queries/regions";
import { namesVisibleIn, writable } from "@/db/queries/scope";
import { rows as queryRows } from "@/db/queries/sql";
import { stagedChanges, stagedLocks } from "@/db/queries/staged";
import type { Locale } from "@/i18n/config";
import type { ImportError, ImportReport } from "@/lib/api/uploads";
import { canUpload, canWriteFigures, publishesDirectly, type Viewer } from "@/lib/auth/permissions";
import { type Cell, isBlank, isTotalRow, text } from "@/lib/cells";
import { type Dataset, isRegisterDataset } from "@/lib/contract";
import { DATASETS, type DatasetSpec, REGION_HEADERS, templateHeaders, writtenColumns } from "@/lib/datasets";
import { findHeader, HEADER_SEARCH_ROWS, type HeaderMatch } from "@/server/import/headers";
import { importTranslator } from "@/server/import/messages";
import { recognisePlaces, resolvePlaces } from "@/server/import/places";
import { readCsv } from "@/server/import/read-csv";
import { readXlsx, XlsxRefused } from "@/server/import/read-xlsx";
import { RegionResolver } from "@/server/import/regions";
import { sniff } from "@/server/import/sniff";

/**
 * The one import pipeline, for the web page, the API and the command line:
 * file → sniff → read (streamed) → find the header → map columns → parse and validate every row
 * → stage (a temporary table, in batches) → duplicates and diff in SQL → commit in the same
 * transaction (db/mutations/uploads.ts), or roll back for a dry run or any error. A refused file
 * writes nothing.
 */
export const IMPORT_LIMITS = {
  /** Bytes; the web answers 413 above it. */
  maxBytes: 128 * 1024 * 1024,
  /** Data rows. */
  maxRows: 1_000_000,
  /** Errors listed in a report (all are counted). */
  maxListedErrors: 1_000,
  /** Changes shown in a preview. */
  maxPreview: 200,
};

export type ImportOptions = {
  dataset: Dataset;
  filePath: string;
  fileName: string;
  dryRun: boolean;
  locale: Locale;
  source: "web" | "api" | "cli";
  ip?: string | null;
};

/** Thrown inside the transaction to roll it back; carries the report out. */
class Rollback extends Error {
  constructor(readonly report: ImportReport) {
    super("rollback");
  }
}

/** An error for the report: every one is counted, so many are listed. */
function listError(report: ImportReport, error: ImportError) {
  report.errorCount++;
  if (report.errors.length < IMPORT_LIMITS.maxListedErrors) report.errors.push(error);
}

/** A warning for the report; like errors, only so many are listed. */
function warn(report: ImportReport, row: number, message: string) {
  if (report.warnings.length < IMPORT_LIMITS.maxListedErrors) report.warnings.push({ row, message });
}

/** Characters of a cell value quoted in an error: enough to recognise it, never the whole of a hostile cell. */
const QUOTED_VALUE_MAX = 200;

/**
 * Checks a file and, unless it is a dry run or refused, commits it. Every attempt is in the audit
 * log: a commit in its own transaction (with the batch), a dry run, a refusal or an upload that
 * changed nothing afterwards, so that what a caller was shown is on record too.
 */
export async function runImport(db: Db, actor: Viewer, options: ImportOptions): Promise<ImportReport> {
  const report = await importFile(db, actor, options);
  // A submission has its own audit entry, written with it.
  if (report.batchId === null && report.submissions.length === 0) {
    await writeAudit(db, {
      actor: actor.id,
      action: !report.ok ? "upload.refused" : options.dryRun ? "upload.dry_run" : "upload.unchanged",
      ip: options.ip ?? null,
      regionCode: actor.regionCode,
      detail: {
        dataset: options.dataset,
        source: options.source,
        fileName: options.fileName.slice(0, 255),
        fileHash: report.fileHash,
        dryRun: options.dryRun,
        rows: report.rows,
        inserted: report.inserted,
        updated: report.updated,
        unchanged: report.unchanged,
        errorCount: report.errorCount,
      },
    });
  }
  return report;
}

async function importFile(db: Db, actor: Viewer, options: ImportOptions): Promise<ImportReport> {
  const t = importTranslator(options.locale);
  const spec = DATASETS[options.dataset];
  const report: ImportReport = {
    dataset: options.dataset,
    ok: false,
    rows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    warnings: [],
    errors: [],
    batchId: null,
    dryRun: options.dryRun,
    fileName: options.fileName,
    fileHash: "",
    errorCount: 0,
    preview: [],
    fingerprint: "",
    submissions: [],
  };
  const refuse = (message: string) => {
    report.errorCount++;
    report.errors.push({ row: 0, column: "", value: options.fileName, message });
    return report;
  };
  const fileError = (key: string, values: Record<string, string | number> = {}) => refuse(t(`file.${key}`, values));

  if (!canUpload(actor)) return refuse(t("errors.notAllowed"));
  const size = (await fs.promises.stat(options.filePath)).size;
  if (size > IMPORT_LIMITS.maxBytes) return fileError("tooLarge", { max: IMPORT_LIMITS.maxBytes / 1024 / 1024 });
  const kind = await sniff(options.filePath);
  if (!kind.ok) {
    return kind.looksLike === "empty"
      ? fileError("empty")
      : fileError("looksLike", { kind: t(`kinds.${kind.looksLike}`) });
  }
  report.fileHash = await hashFile(options.filePath);

  const resolver = new RegionResolver(await reportingRegions(db));
  const source = kind.kind === "csv" ? readCsv(options.filePath) : readXlsx(options.filePath, [spec.zh, spec.id]);

  const file = {
    source: options.source,
    fileName: options.fileName,
    fileHash: report.fileHash,
    ip: options.ip ?? null,
  };
  try {
    return await db.transaction(async (tx) => {
      const stagedRows = await stageRows(tx, spec, source, resolver, actor, report, t);
      if (report.errorCount === 0 && stagedRows === 0 && report.rows === 0) fileError("noRows");
      // Checked and committed under the dataset's lock, so that the checks see the rows the commit changes.
      await lockDataset(tx, spec);
      // While the cycle runs, a report below the top of the tree goes to the region above; the top publishes it.
      // A register (lib/contract.ts registerDatasets) has no periods: never submitted, never locked.
      const register = isRegisterDataset(spec.id);
      const submits = !register && !publishesDirectly(actor) && (await cycleRunning(tx));
      const hasPlaces = spec.id === "organisations" || spec.id === "arena";
      if (stagedRows > 0 && hasPlaces) {
        await resolvePlaces(
          tx,
          (row, column, value, key, values) =>
            listError(report, {
              row,
              column,
              value: value.slice(0, QUOTED_VALUE_MAX),
              message: t(`errors.${key}`, values),
            }),
          t,
        );
        report.errors.sort((a, b) => a.row - b.row);
        if (spec.id === "arena") await recognisePlaces(tx);
      }
      if (stagedRows > 0) {
        await findForeignKeys(tx, spec, actor, report, t);
        await findMissingReferences(tx, spec, report, t);
        await findDuplicates(tx, spec, report, t);
        if (!register) await findLockedRows(tx, spec, report, t);
        if (submits) await findUnopenedRows(tx, spec, report, t);
      }
      if (report.errorCount > 0) {
        if (report.errorCount > report.errors.length) {
          report.warnings.push({
            row: 0,
            message: t("warnings.moreErrors", { count: report.errorCount - report.errors.length }),
          });
        }
        throw new Rollback(report);
      }
      await diff(tx, spec, actor, resolver, report, t);
      report.ok = true;
      if (options.dryRun) throw new Rollback(report);
      // The same file again: nothing to write, not even a batch.
      if (report.inserted + report.updated === 0) throw new Rollback(report);
      if (submits) {
        report.submissions = await submitStaged(tx, spec, actor, file);
        return report;
      }
      report.batchId = await commitUpload(tx, spec, {
        actor,
        ...file,
        rows: report.rows,
        inserted: report.inserted,
        updated: report.updated,
        unchanged: report.unchanged,
        skipped: report.skipped,
      });
      return report;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.report;
    if (error instanceof XlsxRefused) {
      report.errors = [];
      report.errorCount = 0;
      return fileError(error.reason);
    }
    throw error;
  }
}

async function hashFile(filePath: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function stageRows(
  tx: Tx,
  spec: DatasetSpec,
  source: AsyncGenerator<{ row: number; cells: Cell[] }>,
  resolver: RegionResolver,
  actor: Viewer,
  report: ImportReport,
  t: ReturnType<typeof importTranslator>,
): Promise<number> {
  await createStage(tx, spec);
  const addError = (
    row: number,
    column: string,
    value: Cell,
    key: string,
    values?: Record<string, string | number>,
  ) => {
    listError(report, {
      row,
      column,
      value: text(value).slice(0, QUOTED_VALUE_MAX),
      message: t(`errors.${key}`, values),
    });
  };

  const head: { row: number; cells: Cell[] }[] = [];
  let header: HeaderMatch | null = null;
  let buffer = emptyColumns(spec);
  let buffered = 0;
  let stagedRows = 0;
  // One insert stays in flight while the next chunk is parsed, so the database and the parser
  // work at the same time; never more than one, so memory stays at two chunks.
  let inFlight: Promise<void> | null = null;
  const flush = async () => {
    if (buffered === 0) return;
    const chunk = buffer;
    const count = buffered;
    buffer = emptyColumns(spec);
    buffered = 0;
    if (inFlight) await inFlight;
    inFlight = stageColumns(tx, spec, chunk).then(() => {
      stagedRows += count;
    });
    // A failure is rethrown where the insert is awaited; this only keeps it from counting as unhandled.
    inFlight.catch(() => {});
  };
  const settle = async () => {
    await flush();
    if (inFlight) await inFlight;
    inFlight = null;
  };

  const headerOf = (key: string) => {
    const column = spec.columns.find((c) => c.db === key);
    if (column) return column.zh;
    return REGION_HEADERS[key as keyof typeof REGION_HEADERS]?.zh ?? key;
  };

  const handle = async ({ row, cells }: { row: number; cells: Cell[] }, match: HeaderMatch) => {
    if (cells.every(isBlank)) return;
    if (isTotalRow(cells)) {
      report.skipped++;
      warn(report, row, t("warnings.totalRow"));
      return;
    }
    report.rows++;
    if (report.rows > IMPORT_LIMITS.maxRows) {
      if (report.rows === IMPORT_LIMITS.maxRows + 1) {
        report.errorCount++;
        report.errors.push({
          row,
          column: "",
          value: "",
          message: t("file.tooManyRows", { max: IMPORT_LIMITS.maxRows }),
        });
      }
      return;
    }
    const byKey = new Map<string, Cell>();
    for (const [position, key] of match.columns) byKey.set(key, cells[position] ?? null);
    // One region column, or league + banner: an error names the column that holds the problem.
    const league = byKey.get("league") ?? null;
    const banner = byKey.get("banner") ?? null;
    let regionColumn = "region";
    let region = resolver.resolve(byKey.get("region") ?? null);
    if (!byKey.has("region")) {
      region = byKey.has("league") ? resolver.resolvePair(league, banner) : resolver.resolve(banner);
      const leagueWritten = byKey.has("league") && !isBlank(league);
      const bannerWritten = byKey.has("banner") && !isBlank(banner);
      regionColumn =
        leagueWritten && !resolver.resolve(league).ok
          ? "league"
          : bannerWritten || !byKey.has("league")
            ? "banner"
            : "league";
    }
    if (!region.ok) {
      addError(row, headerOf(regionColumn), byKey.get(regionColumn) ?? null, region.message, region.values);
    } else if (!canWriteFigures(actor, region.value.ancestors)) {
      const home = resolver.get(actor.regionCode)?.nameZh ?? actor.regionCode;
      addError(row, headerOf(regionColumn), byKey.get(regionColumn) ?? null, "outsideScope", {
        home,
        region: region.value.nameZh,
      });
    }
    // A row whose key is readable is staged even when another of its cells is wrong, so that
    // duplicate keys are in the first report too; nothing is committed while any error stands.
    let keyReadable = region.ok;
    const values: unknown[] = [];
    let cellsRead = true;
    for (const column of spec.columns) {
      const cell = byKey.get(column.db) ?? null;
      const parsed = column.parse(cell);
      if (!parsed.ok) {
        cellsRead = false;
        if (spec.key.includes(column.db)) keyReadable = false;
        addError(row, column.zh, cell, parsed.message, parsed.values);
      }
      values.push(parsed.ok ? parsed.value : null);
    }
    const problem = cellsRead && spec.checkRow?.(Object.fromEntries(spec.columns.map((c, i) => [c.db, values[i]])));
    if (problem) {
      const cell = byKey.get(spec.columns.find((c) => c.zh === problem.column)?.db ?? "") ?? null;
      addError(row, problem.column, cell, problem.message, problem.values);
    }
    if (!keyReadable) return;
    buffer.rowNumbers.push(row);
    buffer.regionCodes.push(region.ok ? region.value.code : null);
    values.forEach((v, i) => {
      buffer.values[i].push(v);
    });
    buffered++;
    if (buffered >= STAGE_CHUNK) await flush();
  };

  for await (const item of source) {
    if (!header) {
      head.push(item);
      if (head.length < HEADER_SEARCH_ROWS) continue;
      header = await settleHeader(head, spec, report, t);
      if (!header) return 0;
      for (const early of head.filter((h) => h.row > head[header?.index ?? 0].row)) await handle(early, header);
      continue;
    }
    await handle(item, header);
    // Past the row limit the file is refused whatever follows: stop reading it.
    if (report.rows > IMPORT_LIMITS.maxRows) break;
  }
  if (!header) {
    header = await settleHeader(head, spec, report, t);
    if (!header) return 0;
    for (const early of head.filter((h) => h.row > head[header?.index ?? 0].row)) await handle(early, header);
  }
  await settle();
  // Temporary tables are never analysed by autovacuum: without statistics the duplicate check
  // sorts a million rows on disk instead of hashing them.
  if (stagedRows > 0) await analyzeStage(tx);
  return stagedRows;
}

async function settleHeader(
  head: { row: number; cells: Cell[] }[],
  spec: DatasetSpec,
  report: ImportReport,
  t: ReturnType<typeof importTranslator>,
): Promise<HeaderMatch | null> {
  const match = findHeader(
    head.map((h) => h.cells),
    spec,
  );
  const fail = (key: string, values: Record<string, string | number>, row = 0) => {
    report.errorCount++;
    report.errors.push({ row, column: "", value: "", message: t(`file.${key}`, values) });
    return null;
  };
  if (!match) return fail("noHeader", { headers: templateHeaders(spec).join("、") });
  const row = head[match.index].row;
  if (match.missing.length) return fail("missingColumns", { columns: match.missing.join("、") }, row);
  if (match.duplicated.length) return fail("duplicateColumns", { columns: match.duplicated.join("、") }, row);
  if (match.ignored.length)
    report.warnings.push({ row, message: t("warnings.ignoredColumns", { columns: match.ignored.join("、") }) });
  return match;
}

const keyList = (spec: DatasetSpec) => sql.raw(spec.key.map((k) => `s.${k}`).join(", "));
type Translator = ReturnType<typeof importTranslator>;

/** The key's column names as the clerk's header has them (地区、年度、季度、领域). */
const keyNames = (spec: DatasetSpec) =>
  spec.key
    .map((k) => (k === "region_code" ? REGION_HEADERS.region.zh : (spec.columns.find((c) => c.db === k)?.zh ?? k)))
    .join("、");

/** Rows of one file that share a natural key: each later row is an error naming the first. */
async function findDuplicates(tx: Tx, spec: DatasetSpec, report: ImportReport, t: Translator) {
  const duplicates = await queryRows<{ rows: number[] }>(
    tx,
    // Only keys that occur twice get their rows collected (usually none), not every key of the file.
    sql`select array_agg(s.row_number order by s.row_number) as rows
        from ${staged} s
        where (${keyList(spec)}) in (select ${keyList(spec)} from ${staged} s group by ${keyList(spec)} having count(*) > 1)
        group by ${keyList(spec)} having count(*) > 1
        order by min(s.row_number) limit ${IMPORT_LIMITS.maxListedErrors}`,
  );
  const names = keyNames(spec);
  for (const { rows } of duplicates) {
    for (const row of rows.slice(1)) {
      listError(report, {
        row,
        column: names,
        value: "",
        message: t("errors.duplicateKey", { other: rows[0], key: names }),
      });
    }
  }
  report.errors.sort((a, b) => a.row - b.row);
}

/**
 * Where the natural key does not hold the region (a project is its code alone), a row may name a
 * record that already exists in another region. Unless the caller may write that region too, the
 * row is an error that names nothing of the stored record: neither its values nor its region.
 */
async function findForeignKeys(tx: Tx, spec: DatasetSpec, actor: Viewer, report: ImportReport, t: Translator) {
  if (spec.key.includes("region_code")) return;
  const table = sql.raw(spec.table);
  const foreign = await queryRows<{ row: number; key: unknown[] }>(
    tx,
    sql`select s.row_number as row, ${sql.raw(`jsonb_build_array(${spec.key.map((k) => `s.${k}`).join(", ")})`)} as key
        from ${staged} s join ${table} t on ${joinOnKey(spec)} join regions r on r.code = t.region_code
        where not (${writable(actor)})
        order by s.row_number limit ${IMPORT_LIMITS.maxListedErrors}`,
  );
  const names = keyNames(spec);
  for (const { row, key } of foreign) {
    const value = key.join(" · ");
    listError(report, { row, column: names, value, message: t("errors.keyOfOtherRegion", { key: names, value }) });
  }
}

/**
 * A row naming a record of another dataset (an application's challenge, an issue's project) that
 * is not stored: an error on that column naming the value and the dataset to upload first. The
 * check says nothing of the record's region, so a code of another region is not revealed
 * beyond its existence; the record's own region decides who sees it.
 */
async function findMissingReferences(tx: Tx, spec: DatasetSpec, report: ImportReport, t: Translator) {
  for (const ref of spec.references ?? []) {
    const target = DATASETS[ref.dataset];
    const column = spec.columns.find((c) => c.db === ref.column);
    if (!column) throw new Error(`${spec.id} has no column ${ref.column}`);
    const missing = await queryRows<{ row: number; value: string }>(
      tx,
      sql`select s.row_number as row, ${sql.raw(`s.${ref.column}`)} as value from ${staged} s
          where ${sql.raw(`s.${ref.column}`)} is not null
            and not exists (select 1 from ${sql.raw(target.table)} x where ${sql.raw(`x.${ref.key} = s.${ref.column}`)})
          order by s.row_number limit ${IMPORT_LIMITS.maxListedErrors}`,
    );
    for (const { row, value } of missing) {
      listError(report, {
        row,
        column: column.zh,
        value,
        message: t("errors.unknownReference", { column: column.zh, value, dataset: target.zh }),
      });
    }
  }
  report.errors.sort((a, b) => a.row - b.row);
}

/** A row that would add or change a figure of a locked period is an error naming the period and who locked it. */
async function findLockedRows(tx: Tx, spec: DatasetSpec, report: ImportReport, t: Translator) {
  const locked = await stagedLocks(tx, spec, IMPORT_LIMITS.maxListedErrors);
  listPeriodErrors(spec, report, t, locked, (period, lock) =>
    t("errors.lockedPeriod", { period, region: lock.lockedBy }),
  );
}

/**
 * While the department runs the reporting cycle, a row of a clerk's report must lie in a period
 * that has been opened: the region above is waiting for nothing else.
 */
async function findUnopenedRows(tx: Tx, spec: DatasetSpec, report: ImportReport, t: Translator) {
  const unopened = await unopenedRows(tx, spec, IMPORT_LIMITS.maxListedErrors);
  listPeriodErrors(spec, report, t, unopened, (period) => t("errors.periodNotOpen", { period }));
}

/** Rows refused for their period: each an error on the column the period is read from, naming the period. */
function listPeriodErrors<R extends { row: number; year: number; quarter: number | null }>(
  spec: DatasetSpec,
  report: ImportReport,
  t: Translator,
  found: R[],
  message: (period: string, row: R) => string,
) {
  for (const row of found) {
    const period = periodName(t, row);
    listError(report, { row: row.row, column: periodColumn(spec), value: period, message: message(period, row) });
  }
  report.errors.sort((a, b) => a.row - b.row);
}

const periodName = (t: Translator, p: { year: number; quarter: number | null }) =>
  p.quarter ? t("periodQuarter", { year: p.year, quarter: p.quarter }) : t("periodYear", { year: p.year });

/** The column a row's period is read from, as the clerk's header names it. */
const periodColumn = (spec: DatasetSpec) =>
  spec.periodDate ? (spec.columns.find((c) => c.db === spec.periodDate)?.zh ?? "年度") : "年度";

/**
 * Compares the staged rows with the table: new, changed (with before → after), unchanged. The
 * "before" of a changed row shows a person's name only where the caller may see names, the rule
 * of the read API; a row that moves to another region is also a warning saying so.
 */
export async function diff(
  tx: Tx,
  spec: DatasetSpec,
  actor: Viewer,
  resolver: RegionResolver,
  report: ImportReport,
  t: Translator,
) {
  const written = writtenColumns(spec);
  const changed = changedCondition(spec);
  const table = sql.raw(spec.table);
  const { inserted, updated, unchanged, fingerprint } = await stagedChanges(tx, spec);
  Object.assign(report, { inserted, updated, unchanged });
  report.fingerprint = fingerprint;
  const personal = new Set(spec.columns.filter((c) => c.personal).map((c) => c.db));
  const visible = namesVisibleIn(spec.id, actor);
  // An array keeps the key's order (a jsonb object would sort it).
  const keyJson = sql.raw(`jsonb_build_array(${spec.key.map((k) => `s.${k}`).join(", ")})`);
  const beforeJson = sql.join(
    written.map((c) =>
      personal.has(c)
        ? sql`${c}::text, case when ${visible} then t.${sql.raw(c)} end`
        : sql`${c}::text, t.${sql.raw(c)}`,
    ),
    sql`, `,
  );
  const afterJson = sql.raw(`jsonb_build_object(${written.map((c) => `'${c}', s.${c}`).join(", ")})`);
  const sample = await queryRows<{
    row: number;
    key: unknown[];
    before: Record<string, unknown> | null;
    after: Record<string, unknown>;
  }>(
    tx,
    // The sample's rows are picked first; their JSON is built for those alone, not for every staged row.
    sql`with picked as (
          select s.ctid as staged, t.id from ${staged} s left join ${table} t on ${joinOnKey(spec)}
          where t.id is null or ${changed}
          order by s.row_number limit ${IMPORT_LIMITS.maxPreview})
        select s.row_number as row, ${keyJson} as key,
               case when t.id is null then null else jsonb_build_object(${beforeJson}) end as before, ${afterJson} as after
        from picked p join ${staged} s on s.ctid = p.staged
          left join ${table} t on t.id = p.id left join regions r on r.code = t.region_code
        order by s.row_number`,
  );
  report.preview = sample.map((s) => ({ ...s, key: s.key.join(" · ") }));
  if (spec.key.includes("region_code")) return;
  const moves = await queryRows<{ row: number; key: unknown[]; from: string; to: string }>(
    tx,
    sql`select s.row_number as row, ${keyJson} as key, t.region_code as from, s.region_code as to
        from ${staged} s join ${table} t on ${joinOnKey(spec)}
        where t.region_code <> s.region_code
        order by s.row_number limit ${IMPORT_LIMITS.maxListedErrors}`,
  );
  const name = (code: string) => resolver.get(code)?.nameZh ?? code;
  for (const move of moves) {
    warn(
      report,
      move.row,
      t("warnings.regionMove", { key: move.key.join(" · "), from: name(move.from), to: name(move.to) }),
    );
  }
}
