import { DashboardSkeleton } from "@/components/dashboards/shell";

export default function Loading() {
  return <DashboardSkeleton />;
}
