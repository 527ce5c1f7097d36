import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import type { Db } from "@/db/connect";
import { rows } from "@/db/queries/sql";
import type { NoticeRow } from "@/lib/api/notices";
import { noticeText } from "@/lib/notice-text";
import zhPeriods from "@/messages/zh-CN/periods.json";
import zhRankings from "@/messages/zh-CN/rankings.json";

/** A group robot (WeCom 企业微信 or DingTalk 钉钉) that hears of new notices; its address and secret come from the environment. */
export type RobotConfig = { url: string; format: "wecom" | "dingtalk"; secret?: string };

/** The markdown message of each robot's API, with the notices as lines. */
export function robotMessage(format: RobotConfig["format"], title: string, lines: string[]) {
  if (format === "dingtalk") {
    return {
      msgtype: "markdown",
      markdown: { title, text: `#### ${title}\n${lines.map((l) => `- ${l}`).join("\n")}` },
    };
  }
  return { msgtype: "markdown", markdown: { content: `**${title}**\n${lines.map((l) => `> ${l}`).join("\n")}` } };
}

/** DingTalk's signed address: the time in ms and the base64 HMAC-SHA256 of "time\nsecret" (WeCom signs with the key in the address). */
export function robotUrl(config: RobotConfig, now = Date.now()): string {
  if (config.format !== "dingtalk" || !config.secret) return config.url;
  const sign = createHmac("sha256", config.secret).update(`${now}\n${config.secret}`).digest("base64");
  const url = new URL(config.url);
  url.searchParams.set("timestamp", String(now));
  url.searchParams.set("sign", sign);
  return url.toString();
}

const t = createTranslator({ locale: "zh-CN", messages: { ...zhPeriods, ...zhRankings } });
const sentence = (notice: Parameters<typeof noticeText>[2]) =>
  noticeText(
    (key, values) => t(`notices.${key}` as never, values as never),
    (dataset) => t(`outstanding.datasets.${dataset}` as never),
    notice,
  );

/**
 * Sends the notices not sent yet, up to `limit`, as one robot message. A notice is claimed by
 * marking it sent in the statement that picks it (rows another process holds are skipped), so
 * two server processes never send the same one; a failed send gives them back for the next run.
 * Returns how many were sent.
 */
export async function deliverNotices(
  db: Db,
  config: RobotConfig,
  { limit = 20, send = fetch }: { limit?: number; send?: typeof fetch } = {},
): Promise<number> {
  const claimed = await rows<Omit<NoticeRow, "createdAt" | "read">>(
    db,
    sql`with picked as (
          select id from notices where sent_at is null order by id limit ${limit} for update skip locked
        )
        update notices n set sent_at = now() from picked, regions r
        where n.id = picked.id and r.code = n.region_code
        returning n.id, n.kind, r.name_zh as "regionName", n.dataset, n.year, n.quarter, n.detail`,
  );
  if (claimed.length === 0) return 0;
  claimed.sort((a, b) => a.id - b.id);
  const body = robotMessage(config.format, t("notices.robotTitle" as never), claimed.map(sentence));
  try {
    const response = await send(robotUrl(config), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    // Both robots answer 200 with an error code of their own.
    const answer = (await response.json().catch(() => ({}))) as { errcode?: number };
    if (!response.ok || (answer.errcode ?? 0) !== 0)
      throw new Error(`robot answered ${response.status} ${JSON.stringify(answer)}`);
    return claimed.length;
  } catch (error) {
    await db.execute(
      sql`update notices set sent_at = null where id = any(${sql.param(claimed.map((n) => n.id))}::int[])`,
    );
    throw error;
  }
}
