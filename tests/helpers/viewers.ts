import type { Viewer } from "@/lib/auth/permissions";

/** The demo clerk of 乌拉特后旗 (150825), as the data layer sees a signed-in caller. */
export const wuhouClerk: Viewer = {
  id: "clerk-1",
  username: "wuhou-clerk",
  name: "填报员",
  role: "clerk",
  regionCode: "150825",
  sessionId: "s",
};

/** A signed-in caller as the data layer sees one: its id doubles as username and name. */
export const person = (id: string, role: Viewer["role"], regionCode: string): Viewer => ({
  id,
  username: id,
  name: id,
  role,
  regionCode,
  sessionId: "s",
});
