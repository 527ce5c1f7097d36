import { getDb } from "@/db/client";
import { resetPassword } from "@/db/mutations/users";
import { passwordBody, userParams } from "@/lib/schemas";
import { apiRoute } from "@/server/api-route";
import { requestIp } from "@/server/request-ip";

export const dynamic = "force-dynamic";

/** POST /api/users/:id/password: set a new password and end the user's sessions (admins). */
export const POST = apiRoute({ body: passwordBody, params: userParams }, async ({ request, viewer, body, params }) => {
  await resetPassword(await getDb(), viewer, params.id, body.password, requestIp(request));
  return { ok: true };
});
