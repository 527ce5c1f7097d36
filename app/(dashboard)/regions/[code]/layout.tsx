import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getDb } from "@/db/client";
import { getRegionPath } from "@/db/queries/regions";
import { placeCode } from "@/lib/schemas";

/**
 * An unknown or malformed region is refused here, above the page's loading skeleton: once the
 * skeleton has streamed, the answer's status is already 200, and the not-found page would come
 * with it. Region names are public reference data, so no viewer is needed for this check.
 */
export default async function RegionLayout({
  params,
  children,
}: {
  params: Promise<{ code: string }>;
  children: ReactNode;
}) {
  const code = placeCode.safeParse((await params).code);
  if (!code.success || !(await getRegionPath(await getDb(), code.data))) notFound();
  return children;
}
