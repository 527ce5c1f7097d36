"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Field, inputClass, Notice, SubmitButton } from "@/components/forms/fields";
import { RegionPicker } from "@/components/forms/region-picker";
import { createUser, type Role } from "@/lib/api/admin";
import { PersonnelCheckbox } from "./personnel-checkbox";
import { RoleSelect } from "./role-select";

/** 新建用户: POST /api/users. The server checks every field again; its refusals show below the form. */
export function UserCreateForm() {
  const t = useTranslations("admin.users.create");
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>("viewer");
  const [personnel, setPersonnel] = useState(false);
  const [region, setRegion] = useState<string | null>(null);
  const [missingRegion, setMissingRegion] = useState(false);
  const mutation = useMutation({
    mutationFn: createUser,
    // Returning the promise keeps the form busy until the table shows the new account.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin"] }),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    if (!region) {
      setMissingRegion(true);
      return;
    }
    const data = new FormData(form);
    mutation.mutate(
      {
        username: String(data.get("username") ?? ""),
        name: String(data.get("name") ?? ""),
        password: String(data.get("password") ?? ""),
        role,
        regionCode: region,
        personnel,
      },
      {
        onSuccess: () => {
          form.reset();
          setRole("viewer");
          setPersonnel(false);
          setRegion(null);
        },
      },
    );
  };

  return (
    <section aria-labelledby="create-user-heading" className="rounded-lg border border-line bg-surface p-4 shadow-sm">
      <h2 id="create-user-heading" className="text-base font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-xs text-muted">{t("intro")}</p>
      <form onSubmit={submit} className="mt-3 space-y-3" data-testid="create-user-form">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_9rem_1.4fr_1fr]">
          <Field label={t("username")} htmlFor="new-username" hint={t("usernameHint")}>
            <input id="new-username" name="username" required autoComplete="off" className={inputClass} />
          </Field>
          <Field label={t("name")} htmlFor="new-name">
            <input id="new-name" name="name" required maxLength={50} autoComplete="off" className={inputClass} />
          </Field>
          <Field label={t("role")} htmlFor="new-role">
            <RoleSelect id="new-role" value={role} onChange={setRole} />
          </Field>
          <Field label={t("region")} htmlFor="new-region">
            <RegionPicker
              id="new-region"
              value={region}
              onChange={(code) => {
                setRegion(code);
                setMissingRegion(false);
              }}
            />
          </Field>
          <Field label={t("password")} htmlFor="new-password" hint={t("passwordHint")}>
            <input
              id="new-password"
              name="password"
              type="password"
              required
              autoComplete="new-password"
              className={inputClass}
            />
          </Field>
        </div>
        <PersonnelCheckbox id="new-personnel" checked={personnel} onChange={setPersonnel} />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pending={mutation.isPending}>{mutation.isPending ? t("submitting") : t("submit")}</SubmitButton>
          <div className="min-w-0 flex-1">
            {missingRegion ? (
              <Notice tone="error">{t("regionRequired")}</Notice>
            ) : mutation.isError ? (
              <Notice tone="error">{mutation.error.message}</Notice>
            ) : (
              mutation.isSuccess && <Notice tone="success">{t("created", { username: mutation.data.username })}</Notice>
            )}
          </div>
        </div>
      </form>
    </section>
  );
}
