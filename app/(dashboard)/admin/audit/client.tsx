"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { AuditFilterForm } from "@/components/admin/audit-filter-form";
import { AuditTable } from "@/components/admin/audit-table";
import { Pagination } from "@/components/admin/pagination";
import { LoadError } from "@/components/layout/load-error";
import { auditLogQuery } from "@/lib/api/admin";
import { type AuditFilters, auditSearch } from "./search-params";

export function AuditClient({
  filters,
  pageSize,
  invalid,
}: {
  filters: AuditFilters;
  pageSize: number;
  invalid: string | null;
}) {
  const t = useTranslations("audit");
  const router = useRouter();
  const search = auditSearch(filters);
  const { data, error, refetch, isPlaceholderData } = useQuery({
    ...auditLogQuery(search),
    placeholderData: keepPreviousData,
  });
  // A new filter starts again at the first page.
  const [pending, startTransition] = useTransition();
  const apply = (next: Omit<AuditFilters, "page">) =>
    startTransition(() => router.push(`/admin/audit${auditSearch({ ...next, page: 1 })}`));
  const filtered = search.replace(/[?&]page=\d+/, "") !== "";

  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold text-ink">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-muted">{t("intro")}</p>
      </div>
      <AuditFilterForm key={search} filters={filters} onApply={apply} pending={pending} />
      {invalid && (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t("invalidFilters", { message: invalid })}
        </p>
      )}
      {error ? (
        <LoadError message={t("loadError", { message: error.message })} onRetry={() => refetch()} />
      ) : (
        data && (
          <div className={`space-y-3 transition-opacity ${isPlaceholderData ? "opacity-60" : ""}`}>
            <AuditTable rows={data.rows} empty={filtered ? t("emptyFiltered") : t("empty")} />
            <Pagination
              page={filters.page}
              pageSize={pageSize}
              total={data.total}
              hrefFor={(page) => `/admin/audit${auditSearch({ ...filters, page })}`}
            />
          </div>
        )
      )}
    </div>
  );
}
