/**
 * Realistic 擂台比武 (arena) rows for the import benchmark, written as they stream out: a CSV as
 * Excel saves it (UTF-8 with BOM, CRLF), an XLSX (inline strings, deflated entry by entry with
 * fflate's streaming Zip), and beside each a headerless CSV with region codes for Postgres COPY.
 * Nothing is built whole in memory: rows go out in ~64 KB chunks and wait for the disk to drain.
 */
import { once } from "node:events";
import fs from "node:fs";
import { Zip, ZipDeflate } from "fflate";
import { readReference } from "../../db/reference/read";
import { arenaLevels } from "../../lib/contract";

/** The contract's template header for arena (docs/data-contract.md §4). */
export const ARENA_HEADER = ["地区", "年度", "层级", "参赛单位", "书记", "得分", "名次", "等次"] as const;
/** The columns COPY fills, in the order of the COPY file. */
export const COPY_COLUMNS = "region_code, year, level, organisation, secretary, score, rank, award";

const YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i);

type ArenaRow = {
  regionName: string;
  regionCode: string;
  year: number;
  level: string;
  organisation: string;
  secretary: string;
  score: number;
  rank: number;
  award: string;
};

/** A small seeded generator, so that every run writes the same files. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SURNAMES =
  "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志海峰宇文亮成林波斌";
const MONGOLIAN = [
  "巴特尔",
  "乌云其木格",
  "额尔敦",
  "苏日娜",
  "其其格",
  "宝音",
  "图雅",
  "孟和",
  "斯琴",
  "那仁",
  "朝鲁",
  "萨仁高娃",
  "阿拉坦仓",
  "布和",
  "乌日娜",
  "敖日格乐",
];
const DEPARTMENTS = [
  "党委办公室",
  "组织部",
  "宣传部",
  "统战部",
  "政法委",
  "发展和改革委员会",
  "农牧局",
  "林业和草原局",
  "水利局",
  "教育局",
  "卫生健康委员会",
  "自然资源局",
  "生态环境局",
  "住房和城乡建设局",
  "交通运输局",
  "商务局",
  "文化旅游体育局",
  "医疗保障局",
  "市场监督管理局",
  "应急管理局",
];
const CITY_DEPARTMENTS = [
  "市委办公室",
  "市委组织部",
  "市委宣传部",
  "市发展和改革委员会",
  "市农牧局",
  "市财政局",
  "市人力资源和社会保障局",
  "市工业和信息化局",
  "市民政局",
  "市司法局",
  "市能源局",
  "市投资促进中心",
  "市大数据中心",
  "市政务服务中心",
];

/** Per banner, the names an organisation of each level can have (deduplicated). */
function organisationNames() {
  const banners = readReference("regions").filter((r) => r.level === "county");
  const townships = readReference("townships");
  const villages = readReference("villages");
  const add = (map: Map<string, Set<string>>, code: string, name: string) => {
    const set = map.get(code) ?? new Set<string>();
    set.add(name);
    map.set(code, set);
  };
  const towns = new Map<string, Set<string>>();
  const streets = new Map<string, Set<string>>();
  const communities = new Map<string, Set<string>>();
  const gacha = new Map<string, Set<string>>();
  for (const t of townships) add(t.kind_zh.startsWith("街道") ? streets : towns, t.code.slice(0, 6), t.name_zh);
  for (const v of villages) {
    const banner = v.code.slice(0, 6);
    const name = v.name_zh
      .replace(/(居民委员会|居委会)$/, "")
      .replace(/(村民委员会|村委会|村委)$/, "村")
      .replace(/委员会$/, "");
    add(v.kind_zh.startsWith("社区") ? communities : gacha, banner, name);
  }
  const list = (map: Map<string, Set<string>>, code: string, fallback: string[]) => {
    const names = [...(map.get(code) ?? [])];
    return names.length ? names : fallback;
  };
  return banners.map((b) => {
    const short = b.name_zh;
    const byLevel: Record<string, string[]> = {
      旗县区: DEPARTMENTS.map((d) => `${short}${d}`),
      市直部门: CITY_DEPARTMENTS,
      苏木乡镇: list(towns, b.code, [`${short}城关镇`]),
      街道: list(
        streets,
        b.code,
        list(towns, b.code, [`${short}城区街道`]).map((n) => `${n}街道`),
      ),
      社区: list(communities, b.code, [`${short}团结社区`, `${short}新华社区`]),
      嘎查村: list(
        gacha,
        b.code,
        list(communities, b.code, [`${short}新村`]).map((n) => n.replace(/社区$/, "村")),
      ),
    };
    return { code: b.code, name: b.name_zh, byLevel };
  });
}

/** Which rows a file holds: every banner and year (a league's or the region's file), or one banner-year. */
export type Scope = "all" | "banner-year";

/**
 * `count` rows whose natural key (region, year, level, organisation) is unique: row i belongs to
 * the i-th (banner, year, level) group in turn, and within a group the k-th entry's organisation
 * is the k-th name of the banner's list (with （2）, （3）… once the list is used up).
 */
export function* arenaRows(count: number, seed = 1, scope: Scope = "all"): Generator<ArenaRow> {
  const banners = scope === "all" ? organisationNames() : organisationNames().slice(0, 1);
  const years = scope === "all" ? YEARS : YEARS.slice(-1);
  const groups = banners.length * years.length * arenaLevels.length;
  const perGroup = Math.ceil(count / groups);
  const next = random(seed);
  const person = () =>
    next() < 0.2
      ? MONGOLIAN[Math.floor(next() * MONGOLIAN.length)]
      : SURNAMES[Math.floor(next() * SURNAMES.length)] +
        GIVEN[Math.floor(next() * GIVEN.length)] +
        (next() < 0.6 ? GIVEN[Math.floor(next() * GIVEN.length)] : "");
  for (let i = 0; i < count; i++) {
    const group = i % groups;
    const k = Math.floor(i / groups);
    const banner = banners[group % banners.length];
    const year = years[Math.floor(group / banners.length) % years.length];
    const level = arenaLevels[Math.floor(group / (banners.length * years.length))];
    const names = banner.byLevel[level];
    const round = Math.floor(k / names.length);
    const organisation = `${names[k % names.length]}${round > 0 ? `（${round + 1}）` : ""}`;
    // Better ranks score higher; one decimal, 60–100.
    const score = Math.round(Math.min(100, Math.max(60, 100 - (40 * k) / perGroup - next() * 2)) * 10) / 10;
    const rank = k + 1;
    const award = rank === 1 ? "一等奖" : rank <= 3 ? "二等奖" : rank <= 6 ? "三等奖" : next() < 0.5 ? "优秀奖" : "";
    yield {
      regionName: banner.name,
      regionCode: banner.code,
      year,
      level,
      organisation,
      secretary: next() < 0.03 ? "" : person(),
      score,
      rank,
      award,
    };
  }
}

/** Buffers text and writes it in chunks, waiting for the stream to drain when it asks to. */
class ChunkWriter {
  private parts: string[] = [];
  private length = 0;
  constructor(
    private readonly sink: (chunk: string) => boolean,
    private readonly drained: () => Promise<unknown>,
    private readonly chunkSize = 64 * 1024,
  ) {}

  async write(text: string) {
    this.parts.push(text);
    this.length += text.length;
    if (this.length >= this.chunkSize) await this.flush();
  }

  async flush() {
    if (this.length === 0) return;
    const chunk = this.parts.join("");
    this.parts = [];
    this.length = 0;
    if (!this.sink(chunk)) await this.drained();
  }
}

function fileWriter(filePath: string) {
  const stream = fs.createWriteStream(filePath);
  const writer = new ChunkWriter(
    (chunk) => stream.write(chunk),
    () => once(stream, "drain"),
  );
  return {
    writer,
    async close() {
      await writer.flush();
      stream.end();
      await once(stream, "finish");
    },
  };
}

const csvCell = (value: string | number) => {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const copyLine = (r: ArenaRow) =>
  `${[r.regionCode, r.year, r.level, r.organisation, r.secretary, r.score, r.rank, r.award].map(csvCell).join(",")}\n`;

export type Generated = { file: string; copyFile: string; rows: number; bytes: number };

/** The CSV to import and, beside it, the same rows for COPY (codes, no header). */
export async function writeArenaCsv(
  file: string,
  copyFile: string,
  rows: number,
  seed: number,
  scope: Scope = "all",
): Promise<Generated> {
  const out = fileWriter(file);
  const copy = fileWriter(copyFile);
  await out.writer.write(`\ufeff${ARENA_HEADER.join(",")}\r\n`);
  for (const r of arenaRows(rows, seed, scope)) {
    await out.writer.write(
      `${[r.regionName, r.year, r.level, r.organisation, r.secretary, r.score, r.rank, r.award].map(csvCell).join(",")}\r\n`,
    );
    await copy.writer.write(copyLine(r));
  }
  await Promise.all([out.close(), copy.close()]);
  return { file, copyFile, rows, bytes: fs.statSync(file).size };
}

const escapeXml = (s: string) =>
  s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c] as string);

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
const COLUMN_NAMES = ARENA_HEADER.map((_, i) => columnName(i));

function xlsxRow(r: number, cells: (string | number)[], style = ""): string {
  let xml = `<row r="${r}">`;
  cells.forEach((cell, c) => {
    const ref = `${COLUMN_NAMES[c]}${r}`;
    if (cell === "") return;
    xml +=
      typeof cell === "number"
        ? `<c r="${ref}"${style}><v>${cell}</v></c>`
        : `<c r="${ref}" t="inlineStr"${style}><is><t>${escapeXml(cell)}</t></is></c>`;
  });
  return `${xml}</row>`;
}

const XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`;
const XLSX_PARTS: Record<string, string> = {
  "[Content_Types].xml": `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  "_rels/.rels": `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  "xl/workbook.xml": `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="擂台比武" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  "xl/_rels/workbook.xml.rels": `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  "xl/styles.xml": `${XML}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`,
};

/**
 * The XLSX to import (one sheet 擂台比武, inline strings, numbers as numbers) and its COPY twin.
 * The sheet's XML is pushed into a ZipDeflate a chunk at a time; compressed bytes go straight to
 * the file, and generation pauses while the file stream drains.
 */
export async function writeArenaXlsx(file: string, copyFile: string, rows: number, seed: number): Promise<Generated> {
  const stream = fs.createWriteStream(file);
  let failure: Error | null = null;
  let needDrain = false;
  const zip = new Zip((error, data, final) => {
    if (error) failure = error;
    else if (!stream.write(data)) needDrain = true;
    if (final) stream.end();
  });
  const encoder = new TextEncoder();
  for (const [name, content] of Object.entries(XLSX_PARTS)) {
    const part = new ZipDeflate(name, { level: 6 });
    zip.add(part);
    part.push(encoder.encode(content), true);
  }
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
  zip.add(sheet);
  const sheetWriter = new ChunkWriter(
    (chunk) => {
      sheet.push(encoder.encode(chunk));
      if (failure) throw failure;
      return !needDrain;
    },
    async () => {
      await once(stream, "drain");
      needDrain = false;
    },
  );
  const copy = fileWriter(copyFile);
  const widths = ARENA_HEADER.map((_, c) => `<col min="${c + 1}" max="${c + 1}" width="18" customWidth="1"/>`).join("");
  await sheetWriter.write(
    `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols>${widths}</cols><sheetData>`,
  );
  await sheetWriter.write(xlsxRow(1, [...ARENA_HEADER], ' s="1"'));
  let r = 1;
  for (const row of arenaRows(rows, seed)) {
    r++;
    await sheetWriter.write(
      xlsxRow(r, [
        row.regionName,
        row.year,
        row.level,
        row.organisation,
        row.secretary,
        row.score,
        row.rank,
        row.award,
      ]),
    );
    await copy.writer.write(copyLine(row));
  }
  await sheetWriter.write("</sheetData></worksheet>");
  await sheetWriter.flush();
  sheet.push(new Uint8Array(0), true);
  zip.end();
  if (!stream.writableFinished) await once(stream, "finish");
  if (failure) throw failure;
  await copy.close();
  return { file, copyFile, rows, bytes: fs.statSync(file).size };
}
