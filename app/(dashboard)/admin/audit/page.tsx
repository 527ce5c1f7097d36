import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { AdminOnly } from "@/components/admin/admin-only";
import { getDb } from "@/db/client";
import { AUDIT_PAGE_SIZE, listAudit } from "@/db/queries/audit";
import { auditKey } from "@/lib/api/admin";
import { canReadAudit } from "@/lib/auth/permissions";
import { getQueryClient } from "@/lib/query-client";
import { requireViewer } from "@/server/auth/page";
import { pageMetadata } from "@/server/dashboard-page";
import { AuditClient } from "./client";
import { type AuditFilters, auditSearch, parseAuditFilters } from "./search-params";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = () => pageMetadata("audit");

/** 审计日志: admins only. A malformed filter in the URL is named, and the unfiltered log shows. */
export default async function AuditPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  if (!canReadAudit(viewer)) return <AdminOnly />;
  const parsed = parseAuditFilters(await searchParams);
  const filters: AuditFilters = parsed.success ? parsed.data : { page: 1 };
  let invalid: string | null = null;
  if (!parsed.success) {
    const t = await getTranslations("apiErrors");
    invalid = parsed.error.issues.map((issue) => (t.has(issue.message) ? t(issue.message) : issue.message)).join(" ");
  }
  const queryClient = getQueryClient();
  queryClient.setQueryData(auditKey(auditSearch(filters)), await listAudit(await getDb(), viewer, filters));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AuditClient filters={filters} pageSize={AUDIT_PAGE_SIZE} invalid={invalid} />
    </HydrationBoundary>
  );
}
