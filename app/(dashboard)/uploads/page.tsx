import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { getLocale } from "next-intl/server";
import { UploadForbidden } from "@/components/upload/forbidden";
import { regionNameMap } from "@/components/upload/layouts";
import { getDb } from "@/db/client";
import { searchRegions } from "@/db/queries/regions";
import { BATCHES_PAGE_SIZE, listBatches } from "@/db/queries/uploads";
import { toLocale } from "@/i18n/config";
import { batchesQuery } from "@/lib/api/uploads";
import { canUpload } from "@/lib/auth/permissions";
import { getQueryClient } from "@/lib/query-client";
import { pageQuery } from "@/lib/schemas";
import { requireViewer } from "@/server/auth/page";
import { pageMetadata } from "@/server/dashboard-page";
import { UploadsClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = () => pageMetadata("uploads");

/** 上传记录: the batches the user may see (admins all, clerks those of their region), newest first. */
export default async function UploadsPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  if (!canUpload(viewer)) return <UploadForbidden role={viewer.role} />;
  const raw = (await searchParams).page;
  // A malformed page number shows the first page rather than an error.
  const parsed = pageQuery.safeParse({ page: Array.isArray(raw) ? raw[0] : raw });
  const page = parsed.success ? parsed.data.page : 1;
  const [db, locale] = await Promise.all([getDb(), getLocale().then(toLocale)]);
  const [list, regions] = await Promise.all([listBatches(db, viewer, { page }), searchRegions(db, "")]);
  const queryClient = getQueryClient();
  queryClient.setQueryData(batchesQuery(page).queryKey, list);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <UploadsClient page={page} pageSize={BATCHES_PAGE_SIZE} regionNames={regionNameMap(regions, locale)} />
    </HydrationBoundary>
  );
}
