import type { AuditAction } from "@/lib/audit-actions";
import type { Db, Tx } from "../connect";
import { auditLog } from "../schema";

export type AuditEntry = {
  actor: string;
  action: AuditAction;
  ip?: string | null;
  regionCode?: string | null;
  detail?: Record<string, unknown>;
};

/**
 * Appends one entry. Pass the transaction of the change it records, so that a failed audit
 * rolls the change back and a rolled-back change leaves no entry.
 */
export async function writeAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actor: entry.actor,
    action: entry.action,
    ip: entry.ip ?? null,
    regionCode: entry.regionCode ?? null,
    detail: entry.detail ?? {},
  });
}

/** Where named personnel evaluations were shown: the page or API, the list, an upload's or a report's rows, an export. */
export type PersonnelDoor = "list" | "export" | "batch" | "submission";

/**
 * Records that the viewer was shown named personnel evaluations (五看一测, 适岗指数): whose (the
 * cadres' names and units, as shown), of which dataset, through which door. Nothing is written
 * when no name was shown (the list was empty, or the names were blanked for this viewer).
 */
export async function recordPersonnelView(
  db: Db | Tx,
  viewer: { id: string; regionCode: string },
  view: {
    dataset: string;
    door: PersonnelDoor;
    region?: string;
    /** Whose evaluations, as shown: "姓名 · 单位" (or a row's natural key); null where the name was blanked. */
    subjects: (string | null)[];
    ip?: string | null;
  },
): Promise<void> {
  const shown = view.subjects.filter((s) => s);
  if (shown.length === 0) return;
  await writeAudit(db, {
    actor: viewer.id,
    action: "personnel.view",
    ip: view.ip ?? null,
    regionCode: view.region ?? viewer.regionCode,
    detail: { dataset: view.dataset, door: view.door, count: shown.length, subjects: shown },
  });
}
