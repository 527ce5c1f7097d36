import { getLocale, getTranslations } from "next-intl/server";
import { UploadForbidden } from "@/components/upload/forbidden";
import { datasetLayouts, regionNameMap } from "@/components/upload/layouts";
import { getDb } from "@/db/client";
import { getRegionPath, searchRegions } from "@/db/queries/regions";
import { listSubmissions, reviewerOf } from "@/db/queries/submissions";
import { toLocale } from "@/i18n/config";
import { canUpload, writeScope } from "@/lib/auth/permissions";
import { type Dataset, datasets } from "@/lib/contract";
import { regionName } from "@/lib/region-name";
import { requireViewer } from "@/server/auth/page";
import { pageMetadata } from "@/server/dashboard-page";
import { IMPORT_LIMITS } from "@/server/import/pipeline";
import { UploadClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = () => pageMetadata("upload");

/**
 * 数据上传: clerks (rows of their region and below, checked row by row on the server) and
 * admins. `?dataset=arena` preselects a dataset, so a link can lead straight to one.
 */
export default async function UploadPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  if (!canUpload(viewer)) return <UploadForbidden role={viewer.role} />;
  const [t, locale, params, db] = await Promise.all([
    getTranslations("upload.page"),
    getLocale().then(toLocale),
    searchParams,
    getDb(),
  ]);
  const [home, regions, reviewer, { recent }] = await Promise.all([
    getRegionPath(db, viewer.regionCode),
    searchRegions(db, ""),
    reviewerOf(db, viewer),
    listSubmissions(db, viewer),
  ]);
  const asked = typeof params.dataset === "string" ? params.dataset : "";
  const initial: Dataset = (datasets as readonly string[]).includes(asked) ? (asked as Dataset) : "promotions";
  const homeName = home ? regionName(home, locale) : viewer.regionCode;
  return (
    <UploadClient
      initialDataset={initial}
      scope={writeScope(viewer) === "all" ? t("scopeAdmin") : t("scope", { region: homeName })}
      maxBytes={IMPORT_LIMITS.maxBytes}
      layouts={datasetLayouts(locale)}
      regionNames={regionNameMap(regions, locale)}
      reviewer={reviewer ? regionName(reviewer, locale) : null}
      submissions={recent.filter((s) => s.regionCode === viewer.regionCode).slice(0, 10)}
    />
  );
}
