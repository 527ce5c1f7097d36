import { and, desc, eq, sql } from "drizzle-orm";
import type { NoticeRow } from "@/lib/api/notices";
import { canReceiveNotices, type Viewer } from "@/lib/auth/permissions";
import type { Db } from "../connect";
import { noticeReads, notices, regions } from "../schema";

const readBy = (viewer: Viewer) =>
  sql<boolean>`exists (select 1 from ${noticeReads} where ${noticeReads.noticeId} = ${notices.id} and ${noticeReads.userId} = ${viewer.id})`;

/** The newest notices of the user's home region (none for a viewer), with whether the user has read each. */
export async function listNotices(
  db: Db,
  viewer: Viewer,
  limit = 100,
): Promise<{ notices: NoticeRow[]; unread: number }> {
  if (!canReceiveNotices(viewer)) return { notices: [], unread: 0 };
  const [list, [count]] = await Promise.all([
    db
      .select({
        id: notices.id,
        kind: notices.kind,
        regionName: regions.nameZh,
        dataset: notices.dataset,
        year: notices.year,
        quarter: notices.quarter,
        detail: notices.detail,
        createdAt: sql<string>`${notices.createdAt}::text`,
        read: readBy(viewer),
      })
      .from(notices)
      .innerJoin(regions, eq(regions.code, notices.regionCode))
      .where(eq(notices.regionCode, viewer.regionCode))
      .orderBy(desc(notices.createdAt), desc(notices.id))
      .limit(limit),
    unreadCount(db, viewer).then((n) => [n]),
  ]);
  return { notices: list, unread: count };
}

export async function unreadCount(db: Db, viewer: Viewer): Promise<number> {
  if (!canReceiveNotices(viewer)) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notices)
    .where(and(eq(notices.regionCode, viewer.regionCode), sql`not ${readBy(viewer)}`));
  return row?.n ?? 0;
}
