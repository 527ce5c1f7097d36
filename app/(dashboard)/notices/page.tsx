import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { listNotices } from "@/db/queries/notices";
import { noticesQuery } from "@/lib/api/notices";
import { getQueryClient } from "@/lib/query-client";
import { requireViewer } from "@/server/auth/page";
import { pageMetadata } from "@/server/dashboard-page";
import { NoticesClient } from "./client";

export const dynamic = "force-dynamic";

export function generateMetadata() {
  return pageMetadata("notices");
}

/** 通知: the reporting cycle's notices of the user's home region. */
export default async function NoticesPage() {
  const viewer = await requireViewer();
  const queryClient = getQueryClient();
  queryClient.setQueryData(noticesQuery().queryKey, await listNotices(await getDb(), viewer));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <NoticesClient />
    </HydrationBoundary>
  );
}
