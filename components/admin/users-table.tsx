"use client";

import { useLocale, useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { ScrollBox } from "@/components/layout/scroll-box";
import type { UserRow } from "@/lib/api/admin";
import { formatBeijingMinute } from "@/lib/format";
import { rowRegionName } from "@/lib/region-name";
import { UserManagePanel } from "./user-manage-panel";

/** Every account; 管理 opens the row's role, region, status and password controls beneath it. */
export function UsersTable({ users, viewerId }: { users: UserRow[]; viewerId: string }) {
  const t = useTranslations("admin.users");
  const locale = useLocale();
  const tr = useTranslations("admin.roles");
  const [open, setOpen] = useState<string | null>(null);
  const th = "px-3 py-2 text-left font-medium whitespace-nowrap";
  const td = "px-3 py-2 align-top";

  return (
    <ScrollBox className="rounded-lg border border-line bg-surface shadow-sm">
      <table className="w-full text-sm" data-testid="users-table">
        <caption className="px-3 py-2 text-left text-sm font-medium text-ink">
          {t("table.caption", { count: users.length })}
        </caption>
        <thead className="bg-page text-muted">
          <tr>
            <th scope="col" className={th}>
              {t("table.username")}
            </th>
            <th scope="col" className={th}>
              {t("table.name")}
            </th>
            <th scope="col" className={th}>
              {t("table.role")}
            </th>
            <th scope="col" className={th}>
              {t("table.region")}
            </th>
            <th scope="col" className={th}>
              {t("table.status")}
            </th>
            <th scope="col" className={th}>
              {t("table.createdAt")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("table.actions")}
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const expanded = open === user.id;
            const self = user.id === viewerId;
            return (
              <Fragment key={user.id}>
                <tr
                  data-testid={`user-row-${user.username}`}
                  className={`border-t border-line ${user.disabled ? "text-muted" : ""} ${expanded ? "bg-page/60" : ""}`}
                >
                  <th scope="row" className={`${td} text-left font-medium whitespace-nowrap`}>
                    {user.username}
                    {self && <span className="ml-1 text-xs font-normal text-muted">{t("you")}</span>}
                  </th>
                  <td className={`${td} whitespace-nowrap`}>{user.name}</td>
                  <td className={`${td} whitespace-nowrap`}>
                    <span data-testid="user-role">{tr(user.role)}</span>
                    {user.personnel && (
                      <span
                        className="ml-1 rounded bg-amber-50 px-1 text-xs text-amber-900"
                        data-testid="user-personnel"
                      >
                        {t("personnelMark")}
                      </span>
                    )}
                  </td>
                  <td className={`${td} whitespace-nowrap`} data-testid="user-region">
                    {rowRegionName(user, locale)}
                    <span className="ml-1 text-xs text-muted tabular-nums">{user.regionCode}</span>
                  </td>
                  <td className={td} data-testid="user-status">
                    <span
                      className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${
                        user.disabled ? "bg-zinc-200 text-zinc-700" : "bg-emerald-50 text-emerald-800"
                      }`}
                    >
                      {user.disabled ? t("status.disabled") : t("status.active")}
                    </span>
                  </td>
                  <td className={`${td} whitespace-nowrap tabular-nums`}>{formatBeijingMinute(user.createdAt)}</td>
                  <td className={`${td} text-right`}>
                    <button
                      type="button"
                      aria-expanded={expanded}
                      aria-controls={`manage-${user.id}`}
                      onClick={() => setOpen(expanded ? null : user.id)}
                      className="text-sm whitespace-nowrap text-sky-800 hover:underline"
                    >
                      {expanded ? t("manageClose") : t("manageOpen")}
                    </button>
                  </td>
                </tr>
                {expanded && (
                  <tr id={`manage-${user.id}`} className="bg-page/60">
                    <td colSpan={7} className="px-3 pb-4">
                      <UserManagePanel user={user} self={self} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}
