import { DashboardHeaderSkeleton } from "@/components/dashboards/shell";

/** The scorecard's shape while its figures load: the same boxes at the same sizes, so nothing jumps. */
export default function IndicatorsLoading() {
  const block = "animate-pulse rounded-lg border border-line bg-surface shadow-sm";
  return (
    <div className="space-y-6" aria-busy="true" data-testid="indicators-loading">
      <DashboardHeaderSkeleton />
      <div className="space-y-2">
        <div className="h-7 w-56 animate-pulse rounded bg-line" />
        <div className={`h-[232px] ${block}`} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className={`h-[360px] ${block}`} />
        <div className={`h-[360px] ${block}`} />
      </div>
    </div>
  );
}
