import { getDb } from "@/db/client";
import { updateUser } from "@/db/mutations/users";
import { apiRoute } from "@/lib/api-route";
import { requestIp } from "@/lib/request-ip";
import { userChangesBody, userParams } from "@/lib/schemas";

export const dynamic = "force-dynamic";

/** PATCH /api/users/:id: name, role, home region, or disable/enable (admins). */
export const PATCH = apiRoute(
  { body: userChangesBody, params: userParams },
  async ({ request, viewer, body, params }) => {
    await updateUser(await getDb(), viewer, params.id, body, requestIp(request));
    return { ok: true };
  },
);
