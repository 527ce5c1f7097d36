"use client";

import { useTranslations } from "next-intl";
import { type Dataset, datasets } from "@/lib/contract";
import type { DatasetLayouts } from "./layouts";

/** The five datasets as radio cards; under them the chosen one's columns and its templates. */
export function DatasetPicker({
  value,
  layouts,
  disabled,
  onChange,
}: {
  value: Dataset;
  layouts: DatasetLayouts;
  disabled: boolean;
  onChange: (dataset: Dataset) => void;
}) {
  const t = useTranslations("upload");
  const link =
    "inline-flex items-center gap-1 rounded-md border border-line bg-surface px-3 py-1.5 text-sm text-sky-800 hover:bg-page hover:text-sky-950";
  return (
    <div className="space-y-3">
      <div role="radiogroup" aria-label={t("page.chooseDataset")} className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
        {datasets.map((dataset) => (
          <label
            key={dataset}
            className={`flex cursor-pointer gap-2 rounded-lg border bg-surface p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-700/30 ${
              value === dataset ? "border-brand ring-1 ring-brand" : "border-line hover:border-muted/60"
            } ${disabled ? "cursor-not-allowed opacity-70" : ""}`}
          >
            <input
              type="radio"
              name="dataset"
              value={dataset}
              checked={value === dataset}
              disabled={disabled}
              onChange={() => onChange(dataset)}
              className="mt-0.5 accent-brand"
            />
            <span>
              <span className="block font-medium text-ink">{t(`datasets.${dataset}`)}</span>
              <span className="block text-xs text-muted">{t(`datasetHints.${dataset}`)}</span>
            </span>
          </label>
        ))}
      </div>
      <div className="space-y-2 rounded-md bg-page px-3 py-2 text-sm">
        <p className="text-muted" data-testid="dataset-columns">
          {t("page.columns", { columns: layouts[value].headers.join(t("page.separator")) })}
        </p>
        <p className="flex flex-wrap items-center gap-2">
          <span className="text-ink">{t("page.templates", { dataset: t(`datasets.${value}`) })}</span>
          <a href={`/api/templates/${value}?format=xlsx`} download className={link}>
            {t("page.templateXlsx")}
          </a>
          <a href={`/api/templates/${value}?format=csv`} download className={link}>
            {t("page.templateCsv")}
          </a>
        </p>
      </div>
    </div>
  );
}
