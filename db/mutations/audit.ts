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
