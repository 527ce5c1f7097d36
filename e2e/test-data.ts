import { type APIRequestContext, expect, test } from "@playwright/test";
import { apiAs, newUser } from "./test-users";

/**
 * Records a test relies on, made for that test through the app's own upload door
 * (POST /api/uploads) as a user allowed to write them, so that no test assumes the demo data
 * holds a particular project, entry or batch. Codes and names carry a tag unique to the call.
 *
 * While the reporting cycle runs (the demo opens every period of 2021–2024), a clerk below the
 * autonomous region does not publish: the upload becomes a report of their home region for each
 * period it touches, and the region above publishes it by approving it. The helpers here take
 * such a report through that review, as a clerk of the region above, so that what they return is
 * published data either way.
 */

export type Row = (string | number | null)[];

let serial = 0;

/** Unique to this run and call: for codes and names no other record has. */
export function uniqueTag(): string {
  return `${Date.now().toString(36)}${++serial}`;
}

/** A CSV as Excel saves one: CRLF line ends, quotes only where a cell needs them. */
export function csv(rows: Row[]): Buffer {
  const cell = (value: Row[number]) => {
    const text = value === null ? "" : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return Buffer.from(`${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`);
}

/** A report sent for review instead of being published: one per region and period. */
export type SubmittedReport = { id: number; dataset: string; year: number; quarter: number | null; version: number };

/** What POST /api/uploads answers that the tests read. */
export type UploadAnswer = {
  status: number;
  body: {
    ok?: boolean;
    batchId?: number | null;
    submissions?: SubmittedReport[];
    message?: string;
    errors?: { message: string }[];
  };
};

/** Sends rows (header first) as a CSV file, checked only unless `commit`. */
export async function upload(
  api: APIRequestContext,
  dataset: "promotions" | "arena" | "projects" | "adjustments" | "indicators",
  rows: Row[],
  { commit = false, fileName = `${dataset}-${uniqueTag()}.csv` } = {},
): Promise<UploadAnswer> {
  const response = await api.post("/api/uploads", {
    multipart: {
      dataset,
      ...(commit ? {} : { dryRun: "true" }),
      file: { name: fileName, mimeType: "text/csv", buffer: csv(rows) },
    },
  });
  return { status: response.status(), body: await response.json() };
}

/**
 * The region that reviews a region's reports, by its code (GB/T 2260): the league above a banner
 * or functional zone (150825 → 150800), the autonomous region above a league (150800 → 150000).
 */
export function reviewingRegion(code: string): string {
  return code.endsWith("00") ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`;
}

/** A clerk of each reviewing region, made once per server and worker (see test-users newUsers). */
const reviewers = new Map<string, Promise<APIRequestContext>>();

/** Signed in as a clerk of `regionCode`, who reviews the reports of the regions right below it. */
export async function reviewerFor(regionCode: string): Promise<APIRequestContext> {
  const baseURL = test.info().project.use.baseURL;
  const key = `${baseURL ?? ""} ${regionCode}`;
  let reviewer = reviewers.get(key);
  if (!reviewer) {
    reviewer = newUser(baseURL, { prefix: `e2e-review-${regionCode}`, role: "clerk", regionCode }).then((user) =>
      apiAs(baseURL, user),
    );
    reviewers.set(key, reviewer);
    reviewer.catch(() => reviewers.delete(key));
  }
  return reviewer;
}

/**
 * Approves a report as `reviewer` the way the review page does: reads it (what approving it
 * changes, and the fingerprint of that), then approves exactly that. The batch it published.
 */
export async function approveSubmission(reviewer: APIRequestContext, id: number): Promise<number> {
  const opened = await reviewer.get(`/api/submissions/${id}`);
  const detail = await opened.json();
  expect(opened.status(), `submission ${id}: ${JSON.stringify(detail).slice(0, 300)}`).toBe(200);
  expect(detail.submission.status, `submission ${id} waits for review`).toBe("pending");
  const approved = await reviewer.post(`/api/submissions/${id}/approve`, {
    data: { fingerprint: detail.changes.fingerprint },
  });
  const answer = await approved.json();
  expect(approved.status(), `approve ${id}: ${JSON.stringify(answer).slice(0, 300)}`).toBe(200);
  expect(answer.batchId, `the batch approving ${id} published`).toEqual(expect.any(Number));
  return answer.batchId as number;
}

/**
 * Publishes what a committed upload of `uploader` wrote: its batch if the uploader publishes
 * directly (an administrator, a clerk of 150000), else each report it sent, approved by a clerk of
 * the region above the reporting one. The batch ids, one per report.
 */
export async function publish(uploader: APIRequestContext, answer: UploadAnswer): Promise<number[]> {
  if (typeof answer.body.batchId === "number") return [answer.body.batchId];
  const submitted = answer.body.submissions ?? [];
  expect(
    submitted.length,
    `a batch or reports for review: ${JSON.stringify(answer.body).slice(0, 300)}`,
  ).toBeGreaterThan(0);
  const batches: number[] = [];
  for (const { id } of submitted) {
    // The uploader reads its own report, which names the reporting region.
    const own = await uploader.get(`/api/submissions/${id}`);
    expect(own.status(), `the uploader reads submission ${id}`).toBe(200);
    const { regionCode } = (await own.json()).submission as { regionCode: string };
    batches.push(await approveSubmission(await reviewerFor(reviewingRegion(regionCode)), id));
  }
  return batches;
}

/** Commits rows (of one period) the import must accept, published through review if need be; the batch id. */
export async function commitRows(api: APIRequestContext, dataset: Parameters<typeof upload>[1], rows: Row[]) {
  const answer = await upload(api, dataset, rows, { commit: true });
  expect(answer.status, `${dataset} upload: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(200);
  const batches = await publish(api, answer);
  expect(batches, "one published batch").toHaveLength(1);
  return batches[0];
}

export type TestProject = {
  region: string;
  code: string;
  name: string;
  leadCadre: string;
  cadreUnit: string;
  /** YYYY-MM-DD; the project belongs to this day's year and quarter. */
  takenOn: string;
  stage?: string;
};

/** One 揭榜挂帅 project, committed as `api` (a clerk of its region, or an admin) and published. */
export async function uploadProject(api: APIRequestContext, project: TestProject): Promise<number> {
  return commitRows(api, "projects", [
    ["地区", "项目编号", "项目名称", "揭榜干部", "干部单位", "揭榜日期", "阶段"],
    [
      project.region,
      project.code,
      project.name,
      project.leadCadre,
      project.cadreUnit,
      project.takenOn,
      project.stage ?? "已揭榜",
    ],
  ]);
}

export type TestArenaEntry = {
  region: string;
  year: number;
  level: string;
  organisation: string;
  secretary: string;
  score: number;
};

/** One 擂台比武 entry, committed as `api` (a clerk of its region, or an admin) and published. */
export async function uploadArenaEntry(api: APIRequestContext, entry: TestArenaEntry): Promise<number> {
  return commitRows(api, "arena", [
    ["地区", "年度", "层级", "参赛单位", "书记", "得分"],
    [entry.region, entry.year, entry.level, entry.organisation, entry.secretary, entry.score],
  ]);
}
