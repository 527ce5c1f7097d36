import { strFromU8, unzipSync } from "fflate";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { getRanking } from "@/db/queries/rankings";
import { getReport } from "@/db/queries/report";
import { loadMessages } from "@/i18n/messages";
import { reportSections } from "@/lib/api/reports";
import { reportToDocx } from "@/lib/report/docx";
import { buildReport, type Translate } from "@/lib/report/text";
import { testDatabase } from "../helpers/db";

const staff = { role: "viewer" as const, regionCode: "150000" };
let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase();
  await prepareDatabase(database, { demo: true });
});

afterAll(async () => {
  await database?.close();
});

async function report(locale: "zh-CN" | "en", region: string, year: number) {
  const data = await getReport(database.db, staff, { region, period: { kind: "year", year } });
  if (!data) throw new Error("no report");
  const t = createTranslator({ locale, messages: await loadMessages(locale) }) as unknown as Translate;
  return { data, doc: buildReport(data, reportSections, { t, locale }) };
}

describe("the 通报 of Bayannur 2023", () => {
  it("states the source figures exactly", async () => {
    const { doc } = await report("zh-CN", "150800", 2023);
    const text = doc.blocks.flatMap((b) => b.paragraphs).join("\n");
    expect(text).toContain("2023年，巴彦淖尔市一线领域提拔使用干部90名，占提拔使用总数的78.3%");
    expect(text).toContain(
      "全市各级党组织书记擂台比武参赛单位969个，其中嘎查村652个、社区140个、市直部门77个、苏木乡镇74个、街道17个、旗县区9个",
    );
    expect(text).toContain("全市96名干部揭榜挂帅，揭榜项目104个");
    // The cycle: the same 96 cadres filed the applications that became the 104 projects.
    const projects = doc.blocks.find((b) => b.section === "projects")?.paragraphs.join("\n") ?? "";
    expect(projects).toMatch(/设榜\d+个、已揭榜\d+个，96名干部提交揭榜申报，形成项目104个。/);
    expect(projects).toMatch(/跟榜服务中企业提出问题\d+个，已解决\d+个、待解决\d+个，解决用时中位数[\d.]+天。/);
    expect(projects).toMatch(/评榜104个项目，其中优秀\d+个，评榜结果运用于干部选用\d+人次。/);
    expect(doc.title).toBe("巴彦淖尔市2023年干部担当作为工作情况通报");
  });

  it("states 牙克石市's 7 contact points of routine assessment, and each of the evaluation and development figures", async () => {
    const { doc, data } = await report("zh-CN", "150782", 2023);
    const block = doc.blocks.find((b) => b.section === "cadres");
    expect(block?.heading).toBe("干部评价与培养");
    const text = block?.paragraphs.join("\n") ?? "";
    expect(text).toContain("公务员平时考核联系点7个");
    const { evaluations, jobFit } = data.overview.cadres;
    expect(text).toContain(`2023年，牙克石市开展“五看一测”评价${evaluations.evaluated}人次`);
    expect(text).toContain(`领导干部适岗指数评价${jobFit.assessed}人，评为不适岗${jobFit.unfit}人`);
  });

  it("reads in English in the English UI", async () => {
    const { doc } = await report("en", "150800", 2023);
    const text = doc.blocks.flatMap((b) => b.paragraphs).join("\n");
    expect(text).toContain("promoted 90 cadres in frontline fields, 78.3% of all promotions");
  });
});

describe("ranks, incomplete periods and outstanding reports", () => {
  it("states Bayannur's rank among the leagues as the ranking table has it", async () => {
    const { doc } = await report("zh-CN", "150800", 2023);
    const ranking = await getRanking(database.db, staff, {
      region: "150000",
      period: { kind: "year", year: 2023 },
      metric: "frontline",
    });
    const rank = ranking?.rows.find((r) => r.code === "150800")?.rank;
    expect(rank).toBeGreaterThan(0);
    const text = doc.blocks.flatMap((b) => b.paragraphs).join("\n");
    expect(text).toContain(`占提拔使用总数的78.3%，居全区第${rank}位`);
    // The rankings section ranks Bayannur's banners, with the ranking's own figures.
    const own = await getRanking(database.db, staff, {
      region: "150800",
      period: { kind: "year", year: 2023 },
      metric: "frontline",
    });
    const table = doc.blocks.find((b) => b.section === "rankings")?.tables[0];
    const first = own?.rows.find((r) => r.rank === 1);
    expect(table?.rows.find((row) => row[0] === first?.nameZh)?.slice(1, 3)).toEqual([first?.value, 1]);
  });

  it("marks a year that is not fully reported, compares it like for like, and names who is missing", async () => {
    const { data, doc } = await report("zh-CN", "150800", 2024);
    const text = doc.blocks.flatMap((b) => b.paragraphs).join("\n");
    const { total, likeForLike } = data.overview.completeness.promotions;
    expect(total.reported).toBeLessThan(total.expected);
    expect(text).toContain(`提拔使用已报${total.reported}份、应报${total.expected}份`);
    expect(likeForLike).toBe(true);
    expect(text).toMatch(/与2023年相比，一线领域提拔使用干部(增加|减少)\d+名（同口径）|持平（同口径）/);
    const missing = data.outstanding ?? [];
    expect(missing.length).toBeGreaterThan(0);
    expect(text).toContain(`尚有${missing.length}份未报送`);
    const listed = doc.blocks.find((b) => b.section === "outstanding")?.tables[0]?.rows ?? [];
    expect(listed).toHaveLength(missing.length);
  });

  it("does not list another league's outstanding reports to an official", async () => {
    const official = { role: "viewer" as const, regionCode: "150600" };
    const data = await getReport(database.db, official, { region: "150800", period: { kind: "year", year: 2024 } });
    expect(data?.outstanding).toBeNull();
  });
});

describe("the Word file", () => {
  it("holds the title, the text, the tables as Word tables, the running header and page numbers", async () => {
    const { doc } = await report("zh-CN", "150800", 2023);
    const files = unzipSync(new Uint8Array(await reportToDocx(doc, { locale: "zh-CN" })));
    const xml = strFromU8(files["word/document.xml"]);
    const plain = xml.replace(/<[^>]+>/g, "");
    expect(plain).toContain("巴彦淖尔市2023年干部担当作为工作情况通报");
    expect(plain).toContain("一线领域提拔使用干部90名，占提拔使用总数的78.3%");
    expect(plain).toContain("数据截至");
    expect(plain).toContain("演示数据");
    // The comparison table: a Word table whose rows name the banners with their figures.
    expect(xml).toContain("<w:tbl>");
    expect(plain).toContain("乌拉特后旗");
    const header = Object.keys(files).find((f) => /^word\/header\d*\.xml$/.test(f));
    expect(strFromU8(files[header ?? ""]).replace(/<[^>]+>/g, "")).toContain("巴彦淖尔市 · 2023年 · 演示数据");
    const footer = Object.keys(files).find((f) => /^word\/footer\d*\.xml$/.test(f));
    expect(strFromU8(files[footer ?? ""])).toMatch(/PAGE[\s\S]*NUMPAGES/);
  });
});
