import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { getRegionPath } from "@/db/queries/regions";
import { regionName } from "@/lib/region-name";
import { requireViewer } from "@/server/auth/page";
import { pageMetadata } from "@/server/dashboard-page";
import { AccountClient } from "./client";

export const generateMetadata = () => pageMetadata("account");

export const dynamic = "force-dynamic";

/** The signed-in user's own account: who they are, and a new password. */
export default async function AccountPage() {
  const viewer = await requireViewer();
  const [home, locale] = await Promise.all([getRegionPath(await getDb(), viewer.regionCode), getLocale()]);
  return (
    <AccountClient
      account={{
        username: viewer.username,
        name: viewer.name,
        role: viewer.role,
        regionName: home ? regionName(home, locale) : viewer.regionCode,
      }}
    />
  );
}
