"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useState } from "react";
import { Field, inputClass, Notice } from "@/components/forms/fields";
import { RegionPicker } from "@/components/forms/region-picker";
import { type Role, resetPassword, type UserChanges, type UserRow, updateUser } from "@/lib/api/admin";
import { buttonClass } from "./form-bits";
import { PersonnelCheckbox } from "./personnel-checkbox";
import { RoleSelect } from "./role-select";

type Action = { kind: "update"; changes: UserChanges } | { kind: "password"; password: string };

/**
 * One account's controls: role and home region, 停用/启用, 重置密码. Disabling and resetting ask
 * once more, because both end the person's open sessions at once. The server decides (it refuses,
 * for instance, an admin who would lock themselves out); its message shows here, beside the row.
 */
export function UserManagePanel({ user, self }: { user: UserRow; self: boolean }) {
  const t = useTranslations("admin.users.manage");
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>(user.role);
  const [region, setRegion] = useState(user.regionCode);
  const [personnel, setPersonnel] = useState(user.personnel);
  const [password, setPassword] = useState("");
  const [confirming, setConfirming] = useState<"disable" | "password" | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (action: Action) =>
      action.kind === "update" ? updateUser(user.id, action.changes) : resetPassword(user.id, action.password),
    onMutate: () => setDone(null),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin"] }),
    onSettled: () => setConfirming(null),
  });
  const run = (action: Action, message: string, after?: () => void) =>
    mutation.mutate(action, {
      onSuccess: () => {
        setDone(message);
        after?.();
      },
    });

  const changes: UserChanges = {
    ...(role !== user.role ? { role } : {}),
    ...(region !== user.regionCode ? { regionCode: region } : {}),
    ...(personnel !== user.personnel ? { personnel } : {}),
  };
  const changed = Object.keys(changes).length > 0;

  const saveRoleAndRegion = (event: FormEvent) => {
    event.preventDefault();
    if (changed) run({ kind: "update", changes }, t("saved"));
  };
  const askPassword = (event: FormEvent) => {
    event.preventDefault();
    setConfirming("password");
  };

  const busy = mutation.isPending;
  const ids = { role: `role-${user.id}`, region: `region-${user.id}`, password: `password-${user.id}` };

  return (
    <div className="space-y-3 pt-1" data-testid={`user-manage-${user.username}`}>
      <div className="grid gap-3 lg:grid-cols-3">
        <Box title={t("roleAndRegion")}>
          <form onSubmit={saveRoleAndRegion} className="space-y-2">
            <div className="grid gap-2 sm:grid-cols-[8rem_1fr]">
              <Field label={t("role")} htmlFor={ids.role}>
                <RoleSelect id={ids.role} value={role} onChange={setRole} />
              </Field>
              <Field label={t("region")} htmlFor={ids.region}>
                <RegionPicker id={ids.region} value={region} onChange={setRegion} />
              </Field>
            </div>
            <PersonnelCheckbox id={`personnel-${user.id}`} checked={personnel} onChange={setPersonnel} />
            <button type="submit" disabled={busy || !changed} className={buttonClass.primary}>
              {t("save")}
            </button>
          </form>
        </Box>

        <Box title={t("status")}>
          {user.disabled ? (
            <>
              <p className="text-xs text-muted">{t("disabledNote")}</p>
              <button
                type="button"
                disabled={busy}
                onClick={() => run({ kind: "update", changes: { disabled: false } }, t("enabled"))}
                className={buttonClass.primary}
              >
                {t("enable")}
              </button>
            </>
          ) : confirming === "disable" ? (
            <Confirm
              text={t("confirmDisable", { username: user.username })}
              action={t("confirmDisableButton")}
              busy={busy}
              onConfirm={() => run({ kind: "update", changes: { disabled: true } }, t("disabledDone"))}
              onCancel={() => setConfirming(null)}
            />
          ) : (
            <>
              <p className="text-xs text-muted">{self ? t("selfNote") : t("activeNote")}</p>
              <button
                type="button"
                disabled={busy}
                onClick={() => setConfirming("disable")}
                className={buttonClass.secondary}
              >
                {t("disable")}
              </button>
            </>
          )}
        </Box>

        <Box title={t("password")}>
          {confirming === "password" ? (
            <Confirm
              text={t("confirmPassword", { username: user.username })}
              action={t("confirmPasswordButton")}
              busy={busy}
              onConfirm={() => run({ kind: "password", password }, t("passwordDone"), () => setPassword(""))}
              onCancel={() => setConfirming(null)}
            />
          ) : (
            <form onSubmit={askPassword} className="space-y-2">
              <Field label={t("newPassword")} htmlFor={ids.password} hint={t("passwordHint")}>
                <input
                  id={ids.password}
                  type="password"
                  required
                  autoComplete="new-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  className={inputClass}
                />
              </Field>
              <button type="submit" disabled={busy} className={buttonClass.secondary}>
                {t("resetPassword")}
              </button>
            </form>
          )}
        </Box>
      </div>
      {mutation.isError ? (
        <Notice tone="error">{mutation.error.message}</Notice>
      ) : (
        done && <Notice tone="success">{done}</Notice>
      )}
    </div>
  );
}

function Box({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2 rounded-md border border-line bg-surface p-3">
      <h3 className="text-sm font-medium text-ink">{title}</h3>
      {children}
    </section>
  );
}

function Confirm({
  text,
  action,
  busy,
  onConfirm,
  onCancel,
}: {
  text: string;
  action: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("admin");
  return (
    <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-2">
      <p className="text-sm text-amber-950">{text}</p>
      <div className="flex gap-2">
        <button type="button" disabled={busy} onClick={onConfirm} className={buttonClass.danger}>
          {action}
        </button>
        <button type="button" disabled={busy} onClick={onCancel} className={buttonClass.secondary}>
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}
