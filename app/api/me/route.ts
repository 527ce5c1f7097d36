import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

/** GET /api/me: who is signed in, with role, home region and whether they hold the personnel permission. */
export const GET = apiRoute({}, async ({ viewer }) => ({
  id: viewer.id,
  username: viewer.username,
  name: viewer.name,
  role: viewer.role,
  regionCode: viewer.regionCode,
  personnel: viewer.personnel === true,
}));
