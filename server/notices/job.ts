import { getDb } from "@/db/client";
import { refreshDeadlineNotices } from "@/db/mutations/notices";
import type { Env } from "@/server/env";
import { deliverNotices, type RobotConfig } from "./robot";

const started = globalThis as unknown as { noticeJob?: NodeJS.Timeout };

export function robotConfig(env: Env): RobotConfig | null {
  if (!env.NOTICE_WEBHOOK_URL) return null;
  return { url: env.NOTICE_WEBHOOK_URL, format: env.NOTICE_WEBHOOK_FORMAT, secret: env.NOTICE_WEBHOOK_SECRET };
}

/** One run: the deadline notices made, then (with a robot configured) the new ones sent. */
export async function runNoticeJob(env: Env): Promise<void> {
  const db = await getDb();
  await refreshDeadlineNotices(db);
  const robot = robotConfig(env);
  if (robot) await deliverNotices(db, robot);
}

/**
 * The reminders run inside the server process: once at start, then every NOTICE_JOB_MINUTES.
 * Several processes may run it: notices are made once (a unique key) and sent once (claimed rows).
 */
export function startNoticeJob(env: Env) {
  if (started.noticeJob) return;
  const run = () => runNoticeJob(env).catch((error: Error) => console.error(`Notice job: ${error.message}`));
  void run();
  started.noticeJob = setInterval(run, env.NOTICE_JOB_MINUTES * 60_000);
  started.noticeJob.unref();
}
