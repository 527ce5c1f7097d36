import { getDb } from "@/db/client";
import { openYear } from "@/db/mutations/periods";
import { listPeriods } from "@/db/queries/periods";
import { openYearBody, periodsQuery } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";
import { requestIp } from "@/server/request-ip";

export const dynamic = "force-dynamic";

/** GET /api/periods?year=: the year's reporting periods as the caller's home region stands in them. */
export const GET = apiRoute({ query: periodsQuery }, async ({ viewer, query }) => ({
  periods: await listPeriods(await getDb(), viewer, query.year),
}));

/** POST /api/periods {year}: opens the year's periods not open yet, with the default deadlines. */
export const POST = apiRoute({ body: openYearBody }, async ({ request, viewer, body }) =>
  openYear(await getDb(), viewer, body.year, requestIp(request)),
);
