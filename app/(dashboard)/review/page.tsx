import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { UploadForbidden } from "@/components/upload/forbidden";
import { getDb } from "@/db/client";
import { listSubmissions } from "@/db/queries/submissions";
import { submissionsQuery } from "@/lib/api/submissions";
import { canUpload } from "@/lib/auth/permissions";
import { getQueryClient } from "@/lib/query-client";
import { requireViewer } from "@/server/auth/page";
import { pageMetadata } from "@/server/dashboard-page";
import { ReviewClient } from "./client";

export const dynamic = "force-dynamic";

export const generateMetadata = () => pageMetadata("review");

/** 报送审核: the reports waiting for the user's review, and the recent ones of their part of the tree. */
export default async function ReviewPage() {
  const viewer = await requireViewer();
  if (!canUpload(viewer)) return <UploadForbidden role={viewer.role} />;
  const queryClient = getQueryClient();
  queryClient.setQueryData(submissionsQuery().queryKey, await listSubmissions(await getDb(), viewer));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ReviewClient />
    </HydrationBoundary>
  );
}
