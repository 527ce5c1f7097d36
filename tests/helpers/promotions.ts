import fs from "node:fs";
import type { Db } from "@/db/connect";
import { RequestRefused } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { runImport } from "@/server/import/pipeline";
import { tempFile } from "./xlsx";

/** Uploads promotions lines ("乌拉特后旗,2023,2,乡村振兴,4") through the pipeline as `actor`, as the API does. */
export async function uploadPromotions(db: Db, actor: Viewer, lines: string[], dryRun = false) {
  const file = tempFile("figures.csv");
  fs.writeFileSync(file, `地区,年度,季度,领域,人数\n${lines.join("\n")}\n`);
  return runImport(db, actor, {
    dataset: "promotions",
    filePath: file,
    fileName: "figures.csv",
    dryRun,
    locale: "zh-CN",
    source: "api",
  });
}

/** "409 reason" of a refusal the data layer throws; a promise that is accepted fails the test. */
export async function refusedWith(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RequestRefused) return `${error.status} ${error.reason}`;
    throw error;
  }
  throw new Error("accepted");
}
