import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { UploadForbidden } from "@/components/upload/forbidden";
import { datasetLayouts, regionNameMap } from "@/components/upload/layouts";
import { getDb } from "@/db/client";
import { searchRegions } from "@/db/queries/regions";
import { toLocale } from "@/i18n/config";
import { submissionQuery } from "@/lib/api/submissions";
import { RequestRefused } from "@/lib/auth/errors";
import { canUpload } from "@/lib/auth/permissions";
import { getQueryClient } from "@/lib/query-client";
import { submissionParams } from "@/lib/schemas";
import { requireViewer } from "@/server/auth/page";
import { pageMetadata } from "@/server/dashboard-page";
import { getSubmission } from "@/server/import/review";
import { SubmissionClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = () => pageMetadata("submission");

/** One report: its versions and returns, what approving it would change, and the reviewer's two answers. */
export default async function SubmissionPage({ params }: Props) {
  const viewer = await requireViewer();
  if (!canUpload(viewer)) return <UploadForbidden role={viewer.role} />;
  const id = submissionParams.safeParse({ id: (await params).id });
  if (!id.success) notFound();
  const [db, locale] = await Promise.all([getDb(), getLocale().then(toLocale)]);
  let detail: Awaited<ReturnType<typeof getSubmission>>;
  try {
    detail = await getSubmission(db, viewer, id.data.id, locale);
  } catch (error) {
    // The query decides who may read a report; one they may not is as if it did not exist.
    if (error instanceof RequestRefused && error.status === 404) notFound();
    throw error;
  }
  const regions = await searchRegions(db, "");
  const queryClient = getQueryClient();
  queryClient.setQueryData(submissionQuery(id.data.id).queryKey, detail);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SubmissionClient id={id.data.id} layouts={datasetLayouts(locale)} regionNames={regionNameMap(regions, locale)} />
    </HydrationBoundary>
  );
}
