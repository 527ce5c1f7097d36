import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { AdminOnly } from "@/components/admin/admin-only";
import { getDb } from "@/db/client";
import { listUsers } from "@/db/queries/users";
import { usersKey } from "@/lib/api/admin";
import { canManageUsers } from "@/lib/auth/permissions";
import { getQueryClient } from "@/lib/query-client";
import { requireViewer } from "@/server/auth/page";
import { pageMetadata } from "@/server/dashboard-page";
import { UsersClient } from "./client";

export const dynamic = "force-dynamic";

export const generateMetadata = () => pageMetadata("users");

/** 用户管理: admins only (the API refuses everyone else too); the list is prefetched here. */
export default async function UsersPage() {
  const viewer = await requireViewer();
  if (!canManageUsers(viewer)) return <AdminOnly />;
  const queryClient = getQueryClient();
  queryClient.setQueryData(usersKey, { users: await listUsers(await getDb(), viewer) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <UsersClient viewerId={viewer.id} />
    </HydrationBoundary>
  );
}
