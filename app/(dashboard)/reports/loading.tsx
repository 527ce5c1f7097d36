import { DashboardHeaderSkeleton } from "@/components/dashboards/shell";

/** The report's shape while its figures load. */
export default function ReportsLoading() {
  return (
    <div className="space-y-6" aria-busy="true" data-testid="reports-loading">
      <DashboardHeaderSkeleton />
      <div className="h-[640px] animate-pulse rounded-lg border border-line bg-surface shadow-sm" />
    </div>
  );
}
