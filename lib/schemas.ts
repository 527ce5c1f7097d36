import { z } from "zod";
import { roles } from "./auth/permissions";
import { adjustmentTypes, datasets, isRegisterDataset, promotionFields, termAdjustments } from "./contract";

/**
 * Request shapes of the API, shared by the route handlers and the forms. Messages are keys of
 * `apiErrors` in messages/*.json, so the person reads them in their language.
 */
export const regionCode = z
  .string()
  .trim()
  .regex(/^[0-9]{6}$/, { message: "invalid.region" });
/** A region, or a township of the reference (9 digits): the places below a banner (/api/places, /regions/<code>). */
export const placeCode = z
  .string()
  .trim()
  .regex(/^[0-9]{6}([0-9]{3})?$/, { message: "invalid.region" });
export const year = z.coerce
  .number({ message: "invalid.year" })
  .int({ message: "invalid.year" })
  .min(2000, { message: "invalid.year" })
  .max(2100, { message: "invalid.year" });
/** No list has a million pages; beyond that an offset only risks overflowing. */
export const page = z.coerce
  .number({ message: "invalid.page" })
  .int({ message: "invalid.page" })
  .min(1, { message: "invalid.page" })
  .max(1_000_000, { message: "invalid.page" })
  .default(1);

/** A day of the calendar as YYYY-MM-DD: "2023-02-29" and "2023-13-45" are refused, not passed to SQL. */
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "invalid.date" })
  .refine(
    (value) => {
      const [y, m, d] = value.split("-").map(Number);
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    },
    { message: "invalid.date" },
  );

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Text as anonymous callers may leave it in the audit log: no NUL, no escape sequences, no line breaks. */
export function withoutControlCharacters(value: string): string {
  return value.replace(CONTROL, "");
}
const hasControlCharacters = (value: string) => withoutControlCharacters(value) !== value;

/**
 * Free text from a URL (a search, a filter): bounded, and without control characters, which
 * Postgres refuses in text (NUL) or which would garble a log line.
 */
export function text(max: number) {
  return z
    .string()
    .refine((value) => !hasControlCharacters(value), { message: "invalid.text" })
    .transform((value) => value.trim())
    .refine((value) => value.length <= max, { message: "invalid.text" });
}

/** A row id in the URL: a positive integer within Postgres' integer. */
export const rowId = z.coerce
  .number({ message: "invalid.id" })
  .int({ message: "invalid.id" })
  .min(1, { message: "invalid.id" })
  .max(2_147_483_647, { message: "invalid.id" });
/** A user id in the URL: accounts are created with a UUID (db/mutations/users.ts). */
export const userId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: "invalid.id" });

export const recordsQuery = z.object({ region: regionCode.optional(), year: year.optional(), page });

export const auditQuery = z.object({
  user: text(64).optional(),
  action: text(64).optional(),
  region: regionCode.optional(),
  from: day.optional(),
  to: day.optional(),
  page,
});

export const quarter = z.coerce
  .number({ message: "invalid.quarter" })
  .int({ message: "invalid.quarter" })
  .min(1, { message: "invalid.quarter" })
  .max(4, { message: "invalid.quarter" });
const count = z.coerce
  .number({ message: "invalid.count" })
  .int({ message: "invalid.count" })
  .min(0, { message: "invalid.count" })
  .max(100_000, { message: "invalid.count" });

export const countFigureBody = z.discriminatedUnion(
  "dataset",
  [
    z.object({
      dataset: z.literal("promotions"),
      region: regionCode,
      year,
      quarter,
      key: z.enum(promotionFields, { message: "invalid.field" }),
      count,
    }),
    z.object({
      dataset: z.literal("adjustments"),
      region: regionCode,
      year,
      quarter,
      key: z.enum(adjustmentTypes, { message: "invalid.type" }),
      count,
    }),
  ],
  { message: "invalid.dataset" },
);

export const roleSchema = z.enum(roles, { message: "invalid.role" });
/** Lower-case letters, digits and . _ -, 2 to 32 characters: what sign-in accepts too (server/auth). */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const usernameSchema = z.string().trim().toLowerCase().regex(USERNAME_PATTERN, { message: "invalid.username" });
export const passwordSchema = z
  .string()
  .min(8, { message: "invalid.password" })
  .max(128, { message: "invalid.password" });
const nameSchema = z
  .string()
  .refine((value) => !hasControlCharacters(value), { message: "invalid.name" })
  .trim()
  .min(1, { message: "invalid.name" })
  .max(50, { message: "invalid.name" });

export const newUserBody = z.object({
  username: usernameSchema,
  name: nameSchema,
  role: roleSchema,
  regionCode,
  password: passwordSchema,
  personnel: z.boolean().optional(),
});

export const userChangesBody = z
  .object({ name: nameSchema, role: roleSchema, regionCode, disabled: z.boolean(), personnel: z.boolean() })
  .partial();

export const passwordBody = z.object({ password: passwordSchema });

export const regionSearchQuery = z.object({ q: text(32).default("") });

export const pageQuery = z.object({ page });
export const batchParams = z.object({ id: rowId });
export const userParams = z.object({ id: userId });
export const regionParams = z.object({ code: regionCode });
export const templateQuery = z.object({ format: z.enum(["csv", "xlsx"]).default("xlsx") });

export const summaryQuery = z.object({ region: regionCode, year, quarter: quarter.optional() });

export const periodParams = z.object({ id: rowId });
export const periodsQuery = z.object({ year });
/** POST /api/periods: a whole year at the default deadlines, or one period with its own. */
export const openPeriodsBody = z.union([
  z.object({ year }).strict(),
  z
    .object({
      // A register (基层党组织) has no periods.
      dataset: z
        .enum(datasets, { message: "invalid.reportDataset" })
        .refine((d) => !isRegisterDataset(d), { message: "invalid.reportDataset" }),
      year,
      quarter: quarter.optional(),
      dueOn: day,
    })
    .strict(),
]);
export const deadlineBody = z.object({ dueOn: day });
export const lockBody = z.object({ region: regionCode });
export const reopenBody = z.object({
  region: regionCode,
  reason: z
    .string()
    .refine((value) => !hasControlCharacters(value), { message: "invalid.reason" })
    .trim()
    .min(2, { message: "invalid.reason" })
    .max(200, { message: "invalid.reason" }),
});

export const submissionParams = z.object({ id: rowId });
/** The fingerprint of the changes the reviewer saw (GET /api/submissions/:id, `changes.fingerprint`). */
export const approveBody = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/, { message: "review.api.fingerprintNeeded" }),
});
export const returnBody = z.object({
  reason: z
    .string({ message: "review.api.reasonNeeded" })
    .refine((value) => !hasControlCharacters(value), { message: "invalid.returnReason" })
    .trim()
    .min(2, { message: "review.api.reasonNeeded" })
    .max(500, { message: "invalid.returnReason" }),
});

/** POST /api/organisations/:id/term: an approved extension or early election of a Party organisation's term. */
export const organisationParams = z.object({ id: rowId });
const approvalText = (max: number, message: string) =>
  z
    .string({ message })
    .refine((value) => !hasControlCharacters(value), { message })
    .trim()
    .min(2, { message })
    .max(max, { message });
export const termAdjustmentBody = z.object({
  type: z.enum(termAdjustments, { message: "invalid.adjustmentType" }),
  reason: approvalText(200, "invalid.adjustmentReason"),
  approver: approvalText(100, "invalid.approver"),
  endsOn: day,
});
/** GET /api/projects/:code/history: a project's code as the upload takes it (at most 64 characters). */
export const projectParams = z.object({ code: text(64) });
