"use client";

import { useFormatter, useTranslations } from "next-intl";
import { type Role, roles } from "@/lib/auth/permissions";
import { datasets } from "@/lib/contract";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * An entry's detail JSON as a short line of "key: value" pairs; a change (before/after) shows
 * only the fields that changed, as "角色: 查看者 → 填报员". Everything is rendered as text (React
 * escapes it), and the whole JSON is in the tooltip for the rare case that needs it.
 */
export function AuditDetail({ detail }: { detail: Json }) {
  const t = useTranslations("audit.detail");
  const tr = useTranslations("admin.roles");
  const td = useTranslations("reporting.datasets");
  const format = useFormatter();

  const label = (key: string) => (t.has(`keys.${key}`) ? t(`keys.${key}`) : key);
  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (key === "role" && typeof value === "string" && (roles as readonly string[]).includes(value))
      return tr(value as Role);
    // The dataset's name in the interface language, not its id.
    if (key === "dataset" && typeof value === "string" && (datasets as readonly string[]).includes(value))
      return td(value);
    if (key.endsWith("At") && typeof value === "string" && !Number.isNaN(Date.parse(value))) {
      return format.dateTime(new Date(value), { dateStyle: "short", timeStyle: "medium" });
    }
    if (typeof value === "string" || typeof value === "number") return String(value);
    if (Array.isArray(value) && value.every((v) => typeof v !== "object")) return value.join(", ");
    return JSON.stringify(value);
  };

  const { before, after, ...rest } = detail;
  const pairs: { key: string; text: string }[] = [];
  // jsonb keeps keys in its own order; who the entry is about reads first.
  const keys = Object.keys(rest).sort((a, b) => Number(b === "username") - Number(a === "username"));
  for (const key of keys) {
    const value = rest[key];
    // The username says who; the id beside it is only in the tooltip.
    if (key === "userId" && typeof rest.username === "string") continue;
    pairs.push({ key: label(key), text: show(key, value) });
  }
  if (isObject(before) && isObject(after)) {
    const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
    );
    for (const key of changed) {
      pairs.push({ key: label(key), text: `${show(key, before[key])} → ${show(key, after[key])}` });
    }
    if (changed.length === 0) pairs.push({ key: t("change"), text: t("noChange") });
  } else {
    if (before !== undefined) pairs.push({ key: label("before"), text: show("before", before) });
    if (after !== undefined) pairs.push({ key: label("after"), text: show("after", after) });
  }

  if (pairs.length === 0) return <span className="text-muted">—</span>;
  return (
    <dl className="flex max-w-xl flex-wrap gap-x-3 gap-y-0.5 text-xs" title={JSON.stringify(detail)}>
      {pairs.map(({ key, text }) => (
        <div key={key} className="flex min-w-0 gap-1">
          <dt className="shrink-0 text-muted">{key}:</dt>
          <dd className="min-w-0 truncate text-ink">{text}</dd>
        </div>
      ))}
    </dl>
  );
}
