import { getDb } from "@/db/client";
import { createUser } from "@/db/mutations/users";
import { listUsers } from "@/db/queries/users";
import { newUserBody } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";
import { requestIp } from "@/server/request-ip";

export const dynamic = "force-dynamic";

/** GET /api/users: every account (admins). */
export const GET = apiRoute({}, async ({ viewer }) => ({ users: await listUsers(await getDb(), viewer) }));

/** POST /api/users: create an account with role and home region (admins). */
export const POST = apiRoute({ body: newUserBody }, async ({ request, viewer, body }) =>
  createUser(await getDb(), viewer, body, requestIp(request)),
);
