"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ScrollBox } from "@/components/layout/scroll-box";
import { type OrganisationRecord, recordTermAdjustment, type TermAdjustmentInput } from "@/lib/api/organisations";
import { termAdjustments } from "@/lib/contract";
import { rowRegionName } from "@/lib/region-name";
import type { TermStatus } from "@/lib/terms";

const STATUS_CLASS: Record<TermStatus, string> = {
  正常: "bg-emerald-50 text-emerald-800",
  即将届满: "bg-amber-50 text-amber-900",
  逾期未换届: "bg-red-50 text-red-800",
  已延期: "bg-sky-50 text-sky-900",
};

/**
 * One page of organisations with their terms. The secretary comes blank from the API outside the
 * user's home region (`namesHidden`), and the table says so; a row the user may write (its region's
 * clerk, an administrator) offers the form that records an approved extension or early election.
 */
export function OrganisationsTable({ caption, rows }: { caption: string; rows: OrganisationRecord[] }) {
  const t = useTranslations("organisationsPage");
  const locale = useLocale();
  const [editing, setEditing] = useState<number | null>(null);
  const th = "px-2 py-2 text-left font-medium whitespace-nowrap";
  const td = "px-2 py-1.5 align-top";
  return (
    <ScrollBox label={caption} className="rounded-lg border border-line bg-surface">
      <table className="w-full text-sm" data-testid="organisations-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-page text-muted">
          <tr>
            {["name", "type", "region", "unit", "members", "secretary", "electedOn", "endsOn", "status", "notes"].map(
              (c) => (
                <th key={c} scope="col" className={th}>
                  {t(`table.${c}`)}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((org) => {
            const row = (
              <tr key={org.id} className="border-t border-line" data-testid="organisation-row">
                <td className={`${td} min-w-48`}>{org.name}</td>
                <td className={`${td} whitespace-nowrap`}>{t(`types.${org.type}`)}</td>
                <td className={`${td} whitespace-nowrap`}>
                  {rowRegionName(org, locale)}
                  {org.townshipName && <span className="block text-xs text-muted">{org.townshipName}</span>}
                  {org.villageName && <span className="block text-xs text-muted">{org.villageName}</span>}
                </td>
                <td className={`${td} min-w-40`}>
                  {org.unit}
                  <span className="block text-xs text-muted">{t(`unitTypes.${org.unitType}`)}</span>
                </td>
                <td className={`${td} text-right tabular-nums`}>{org.members}</td>
                <td className={`${td} whitespace-nowrap`}>
                  {org.namesHidden ? (
                    <span className="text-muted italic">{t("namesHidden")}</span>
                  ) : (
                    (org.secretary ?? "—")
                  )}
                </td>
                <td className={`${td} whitespace-nowrap tabular-nums`}>{org.electedOn}</td>
                <td className={`${td} whitespace-nowrap tabular-nums`}>
                  {org.endsOn}
                  {org.endsOn !== org.computedEnd && (
                    <span className="block text-xs text-muted">{t("computedEnd", { end: org.computedEnd })}</span>
                  )}
                  <span className="block text-xs text-muted">{t("termYears", { years: org.years })}</span>
                </td>
                <td className={td}>
                  <span
                    className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STATUS_CLASS[org.status]}`}
                  >
                    {t(`statuses.${org.status}`)}
                  </span>
                  {org.extended && org.status === "逾期未换届" && (
                    <span className="block text-xs text-muted">{t("extensionPassed")}</span>
                  )}
                </td>
                <td className={`${td} min-w-56 text-xs`}>
                  {org.adjustment && (
                    <p>
                      {t("adjustmentNote", {
                        type: t(`adjustments.${org.adjustment}`),
                        approver: org.adjustmentApprover ?? "",
                        reason: org.adjustmentReason ?? "",
                      })}
                    </p>
                  )}
                  {org.unitsNeedingOwn.length > 0 && (
                    <p className="text-red-800">{t("needsOwn", { units: org.unitsNeedingOwn.join("、") })}</p>
                  )}
                  {org.jointUnits && <p className="text-muted">{t("jointUnits", { units: org.jointUnits })}</p>}
                  {org.shouldSplit && <p className="text-amber-900">{t("shouldSplit")}</p>}
                  {org.mayFormCommittee && <p className="text-muted">{t("mayFormCommittee")}</p>}
                  {org.editable && (
                    <button
                      type="button"
                      className="mt-1 rounded border border-line px-2 py-0.5 text-xs text-sky-800 hover:bg-page print:hidden"
                      aria-expanded={editing === org.id}
                      onClick={() => setEditing(editing === org.id ? null : org.id)}
                      data-testid="adjust-term"
                    >
                      {t("form.open")}
                    </button>
                  )}
                </td>
              </tr>
            );
            return editing === org.id
              ? [
                  row,
                  <tr key={`${org.id}-form`} className="bg-page">
                    <td colSpan={10} className="px-2 py-3">
                      <AdjustmentForm org={org} onDone={() => setEditing(null)} />
                    </td>
                  </tr>,
                ]
              : [row];
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function AdjustmentForm({ org, onDone }: { org: OrganisationRecord; onDone: () => void }) {
  const t = useTranslations("organisationsPage.form");
  const types = useTranslations("organisationsPage.adjustments");
  const id = useId();
  const queryClient = useQueryClient();
  const [input, setInput] = useState<TermAdjustmentInput>({
    type: org.adjustment ?? "延期换届",
    reason: org.adjustmentReason ?? "",
    approver: org.adjustmentApprover ?? "",
    endsOn: org.adjustedEndsOn ?? "",
  });
  const save = useMutation({
    mutationFn: () => recordTermAdjustment(org.id, input),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["organisations"] }),
        queryClient.invalidateQueries({ queryKey: ["organisation_records"] }),
      ]);
      onDone();
    },
  });
  const field = "flex flex-col gap-0.5 text-xs text-muted";
  const control = "min-h-9 rounded-md border border-line bg-surface px-2 py-1 text-sm text-ink";
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      aria-label={t("label", { name: org.name })}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <label className={field}>
        {t("type")}
        <select
          className={control}
          value={input.type}
          onChange={(e) => setInput({ ...input, type: e.target.value as TermAdjustmentInput["type"] })}
        >
          {termAdjustments.map((a) => (
            <option key={a} value={a}>
              {types(a)}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        {t("endsOn")}
        <input
          type="date"
          required
          className={control}
          value={input.endsOn}
          onChange={(e) => setInput({ ...input, endsOn: e.target.value })}
        />
      </label>
      <label className={`${field} min-w-48 flex-1`}>
        {t("reason")}
        <input
          required
          maxLength={200}
          className={control}
          value={input.reason}
          onChange={(e) => setInput({ ...input, reason: e.target.value })}
        />
      </label>
      <label className={`${field} min-w-48 flex-1`}>
        {t("approver")}
        <input
          required
          maxLength={100}
          className={control}
          value={input.approver}
          onChange={(e) => setInput({ ...input, approver: e.target.value })}
        />
      </label>
      <p id={`${id}-hint`} className="w-full text-xs text-muted">
        {t("hint", { end: org.computedEnd })}
      </p>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={save.isPending}
          className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white hover:opacity-90 disabled:opacity-60"
        >
          {t("save")}
        </button>
        <button type="button" onClick={onDone} className="rounded-md border border-line px-3 py-1.5 text-sm">
          {t("cancel")}
        </button>
      </div>
      {save.error && (
        <p role="alert" className="w-full text-sm text-red-800" data-testid="adjust-error">
          {save.error.message}
        </p>
      )}
    </form>
  );
}
