import { DashboardSkeleton } from "@/components/dashboards/shell";

/** In its own route group, so that this shape is the overview's alone, not the account's or the upload's. */
export default function OverviewLoading() {
  return <DashboardSkeleton />;
}
