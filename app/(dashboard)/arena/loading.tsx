import { DashboardHeaderSkeleton } from "@/components/dashboards/shell";

/** The arena page's shape while its figures load: the same boxes at the same sizes, so nothing jumps. */
export default function ArenaLoading() {
  const block = "animate-pulse rounded-lg border border-line bg-surface shadow-sm";
  return (
    <div className="space-y-6" aria-busy="true" data-testid="arena-loading">
      <DashboardHeaderSkeleton />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7">
        <div className={`col-span-2 h-[82px] sm:col-span-3 lg:col-span-1 ${block}`} />
        {Array.from({ length: 6 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing else to key by
          <div key={i} className={`h-[98px] ${block}`} />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className={`h-[460px] ${block}`} />
        <div className={`h-[460px] ${block}`} />
      </div>
      <div className={`h-[480px] ${block}`} />
    </div>
  );
}
