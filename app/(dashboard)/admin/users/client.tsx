"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { UserCreateForm } from "@/components/admin/user-create-form";
import { UsersTable } from "@/components/admin/users-table";
import { LoadError } from "@/components/layout/load-error";
import { usersQuery } from "@/lib/api/admin";

export function UsersClient({ viewerId }: { viewerId: string }) {
  const t = useTranslations("admin.users");
  const { data, error, refetch } = useQuery(usersQuery());
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold text-ink">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-muted">{t("intro")}</p>
      </div>
      <UserCreateForm />
      {error ? (
        <LoadError message={t("loadError", { message: error.message })} onRetry={() => refetch()} />
      ) : (
        data && <UsersTable users={data.users} viewerId={viewerId} />
      )}
    </div>
  );
}
