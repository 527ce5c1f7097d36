import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { UploadForbidden } from "@/components/upload/forbidden";
import { datasetLayouts, regionNameMap } from "@/components/upload/layouts";
import { getDb } from "@/db/client";
import { searchRegions } from "@/db/queries/regions";
import { BATCHES_PAGE_SIZE, getBatch } from "@/db/queries/uploads";
import { toLocale } from "@/i18n/config";
import { batchQuery } from "@/lib/api/uploads";
import { RequestRefused } from "@/lib/auth/errors";
import { canUpload } from "@/lib/auth/permissions";
import { getQueryClient } from "@/lib/query-client";
import { batchParams, pageQuery } from "@/lib/schemas";
import { requireViewer } from "@/server/auth/page";
import { BatchClient } from "./client";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ batchId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations();
  const { batchId } = await params;
  return { title: t("upload.batch.title", { id: batchId }) };
}

/** One upload batch: what it was, the rows it added or changed, and undo. */
export default async function BatchPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  if (!canUpload(viewer)) return <UploadForbidden role={viewer.role} />;
  const id = batchParams.safeParse({ id: (await params).batchId });
  if (!id.success) notFound();
  const raw = (await searchParams).page;
  const parsed = pageQuery.safeParse({ page: Array.isArray(raw) ? raw[0] : raw });
  const page = parsed.success ? parsed.data.page : 1;
  const [db, locale] = await Promise.all([getDb(), getLocale().then(toLocale)]);
  let detail: Awaited<ReturnType<typeof getBatch>>;
  try {
    detail = await getBatch(db, viewer, id.data.id, { page });
  } catch (error) {
    // The query decides who may see a batch; the page only says what it decided.
    if (error instanceof RequestRefused && error.status === 404) notFound();
    if (error instanceof RequestRefused && error.status === 403) {
      return <UploadForbidden role={viewer.role} reason="batch" />;
    }
    throw error;
  }
  const regions = await searchRegions(db, "");
  const queryClient = getQueryClient();
  queryClient.setQueryData(batchQuery(id.data.id, page).queryKey, detail);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <BatchClient
        id={id.data.id}
        page={page}
        pageSize={BATCHES_PAGE_SIZE}
        layouts={datasetLayouts(locale)}
        regionNames={regionNameMap(regions, locale)}
      />
    </HydrationBoundary>
  );
}
