"use client";

import { useTranslations } from "next-intl";
import type { DatasetLayout } from "./layouts";

/**
 * Values of imported rows, as a person reads them: region codes as names, quarters as 第4季度,
 * the contract's Chinese choices in the UI language. Everything from a file is rendered as React
 * text, so whatever a cell holds is shown escaped, never interpreted.
 */
export type ValueContext = { layout: DatasetLayout; regionNames: Record<string, string> };

/** Enumerated columns whose values have a translation in messages (core.json). */
const CHOICES: Record<string, string> = { field: "fields", level: "levels", stage: "stages", type: "adjustmentTypes" };

export function useFormatValue({ regionNames }: Pick<ValueContext, "regionNames">) {
  const t = useTranslations();
  return (column: string, value: unknown): string => {
    if (column === "quarter" && (value === null || value === "")) return t("upload.values.wholeYear");
    if (value === null || value === undefined || value === "") return t("upload.values.empty");
    const text = String(value);
    if (column === "region_code") return regionNames[text] ?? text;
    if (column === "quarter") return t("upload.values.quarter", { quarter: text });
    const namespace = CHOICES[column];
    if (namespace && t.has(`${namespace}.${text}`)) return t(`${namespace}.${text}`);
    return text;
  };
}

/** A row's natural key as one line (乌拉特后旗 · 2024 · 第4季度 · 乡村振兴). */
export function useFormatKey(context: ValueContext) {
  const format = useFormatValue(context);
  return {
    /** From a row's values. */
    ofRow: (row: Record<string, unknown>) => context.layout.key.map((k) => format(k, row[k])).join(" · "),
    /**
     * From the preview's key, which the server sends as the key values joined by " · " in key
     * order. A value that itself holds " · " makes the parts ambiguous; then it shows as sent.
     */
    ofPreview: (key: string) => {
      const parts = key.split(" · ");
      return parts.length === context.layout.key.length
        ? parts.map((part, i) => format(context.layout.key[i], part)).join(" · ")
        : key;
    },
  };
}

/** Written (non-key) columns of a dataset that a row holds, in the template's order. */
export function valueColumns(layout: DatasetLayout, row: Record<string, unknown>) {
  return layout.columns.filter((c) => !layout.key.includes(c.db) && c.db in row);
}

/** Values as "label value" pairs, one per line. */
export function ValueList({ items }: { items: { label: string; value: string; testId?: string }[] }) {
  return (
    <dl className="space-y-0.5">
      {items.map((item) => (
        <div key={item.label} className="flex flex-wrap gap-x-2">
          <dt className="text-muted">{item.label}</dt>
          <dd className="break-all text-ink" data-testid={item.testId}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
