import { getDb } from "@/db/client";
import { writableRegions } from "@/db/queries/regions";
import { NotFound } from "@/lib/auth/errors";
import { datasets } from "@/lib/contract";
import { DATASETS } from "@/lib/datasets";
import { templateQuery } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";
import { templateCsv, templateXlsx } from "@/server/import/template";

export const dynamic = "force-dynamic";

/** GET /api/templates/:dataset?format=csv|xlsx: the contract's headers (XLSX: drop-down lists, the caller's regions among them, and an instructions sheet). */
export const GET = apiRoute({ query: templateQuery }, async ({ query, params, viewer }) => {
  if (!(datasets as readonly string[]).includes(params.dataset)) throw new NotFound("import.api.badDataset");
  const spec = DATASETS[params.dataset as (typeof datasets)[number]];
  const name = `${spec.zh}-模板.${query.format}`;
  const body =
    query.format === "csv" ? templateCsv(spec) : await templateXlsx(spec, await writableRegions(await getDb(), viewer));
  return new Response(Buffer.from(body), {
    headers: {
      "content-type":
        query.format === "csv"
          ? "text/csv; charset=utf-8"
          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${spec.id}-template.${query.format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });
});
