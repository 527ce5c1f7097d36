import os from "node:os";
import { ROOT_REGION, type Viewer } from "@/lib/auth/permissions";

/**
 * The person at the server's command line (npm run import, user:create): trusted like an admin
 * of the whole autonomous region, and recorded in the audit log as `cli:<os user>`.
 */
export function operator(): Viewer {
  const name = `cli:${os.userInfo().username}`;
  return { id: name, username: name, name, role: "admin", regionCode: ROOT_REGION, sessionId: "cli" };
}
