"use client";

import { useTranslations } from "next-intl";

/** 人事评价查看权限: whether the account may read named evaluations (lib/auth/permissions.ts personnelScope). */
export function PersonnelCheckbox({
  id,
  checked,
  onChange,
}: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const t = useTranslations("admin.users.personnel");
  return (
    <div className="flex items-start gap-2 text-sm">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-0.5"
        aria-describedby={`${id}-hint`}
      />
      <div>
        <label htmlFor={id} className="font-medium">
          {t("label")}
        </label>
        <p id={`${id}-hint`} className="text-xs text-muted">
          {t("hint")}
        </p>
      </div>
    </div>
  );
}
