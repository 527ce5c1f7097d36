"use client";

import { useTranslations } from "next-intl";
import { inputClass } from "@/components/forms/fields";
import { type Role, roles } from "@/lib/auth/permissions";

export function RoleSelect({ id, value, onChange }: { id: string; value: Role; onChange: (role: Role) => void }) {
  const t = useTranslations("admin.roles");
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as Role)} className={inputClass}>
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(role)}
        </option>
      ))}
    </select>
  );
}
