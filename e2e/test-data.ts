import { type APIRequestContext, expect } from "@playwright/test";

/**
 * Records a test relies on, made for that test through the app's own upload door
 * (POST /api/uploads) as a user allowed to write them, so that no test assumes the demo data
 * holds a particular project, entry or batch. Codes and names carry a tag unique to the call.
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

/** What POST /api/uploads answers that the tests read. */
export type UploadAnswer = {
  status: number;
  body: { ok?: boolean; batchId?: number | null; message?: string; errors?: { message: string }[] };
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

/** Commits rows the import must accept; the batch id. */
export async function commitRows(api: APIRequestContext, dataset: Parameters<typeof upload>[1], rows: Row[]) {
  const answer = await upload(api, dataset, rows, { commit: true });
  expect(answer.status, `${dataset} upload: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(200);
  expect(answer.body.batchId, "a committed batch").toEqual(expect.any(Number));
  return answer.body.batchId as number;
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

/** One 揭榜挂帅 project, committed as `api` (a clerk of its region, or an admin). */
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

/** One 擂台比武 entry, committed as `api` (a clerk of its region, or an admin). */
export async function uploadArenaEntry(api: APIRequestContext, entry: TestArenaEntry): Promise<number> {
  return commitRows(api, "arena", [
    ["地区", "年度", "层级", "参赛单位", "书记", "得分"],
    [entry.region, entry.year, entry.level, entry.organisation, entry.secretary, entry.score],
  ]);
}
