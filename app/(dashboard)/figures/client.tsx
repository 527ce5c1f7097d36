"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Field, InputField, inputClass, Notice, SubmitButton } from "@/components/forms/fields";
import { RegionPicker } from "@/components/forms/region-picker";
import { sendJson } from "@/lib/api/client";
import { adjustmentTypes, promotionFields } from "@/lib/contract";
import { regionName } from "@/lib/region-name";
import { countFigureBody } from "@/lib/schemas";
import type { RegionRef } from "@/lib/types";

type Dataset = "promotions" | "adjustments";
const KEYS: Record<Dataset, readonly string[]> = { promotions: promotionFields, adjustments: adjustmentTypes };
const QUARTERS = [1, 2, 3, 4];

type Outcome = { tone: "error" | "success"; text: string; detail?: string } | null;

type Props = { home: Pick<RegionRef, "code" | "nameZh" | "nameEn">; scope: string; defaultYear: number };

export function FiguresClient({ home, scope, defaultYear }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [dataset, setDataset] = useState<Dataset>("promotions");
  const [region, setRegion] = useState<Props["home"]>(home);
  const [key, setKey] = useState<string>(promotionFields[0]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, setPending] = useState(false);
  const keyLabel = (k: string) => t(dataset === "promotions" ? `fields.${k}` : `adjustmentTypes.${k}`);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = countFigureBody.safeParse({
      dataset,
      region: region.code,
      key,
      year: data.get("year"),
      quarter: data.get("quarter"),
      count: String(data.get("count") ?? "").trim() || undefined,
    });
    if (!parsed.success) {
      const messages = parsed.error.issues.map((i) => t(`apiErrors.${i.message}`));
      return setOutcome({
        tone: "error",
        text: t("figureEntry.failed", { message: [...new Set(messages)].join(" ") }),
      });
    }
    setPending(true);
    setOutcome(null);
    try {
      const { before, after, submission } = await sendJson<{
        before: number | null;
        after: number;
        submission: { id: number; version: number } | null;
      }>("/api/figures", parsed.data);
      const figure = parsed.data;
      const values = { before: before ?? t("figureEntry.none"), after };
      setOutcome({
        tone: "success",
        // Below the top of the tree the figure joins the region's report for review, unpublished.
        text: submission
          ? t("figureEntry.submitted", { ...values, version: submission.version })
          : t("figureEntry.saved", values),
        detail: t("figureEntry.savedWhat", {
          region: regionName(region, locale),
          year: figure.year,
          quarter: figure.quarter,
          dataset: t(`figureEntry.datasets.${figure.dataset}`),
          key: keyLabel(figure.key),
        }),
      });
      // The overview's totals include this count now.
      await queryClient.invalidateQueries({ queryKey: ["overview"] });
    } catch (e) {
      setOutcome({ tone: "error", text: t("figureEntry.failed", { message: (e as Error).message }) });
    }
    setPending(false);
  }

  return (
    <div className="max-w-xl space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold text-ink">{t("figureEntry.heading")}</h1>
        <p className="text-sm text-muted">{t("figureEntry.intro")}</p>
        <p className="text-sm text-muted">{scope}</p>
      </div>
      <form
        onSubmit={submit}
        noValidate
        aria-label={t("figureEntry.heading")}
        className="space-y-4 rounded-lg border border-line bg-surface p-5 shadow-sm"
      >
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-ink">{t("figureEntry.dataset")}</legend>
          <div className="flex gap-4 pt-1 text-sm">
            {(["promotions", "adjustments"] as const).map((d) => (
              <label key={d} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="dataset"
                  value={d}
                  checked={dataset === d}
                  onChange={() => {
                    setDataset(d);
                    setKey(KEYS[d][0]);
                  }}
                />
                {t(`figureEntry.datasets.${d}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t("figureEntry.region")} htmlFor="figure-region">
          <RegionPicker
            id="figure-region"
            value={region.code}
            known={region}
            onChange={(_code, option) => setRegion(option)}
          />
        </Field>
        <div className="grid grid-cols-2 gap-4">
          <InputField
            label={t("figureEntry.year")}
            id="figure-year"
            name="year"
            type="number"
            inputMode="numeric"
            min={2000}
            max={2100}
            defaultValue={defaultYear}
          />
          <Field label={t("figureEntry.quarter")} htmlFor="figure-quarter">
            <select id="figure-quarter" name="quarter" defaultValue={4} className={inputClass}>
              {QUARTERS.map((q) => (
                <option key={q} value={q}>
                  {t("figureEntry.quarterOption", { quarter: q })}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="grid grid-cols-2 gap-4">
          <Field label={dataset === "promotions" ? t("figureEntry.field") : t("figureEntry.type")} htmlFor="figure-key">
            <select id="figure-key" value={key} onChange={(e) => setKey(e.target.value)} className={inputClass}>
              {KEYS[dataset].map((k) => (
                <option key={k} value={k}>
                  {keyLabel(k)}
                </option>
              ))}
            </select>
          </Field>
          <InputField
            label={t("figureEntry.count")}
            id="figure-count"
            name="count"
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
          />
        </div>
        {outcome && (
          <Notice tone={outcome.tone}>
            {outcome.text}
            {outcome.detail && <span className="mt-0.5 block text-xs opacity-80">{outcome.detail}</span>}
          </Notice>
        )}
        <SubmitButton pending={pending}>{pending ? t("figureEntry.submitting") : t("figureEntry.submit")}</SubmitButton>
      </form>
    </div>
  );
}
