import { eq, sql } from "drizzle-orm";
import type { TermAdjustmentInput } from "@/lib/api/organisations";
import { AccessDenied, NotFound, RequestRefused } from "@/lib/auth/errors";
import { canUpload, canWriteFigures, type Viewer } from "@/lib/auth/permissions";
import { adjustmentProblem, termEnd, termYears } from "@/lib/terms";
import type { Db } from "../connect";
import { regionNames } from "../queries/regions-scope";
import { organisations, regions } from "../schema";
import { writeAudit } from "./audit";

/**
 * Records an approved extension (延期换届) or early election (提前换届) of an organisation's term:
 * the clerk of its region (or an administrator) writes the type, reason, approving committee and
 * the new end, which may lie at most one year from the computed end (lib/terms.ts), in one
 * transaction with its audit entry (the values it replaced included). The row is locked while it
 * is checked, so two clerks never write over each other unseen.
 */
export async function adjustTerm(
  db: Db,
  viewer: Viewer,
  id: number,
  input: TermAdjustmentInput,
  ip: string | null = null,
) {
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({
        id: organisations.id,
        regionCode: organisations.regionCode,
        ancestors: regions.ancestors,
        name: organisations.name,
        type: organisations.type,
        unitType: organisations.unitType,
        electedOn: organisations.electedOn,
        adjustment: organisations.adjustment,
        adjustmentReason: organisations.adjustmentReason,
        adjustmentApprover: organisations.adjustmentApprover,
        adjustedEndsOn: organisations.adjustedEndsOn,
      })
      .from(organisations)
      .innerJoin(regions, eq(regions.code, organisations.regionCode))
      .where(eq(organisations.id, id))
      .for("update", { of: organisations });
    if (!org) throw new NotFound("organisationNotFound", { id });
    if (!canWriteFigures(viewer, org.ancestors)) {
      if (!canUpload(viewer)) throw new AccessDenied("forbiddenRole", { role: "clerk / admin" });
      const names = await regionNames(tx, [viewer.regionCode, org.regionCode]);
      throw new AccessDenied("forbiddenRegion", { home: names[0], region: names[1] });
    }
    const computed = termEnd(org.electedOn, termYears(org.type, org.unitType));
    const problem = adjustmentProblem(computed, { type: input.type, endsOn: input.endsOn });
    if (problem) throw new RequestRefused(400, `import.errors.term.${problem}`, { end: computed });
    await tx
      .update(organisations)
      .set({
        adjustment: input.type,
        adjustmentReason: input.reason,
        adjustmentApprover: input.approver,
        adjustedEndsOn: input.endsOn,
        updatedAt: sql`now()`,
      })
      .where(eq(organisations.id, id));
    await writeAudit(tx, {
      actor: viewer.id,
      action: "organisation.term_adjust",
      ip,
      regionCode: org.regionCode,
      detail: {
        id,
        name: org.name,
        computedEnd: computed,
        before: {
          type: org.adjustment,
          reason: org.adjustmentReason,
          approver: org.adjustmentApprover,
          endsOn: org.adjustedEndsOn,
        },
        after: input,
      },
    });
    return { id, endsOn: input.endsOn };
  });
}
