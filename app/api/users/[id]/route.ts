import { getDb } from "@/db/client";
import { updateUser } from "@/db/mutations/users";
import { userChangesBody, userParams } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";
import { requestIp } from "@/server/request-ip";

export const dynamic = "force-dynamic";

/** PATCH /api/users/:id: name, role, home region, or disable/enable (admins). */
export const PATCH = apiRoute(
  { body: userChangesBody, params: userParams },
  async ({ request, viewer, body, params }) => {
    await updateUser(await getDb(), viewer, params.id, body, requestIp(request));
    return { ok: true };
  },
);
