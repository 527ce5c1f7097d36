import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getProjectHistory } from "@/db/queries/cycle";
import { projectHistoryQuery } from "@/lib/api/cycle";
import { getQueryClient } from "@/lib/query-client";
import { projectParams } from "@/lib/schemas";
import { requireViewer } from "@/server/auth/page";
import { ProjectHistoryClient } from "./client";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("cycle.history");
  return { title: t("title", { code: decodeURIComponent((await params).code).slice(0, 64) }) };
}

/**
 * One 揭榜挂帅 project's whole history: the challenge it answered, the applications, its stages,
 * the issues followed up and its evaluations. Any signed-in user may open it; the query blanks
 * the lead cadre's and applicants' names outside the user's home region.
 */
export default async function ProjectHistoryPage({ params }: Props) {
  const viewer = await requireViewer();
  const parsed = projectParams.safeParse({ code: decodeURIComponent((await params).code) });
  if (!parsed.success) notFound();
  const { code } = parsed.data;
  const history = await getProjectHistory(await getDb(), viewer, code);
  if (!history) notFound();
  const queryClient = getQueryClient();
  queryClient.setQueryData(projectHistoryQuery(code).queryKey, history);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ProjectHistoryClient code={code} />
    </HydrationBoundary>
  );
}
