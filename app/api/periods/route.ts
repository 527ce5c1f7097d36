import { getDb } from "@/db/client";
import { openPeriod, openYear } from "@/db/mutations/periods";
import { listPeriods } from "@/db/queries/periods";
import { openPeriodsBody, periodsQuery } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";
import { requestIp } from "@/server/request-ip";

export const dynamic = "force-dynamic";

/** GET /api/periods?year=: the year's reporting periods as the caller's home region stands in them. */
export const GET = apiRoute({ query: periodsQuery }, async ({ viewer, query }) => ({
  periods: await listPeriods(await getDb(), viewer, query.year),
}));

/**
 * POST /api/periods {year}: opens the year's periods not open yet, with the default deadlines;
 * {dataset, year, quarter?, dueOn}: opens that one period with its deadline.
 */
export const POST = apiRoute({ body: openPeriodsBody }, async ({ request, viewer, body }) =>
  "dataset" in body
    ? openPeriod(await getDb(), viewer, body, requestIp(request))
    : openYear(await getDb(), viewer, body.year, requestIp(request)),
);
