"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Field, inputClass, SubmitButton } from "@/components/forms/fields";
import { RegionPicker } from "@/components/forms/region-picker";
import { auditActions } from "@/lib/audit-actions";
import { buttonClass } from "./form-bits";

export type AuditFilterValues = { user?: string; action?: string; region?: string; from?: string; to?: string };

/**
 * 用户, 操作, 地区 (the region and everything below it), 起止日期. Nothing is applied until 筛选,
 * so that typing a username does not fetch once per letter; the URL then holds the filters.
 */
export function AuditFilterForm({
  filters,
  onApply,
  pending = false,
}: {
  filters: AuditFilterValues;
  onApply: (filters: AuditFilterValues) => void;
  pending?: boolean;
}) {
  const t = useTranslations("audit.filters");
  const ta = useTranslations("audit.actions");
  const [draft, setDraft] = useState<AuditFilterValues>({
    user: filters.user,
    action: filters.action,
    region: filters.region,
    from: filters.from,
    to: filters.to,
  });
  const set = (key: keyof AuditFilterValues, value: string | null) =>
    setDraft((d) => ({ ...d, [key]: value?.trim() ? value : undefined }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const any = [filters.user, filters.action, filters.region, filters.from, filters.to].some(Boolean);

  return (
    <form
      onSubmit={submit}
      aria-label={t("label")}
      data-testid="audit-filters"
      className="rounded-lg border border-line bg-surface p-4 shadow-sm"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1.2fr_1.4fr_9.5rem_9.5rem]">
        <Field label={t("user")} htmlFor="audit-user">
          <input
            id="audit-user"
            value={draft.user ?? ""}
            onChange={(e) => set("user", e.target.value)}
            placeholder={t("userPlaceholder")}
            autoComplete="off"
            className={inputClass}
          />
        </Field>
        <Field label={t("action")} htmlFor="audit-action">
          <select
            id="audit-action"
            value={draft.action ?? ""}
            onChange={(e) => set("action", e.target.value)}
            className={inputClass}
          >
            <option value="">{t("allActions")}</option>
            {auditActions.map((action) => (
              <option key={action} value={action}>
                {ta(action)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("region")} htmlFor="audit-region" hint={t("regionHint")}>
          <div className="flex items-center gap-1">
            <div className="min-w-0 flex-1">
              <RegionPicker id="audit-region" value={draft.region ?? null} onChange={(code) => set("region", code)} />
            </div>
            {draft.region && (
              <button
                type="button"
                onClick={() => set("region", null)}
                aria-label={t("clearRegion")}
                title={t("clearRegion")}
                className="shrink-0 rounded-md px-2 py-1 text-lg leading-none text-muted hover:bg-page hover:text-ink"
              >
                ×
              </button>
            )}
          </div>
        </Field>
        <Field label={t("from")} htmlFor="audit-from">
          <input
            id="audit-from"
            type="date"
            value={draft.from ?? ""}
            max={draft.to}
            onChange={(e) => set("from", e.target.value)}
            className={inputClass}
          />
        </Field>
        <Field label={t("to")} htmlFor="audit-to">
          <input
            id="audit-to"
            type="date"
            value={draft.to ?? ""}
            min={draft.from}
            onChange={(e) => set("to", e.target.value)}
            className={inputClass}
          />
        </Field>
      </div>
      <div className="mt-3 flex items-center gap-3">
        <SubmitButton pending={pending}>{t("apply")}</SubmitButton>
        {any && (
          <button type="button" onClick={() => onApply({})} className={buttonClass.secondary}>
            {t("clear")}
          </button>
        )}
      </div>
    </form>
  );
}
