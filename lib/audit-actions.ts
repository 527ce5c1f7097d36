/** Every action the audit log records, named `entity.verb`. A closed list: nothing else is written. */
export const auditActions = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_in_blocked",
  "auth.sign_out",
  "auth.password_changed",
  "user.create",
  "user.update",
  "user.disable",
  "user.enable",
  "user.password_reset",
  "figure.write",
  "upload.commit",
  "upload.dry_run",
  "upload.unchanged",
  "upload.refused",
  "upload.undo",
  "export.download",
  "period.open",
  "period.deadline",
  "period.lock",
  "period.reopen",
  "submission.submit",
  "submission.approve",
  "submission.return",
  "demo.seed",
  /** An approved extension or early election of a Party organisation's term recorded from its list. */
  "organisation.term_adjust",
  /** Named personnel evaluations shown or exported: who looked at whose evaluation, where. */
  "personnel.view",
  /** A write the data layer refused (403): who tried what, where, and why. */
  "request.denied",
] as const;
export type AuditAction = (typeof auditActions)[number];
