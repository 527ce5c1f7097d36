import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { operator } from "@/lib/auth/operator";
import type { Viewer } from "@/lib/auth/permissions";
import { defaultDueOn } from "@/lib/calendar";
import { DATASETS } from "@/lib/datasets";
import { loadsDemoAutomatically, readEnv } from "@/server/env";
import type { Db } from "../connect";
import { writeAudit } from "../mutations/audit";
import { createStage, lockDataset, type NewBatch, staged, stageRows, writeRows } from "../mutations/datasets";
import { returnSubmission, submitStaged } from "../mutations/submissions";
import { createUser } from "../mutations/users";
import { periodsOfYear } from "../queries/periods";
import { readReference } from "../reference/read";
import {
  type AdjustmentType,
  type ArenaLevel,
  adjustmentTypes,
  type Dataset,
  datasets,
  type NewAdjustment,
  type NewArenaEntry,
  type NewIndicator,
  type NewOrganisation,
  type NewProject,
  type NewPromotion,
  type NewRegion,
  type ProjectStage,
  projectStages,
  promotions,
  reportingPeriods,
  uploadBatches,
  users,
} from "../schema";
import { generateCadreDemo } from "./demo-cadres";
import { generateCareDemo } from "./demo-care";
import { generateCycleDemo } from "./demo-cycle";
import { generateOrganisationDemo } from "./demo-orgs";
import { NameGenerator, Random } from "./random";
import { referenceRegions } from "./reference";

/**
 * Synthetic demo data (演示数据) for every league and banner, 2021–2024, deterministic.
 * Only the source figures of docs/data-contract.md §2 are real; they are pinned below and the rest is
 * generated around them, so that Bayannur 2023, summed over the city and its banners,
 * reproduces them exactly.
 */
export const DEMO_YEARS = [2021, 2022, 2023, 2024] as const;
export const DEMO_FILE_NAME = "演示数据（合成）";
const SEED = 20231115;
/** Stage dates are generated up to this day, as if the demo were taken then. */
const DEMO_AS_OF = "2024-12-31";

export const SOURCE = {
  bayannur: "150800",
  uradRear: "150825",
  saihan: "150105",
  chayouqian: "150926",
  year: 2023,
  promotionsFrontline: 90,
  promotionsTotal: 115,
  arenaByLevel: { 旗县区: 9, 市直部门: 77, 苏木乡镇: 74, 街道: 17, 社区: 140, 嘎查村: 652 } as Record<
    ArenaLevel,
    number
  >,
  projects: 104,
  projectCadres: 96,
  /** "over 1,400 万元" in the source; the demo holds this much. */
  fundsInPlace: 1428,
  saihanMovedDownSince2022: 6,
  kechiCode: "JB-150825-2023-001",
  kechiName: "内蒙古科驰生物科技有限公司新型农药中间体项目",
} as const;

export type DemoProject = NewProject & { events: { stage: ProjectStage; reachedOn: string }[] };
export type DemoData = {
  promotions: NewPromotion[];
  arena: NewArenaEntry[];
  projects: DemoProject[];
  adjustments: NewAdjustment[];
  indicators: NewIndicator[];
  organisations: NewOrganisation[];
} & ReturnType<typeof generateCadreDemo> &
  ReturnType<typeof generateCareDemo> &
  ReturnType<typeof generateCycleDemo>;

type Place = { code: string; name: string; prefecture: string };

export function generateDemo(): DemoData {
  const random = new Random(SEED);
  const names = new NameGenerator(random);
  const regionList = referenceRegions();
  const prefectures = regionList.filter((r) => r.level === "prefecture");
  const counties = regionList.filter((r) => r.level === "county");
  const reporters: Place[] = [...prefectures, ...counties].map((r) => ({
    code: r.code,
    name: r.nameZh,
    prefecture: r.level === "prefecture" ? r.code : (r.parentCode as string),
  }));
  const demo = {
    promotions: generatePromotions(random, reporters),
    arena: generateArena(random, names, regionList),
    projects: generateProjects(random, names, reporters),
    adjustments: generateAdjustments(random, reporters),
    indicators: generateIndicators(random, reporters),
    ...generateCadreDemo(reporters, DEMO_YEARS),
    ...generateCareDemo(reporters, DEMO_YEARS),
    organisations: generateOrganisationDemo(regionList),
  };
  return { ...demo, ...generateCycleDemo(demo.projects, reporters, DEMO_YEARS) };
}

const inBayannur = (p: Place) => p.prefecture === SOURCE.bayannur;

/** 2024's fourth quarter is still coming in: some regions have not reported it yet. */
function reported(random: Random, year: number, quarter: number): boolean {
  return !(year === 2024 && quarter === 4 && random.chance(0.25));
}

function generatePromotions(random: Random, reporters: Place[]): NewPromotion[] {
  const rows: NewPromotion[] = [];
  const frontlineFields = ["乡村振兴", "招商引资", "基层治理", "防沙治沙", "其他一线"] as const;
  const bayannur = reporters.filter(inBayannur);
  const pinnedFrontline = random.split(
    SOURCE.promotionsFrontline,
    bayannur.map((p) => (p.code === SOURCE.bayannur ? 2 : 1)),
  );
  const pinnedOther = random.split(
    SOURCE.promotionsTotal - SOURCE.promotionsFrontline,
    bayannur.map(() => 1),
  );
  for (const place of reporters) {
    const desert = ["150800", "150600", "152900", "150300"].includes(place.prefecture) ? 3 : 1;
    const fieldWeights = [35, 25, 22, 4 * desert, 10];
    for (const year of DEMO_YEARS) {
      let frontline: number;
      let other: number;
      const pinned = bayannur.findIndex((p) => p.code === place.code);
      if (year === SOURCE.year && pinned >= 0) {
        frontline = pinnedFrontline[pinned];
        other = pinnedOther[pinned];
      } else {
        const total = place.code === place.prefecture ? random.int(14, 30) : random.int(8, 24);
        frontline = Math.round(total * (0.6 + random.next() * 0.25));
        other = total - frontline;
      }
      const quarters = random.split(frontline, [1, 1, 1, 1]);
      const otherByQuarter = random.split(other, [1, 1, 1, 1]);
      for (let q = 1; q <= 4; q++) {
        // Pinned figures are complete: only synthetic quarters may be missing.
        if (!(year === SOURCE.year && pinned >= 0) && !reported(random, year, q)) continue;
        const byField = random.split(quarters[q - 1], fieldWeights);
        frontlineFields.forEach((field, i) => {
          rows.push({ regionCode: place.code, year, quarter: q, field, count: byField[i] });
        });
        rows.push({ regionCode: place.code, year, quarter: q, field: "非一线", count: otherByQuarter[q - 1] });
      }
    }
  }
  return rows;
}

const CITY_DEPARTMENTS = [
  "市委办公室",
  "市政府办公室",
  "市纪委监委机关",
  "市委组织部",
  "市委宣传部",
  "市委统战部",
  "市委政法委",
  "市委政策研究室",
  "市委网信办",
  "市委编办",
  "市委党校",
  "市直机关工委",
  "市委巡察办",
  "市档案馆",
  "市发展和改革委员会",
  "市教育局",
  "市科学技术局",
  "市工业和信息化局",
  "市民族事务委员会",
  "市公安局",
  "市民政局",
  "市司法局",
  "市财政局",
  "市人力资源和社会保障局",
  "市自然资源局",
  "市生态环境局",
  "市住房和城乡建设局",
  "市交通运输局",
  "市水利局",
  "市农牧局",
  "市商务局",
  "市文化旅游体育局",
  "市卫生健康委员会",
  "市退役军人事务局",
  "市应急管理局",
  "市审计局",
  "市国有资产监督管理委员会",
  "市市场监督管理局",
  "市统计局",
  "市林业和草原局",
  "市医疗保障局",
  "市能源局",
  "市乡村振兴局",
  "市政务服务与数据管理局",
  "市城市管理综合执法局",
  "市信访局",
  "市机关事务服务中心",
  "市投资促进中心",
  "市总工会",
  "团市委",
  "市妇联",
  "市科协",
  "市工商联",
  "市残联",
  "市红十字会",
  "市文联",
  "市社科联",
  "市中级人民法院",
  "市人民检察院",
  "市税务局",
  "市气象局",
  "市消防救援支队",
  "市融媒体中心",
  "市疾病预防控制中心",
  "市中心医院",
  "市第二人民医院",
  "市蒙医医院",
  "市妇幼保健院",
  "市第一中学",
  "市第二中学",
  "市职业技术学院",
  "市公共资源交易中心",
  "市住房公积金中心",
  "市不动产登记中心",
  "市供销合作社",
  "市地方志办公室",
  "市人民政府驻呼和浩特联络处",
  "市河套灌区水利发展中心",
  "市城市投资集团",
  "市交通投资集团",
  "市农业科学研究所",
  "市图书馆",
  "市博物馆",
  "市广播电视台",
];

function generateArena(random: Random, names: NameGenerator, regionList: NewRegion[]): NewArenaEntry[] {
  const rows: NewArenaEntry[] = [];
  const byParent = new Map<string, NewRegion[]>();
  for (const r of regionList) {
    if (!r.parentCode) continue;
    byParent.set(r.parentCode, [...(byParent.get(r.parentCode) ?? []), r]);
  }
  const villages = readReference("villages");
  const villagesByTownship = new Map<string, typeof villages>();
  for (const v of villages)
    villagesByTownship.set(v.parent_code, [...(villagesByTownship.get(v.parent_code) ?? []), v]);

  const prefectures = regionList.filter((r) => r.level === "prefecture");
  for (const prefecture of prefectures) {
    const children = byParent.get(prefecture.code) ?? [];
    const counties = children.filter((r) => r.level === "county");
    const zones = children.filter((r) => r.level === "functional_zone");
    // Candidate organisations per level, each with the region that reports it.
    const candidates: Record<ArenaLevel, Candidate[]> = {
      旗县区: [
        ...counties.map((c) => ({ region: c.code, organisation: c.nameZh })),
        ...zones.map((z) => ({ region: z.code, organisation: z.nameZh })),
        ...(prefecture.code === SOURCE.bayannur
          ? [
              { region: SOURCE.bayannur, organisation: "巴彦淖尔经济技术开发区" },
              { region: SOURCE.bayannur, organisation: "甘其毛都口岸管理委员会" },
            ]
          : []),
      ],
      市直部门: CITY_DEPARTMENTS.map((d) => ({ region: prefecture.code, organisation: d })),
      苏木乡镇: [],
      街道: [],
      社区: [],
      嘎查村: [],
    };
    const farms: Candidate[] = [];
    for (const county of counties) {
      const townships = byParent.get(county.code) ?? [];
      for (const t of townships) {
        // The banner's townships and villages enter under their own names, so the demo carries their codes
        // as an upload with 苏木乡镇 and 嘎查村/社区 (or one recognised from 参赛单位) would.
        const entry = { region: county.code, organisation: t.nameZh, townshipCode: t.code };
        if (["镇", "乡", "苏木", "民族乡", "民族苏木"].includes(t.kindZh)) candidates.苏木乡镇.push(entry);
        else if (t.kindZh.includes("农牧林渔场")) farms.push(entry);
        else if (t.kindZh.startsWith("街道")) candidates.街道.push(entry);
        const seen = new Set<string>();
        for (const v of villagesByTownship.get(t.code as string) ?? []) {
          // Village names repeat across townships; the township makes them unique in the county.
          const organisation = seen.has(v.name_zh) ? `${t.nameZh}${v.name_zh}` : v.name_zh;
          seen.add(v.name_zh);
          const place = { region: county.code, organisation, townshipCode: t.code, villageCode: v.code };
          if (v.kind_zh === "社区/居委会") candidates.社区.push(place);
          else if (v.kind_zh === "村" || v.kind_zh === "嘎查") candidates.嘎查村.push(place);
        }
      }
      if (county.kindZh !== "区" && !townships.some((t) => t.kindZh.startsWith("街道"))) {
        candidates.街道.push({ region: county.code, organisation: `${county.nameZh}中心城区` });
      }
    }
    candidates.苏木乡镇.push(...farms);
    for (const list of Object.values(candidates)) dedupe(list);

    for (const year of DEMO_YEARS) {
      const pinned = prefecture.code === SOURCE.bayannur && year === SOURCE.year;
      for (const level of Object.keys(candidates) as ArenaLevel[]) {
        const pool = candidates[level];
        let count: number;
        if (pinned) count = SOURCE.arenaByLevel[level];
        else if (level === "旗县区") count = pool.length;
        else if (level === "市直部门") count = random.int(40, 80);
        else count = Math.round(pool.length * (0.55 + random.next() * 0.4));
        if (pinned && level === "苏木乡镇") {
          // 59 sumu/townships and 15 farms, as the source reports.
          const townships = pool.filter((p) => !farms.some((f) => f.organisation === p.organisation));
          pool.splice(0, pool.length, ...townships, ...random.sample(farms, count - townships.length));
        }
        const chosen = random.sample(pool, Math.min(count, pool.length));
        if (chosen.length !== count && pinned) throw new Error(`Demo: not enough ${level} organisations`);
        const scored = chosen.map((c) => ({
          ...c,
          secretary: names.next(),
          score: Math.round((62 + random.next() * 37) * 10) / 10,
        }));
        scored.sort((a, b) => b.score - a.score);
        scored.forEach((entry, i) => {
          const share = (i + 1) / scored.length;
          rows.push({
            regionCode: entry.region,
            year,
            level,
            organisation: entry.organisation,
            secretary: entry.secretary,
            score: entry.score,
            rank: i + 1,
            award: share <= 0.1 ? "一等奖" : share <= 0.3 ? "二等奖" : share <= 0.6 ? "三等奖" : null,
            townshipCode: entry.townshipCode ?? null,
            villageCode: entry.villageCode ?? null,
          });
        });
      }
    }
  }
  return rows;
}

type Candidate = { region: string; organisation: string; townshipCode?: string; villageCode?: string };

function dedupe(list: Candidate[]) {
  const seen = new Set<string>();
  const kept = list.filter((e) => {
    const key = `${e.region}|${e.organisation}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  list.splice(0, list.length, ...kept);
}

const CHAINS: Record<string, string[]> = {
  农畜产品加工: ["肉羊精深加工", "乳制品加工", "番茄酱生产线", "葵花籽仁加工", "牧草种植加工", "冷链物流中心"],
  新能源: ["风光储一体化", "分布式光伏", "绿氢制备", "风电装备制造", "储能电池组装"],
  化工新材料: ["精细化工中间体", "新型农药中间体", "高性能树脂", "电子级多晶硅", "石墨负极材料"],
  现代煤化工: ["煤制烯烃配套", "焦炉煤气综合利用", "煤基新材料"],
  生物医药: ["蒙中药材种植加工", "生物发酵", "兽用疫苗"],
  装备制造: ["农机装备", "矿山机械再制造", "新能源汽车零部件"],
  文旅康养: ["草原文旅综合体", "沙漠生态旅游", "康养小镇"],
  商贸物流: ["口岸物流园", "电商产业园", "农产品交易中心"],
};
const COMPANY_PREFIXES = ["内蒙古", "北方", "蒙西", "河套", "阴山", "草原", "黄河", "塞北", "金沙", "瀚海"];
const COMPANY_WORDS = [
  "绿源",
  "恒泰",
  "华瑞",
  "鑫达",
  "宏远",
  "天成",
  "瑞丰",
  "嘉禾",
  "博远",
  "中天",
  "兴盛",
  "汇通",
  "丰泽",
  "晟达",
];
const BUREAUS = [
  "工业和信息化局",
  "发展和改革委员会",
  "商务局",
  "农牧局",
  "能源局",
  "投资促进中心",
  "自然资源局",
  "文化旅游体育局",
];

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function generateProjects(random: Random, names: NameGenerator, reporters: Place[]): DemoProject[] {
  const rows: DemoProject[] = [];
  const bayannur = reporters.filter(inBayannur);
  const pinnedCounts = random.split(
    SOURCE.projects - 1,
    bayannur.map(() => 1),
    0.3,
  );
  for (const year of DEMO_YEARS) {
    for (const place of reporters) {
      const pinnedIndex = year === SOURCE.year ? bayannur.findIndex((p) => p.code === place.code) : -1;
      let count = pinnedIndex >= 0 ? pinnedCounts[pinnedIndex] : random.int(2, place.code === place.prefecture ? 6 : 8);
      let seq = 1;
      if (pinnedIndex >= 0 && place.code === SOURCE.uradRear) {
        rows.push(kechiProject(names));
        seq = 2;
      }
      let previous: DemoProject | undefined;
      for (; count > 0; count--, seq++) {
        const chain = random.pick(Object.keys(CHAINS));
        const company = `${random.pick(COMPANY_PREFIXES)}${random.pick(COMPANY_WORDS)}${random.pick(["科技", "实业", "新材料", "农牧业", "能源", "生物"])}有限公司`;
        const takenOn = addDays(`${year}-01-01`, random.int(0, 364));
        const events: DemoProject["events"] = [{ stage: "已揭榜", reachedOn: takenOn }];
        let day = takenOn;
        for (const stage of projectStages.slice(1)) {
          if (!random.chance(0.78)) break;
          day = addDays(day, random.int(12, 75));
          if (day > DEMO_AS_OF) break;
          events.push({ stage, reachedOn: day });
        }
        const stage = events[events.length - 1].stage;
        const planned = Math.round(Math.exp(Math.log(20) + random.next() * Math.log(60)));
        const signed = projectStages.indexOf(stage) >= projectStages.indexOf("已签约");
        rows.push({
          code: `JB-${place.code}-${year}-${String(seq).padStart(3, "0")}`,
          name: `${company}${random.pick(CHAINS[chain])}项目`,
          regionCode: place.code,
          industryChain: chain,
          // Some cadres take a second challenge in the same year (Bayannur 2023's are pinned below).
          ...(previous && pinnedIndex < 0 && random.chance(0.12)
            ? { leadCadre: previous.leadCadre, cadreUnit: previous.cadreUnit }
            : { leadCadre: names.next(), cadreUnit: `${place.name}${random.pick(BUREAUS)}` }),
          takenOn,
          stage,
          plannedInvestment: planned,
          fundsInPlace: signed ? Math.round(planned * (0.05 + random.next() * 0.5)) : null,
          events,
        });
        previous = rows[rows.length - 1];
      }
    }
  }
  pinBayannurProjects(
    random,
    rows.filter((p) => p.takenOn.startsWith(`${SOURCE.year}-`) && bayannurCodes(reporters).has(p.regionCode)),
  );
  return rows;
}

const bayannurCodes = (reporters: Place[]) => new Set(reporters.filter(inBayannur).map((p) => p.code));

/** 104 projects led by 96 cadres (eight lead two each), with 1,428 万元 in place. */
function pinBayannurProjects(random: Random, list: DemoProject[]) {
  if (list.length !== SOURCE.projects)
    throw new Error(`Demo: ${list.length} Bayannur projects, not ${SOURCE.projects}`);
  const repeats = SOURCE.projects - SOURCE.projectCadres;
  const others = list.filter((p) => p.code !== SOURCE.kechiCode);
  const [leaders, followers] = [others.slice(0, repeats), others.slice(repeats, repeats * 2)];
  followers.forEach((p, i) => {
    p.leadCadre = leaders[i].leadCadre;
    p.cadreUnit = leaders[i].cadreUnit;
  });
  const withFunds = list.filter((p) => p.fundsInPlace !== null && p.fundsInPlace !== undefined);
  const kechi = list.find((p) => p.code === SOURCE.kechiCode);
  const kechiFunds = kechi?.fundsInPlace ?? 0;
  const shares = random.split(
    SOURCE.fundsInPlace - kechiFunds,
    withFunds.filter((p) => p !== kechi).map(() => 1),
    0.9,
  );
  withFunds
    .filter((p) => p !== kechi)
    .forEach((p, i) => {
      p.fundsInPlace = shares[i];
    });
}

function kechiProject(names: NameGenerator): DemoProject {
  const dates: [ProjectStage, string][] = [
    ["已揭榜", "2023-08-03"],
    ["已对接", "2023-08-10"],
    ["已签约", "2023-08-16"],
    ["已立项", "2023-09-08"],
    ["已落地", "2023-10-18"],
    ["已投产", "2023-12-26"],
  ];
  return {
    code: SOURCE.kechiCode,
    name: SOURCE.kechiName,
    regionCode: SOURCE.uradRear,
    industryChain: "化工新材料",
    leadCadre: names.next(),
    cadreUnit: "乌拉特后旗工业和信息化局",
    takenOn: "2023-08-03",
    stage: "已投产",
    plannedInvestment: 12000,
    fundsInPlace: 260,
    events: dates.map(([stage, reachedOn]) => ({ stage, reachedOn })),
  };
}

function generateAdjustments(random: Random, reporters: Place[]): NewAdjustment[] {
  const rows: NewAdjustment[] = [];
  const odds: Record<AdjustmentType, number> = { 免职: 0.12, 降职: 0.06, 调离: 0.18, 恢复任职: 0.05, 提拔重用: 0.12 };
  // 赛罕区: six section-level cadres dismissed or demoted since 2022, two later reinstated.
  const saihan: Record<string, Partial<Record<AdjustmentType, number>>> = {
    "2022-2": { 免职: 1 },
    "2022-3": { 降职: 1 },
    "2022-4": { 免职: 1 },
    "2023-1": { 降职: 1 },
    "2023-2": { 免职: 1, 调离: 1 },
    "2023-3": { 降职: 1 },
    "2023-4": { 恢复任职: 1 },
    "2024-2": { 恢复任职: 1, 提拔重用: 1 },
  };
  for (const place of reporters) {
    for (const year of DEMO_YEARS) {
      for (let quarter = 1; quarter <= 4; quarter++) {
        if (place.code !== SOURCE.saihan && !reported(random, year, quarter)) continue;
        for (const type of adjustmentTypes) {
          const count =
            place.code === SOURCE.saihan && year >= 2022
              ? (saihan[`${year}-${quarter}`]?.[type] ?? 0)
              : random.chance(odds[type])
                ? random.int(1, 2)
                : 0;
          rows.push({ regionCode: place.code, year, quarter, type, count });
        }
      }
    }
  }
  return rows;
}

const GROWTH_INDICATORS = [
  { indicator: "地区生产总值增速", target: 6.5, low: 2, high: 9 },
  { indicator: "规模以上工业增加值增速", target: 7, low: 1, high: 11.5 },
  { indicator: "一般公共预算收入增速", target: 8, low: -3, high: 14 },
  { indicator: "固定资产投资增速", target: 10, low: -5, high: 18 },
] as const;

function generateIndicators(random: Random, reporters: Place[]): NewIndicator[] {
  const rows: NewIndicator[] = [];
  const round1 = (x: number) => Math.round(x * 10) / 10;
  for (const year of DEMO_YEARS) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      for (const spec of GROWTH_INDICATORS) {
        const values = reporters.map((place) => {
          const pinned =
            place.code === SOURCE.bayannur &&
            year === SOURCE.year &&
            quarter === 3 &&
            spec.indicator === "规模以上工业增加值增速";
          return { place, value: pinned ? 12 : round1(spec.low + random.next() * (spec.high - spec.low)) };
        });
        // Bayannur's 12% was third in the region in the first three quarters of 2023.
        const leagues = values.filter((v) => v.place.code === v.place.prefecture);
        if (year === SOURCE.year && quarter === 3 && spec.indicator === "规模以上工业增加值增速") {
          const others = leagues.filter((v) => v.place.code !== SOURCE.bayannur);
          others.forEach((v, i) => {
            v.value = i < 2 ? round1(12.4 + random.next() * 2.5) : round1(3 + random.next() * 8.5);
          });
        }
        const ranks = new Map([...leagues].sort((a, b) => b.value - a.value).map((v, i) => [v.place.code, i + 1]));
        for (const { place, value } of values) {
          rows.push({
            regionCode: place.code,
            year,
            quarter,
            indicator: spec.indicator,
            value,
            unit: "%",
            target: spec.target,
            rank: ranks.get(place.code) ?? null,
          });
        }
      }
    }
  }
  // The source's scorecard figures.
  const scorecard: [string, number | null, string, number, string, number | null][] = [
    [SOURCE.bayannur, 3, "解决房地产领域问题住房", 2800, "套", null],
    [SOURCE.bayannur, 3, "打通城区断头路", 13, "条", null],
    [SOURCE.chayouqian, null, "道路提质改造投入资金", 873, "万元", null],
    [SOURCE.chayouqian, null, "道路提质改造里程", 19.5, "公里", null],
    [SOURCE.chayouqian, null, "村道硬化项目", 6, "个", null],
    [SOURCE.chayouqian, null, "村道硬化里程", 12.7, "公里", null],
    [SOURCE.chayouqian, null, "道路养护工程项目", 24, "个", null],
    [SOURCE.chayouqian, null, "道路养护里程", 236.5, "公里", null],
  ];
  for (const [regionCode, quarter, indicator, value, unit, target] of scorecard) {
    rows.push({ regionCode, year: SOURCE.year, quarter, indicator, value, unit, target, rank: null });
  }
  return rows;
}

/**
 * Loads the demo in one transaction, one batch per dataset written like an upload's (so that each
 * can be undone like one), and records it in the audit log. The demo loads only into a database
 * without batches (loadDemo, db/prepare.ts), so every row is new.
 */
export async function seedDemo(db: Db): Promise<Record<Dataset, number>> {
  const data = generateDemo();
  const hash = createHash("sha256").update(`demo:${SEED}`).digest("hex");
  const batch = (rows: number): NewBatch => ({
    source: "demo",
    fileName: DEMO_FILE_NAME,
    fileHash: hash,
    createdBy: "system",
    rows,
    inserted: rows,
    updated: 0,
    unchanged: 0,
  });
  // The demo's stage history has its own days, as if it had been reported over the years.
  const stageDays = data.projects.flatMap((p) => p.events.map((e) => ({ code: p.code, ...e })));
  return db.transaction(async (tx) => {
    const counts = {} as Record<Dataset, number>;
    for (const dataset of datasets) {
      const list = data[dataset];
      counts[dataset] = list.length;
      await writeRows(tx, dataset, list, batch(list.length), dataset === "projects" ? { stageDays } : undefined);
    }
    // The demo's years are open reporting periods with their default deadlines (all passed).
    await tx.insert(reportingPeriods).values(
      DEMO_YEARS.flatMap(periodsOfYear).map((p) => ({
        ...p,
        dueOn: defaultDueOn(p.year, p.quarter),
        openedBy: "system",
      })),
    );
    await writeAudit(tx, { actor: "system", action: "demo.seed", detail: counts });
    return counts;
  });
}

/**
 * Demo accounts (README): they exist only where the demo data was loaded. Their password is
 * published, so on a production server database (where the demo never loads by itself) the
 * operator chooses one instead; the published one is refused there whatever the door.
 */
export const DEMO_PASSWORD = "demo12345";
export const DEMO_ACCOUNTS = [
  { username: "admin", name: "系统管理员", role: "admin", regionCode: "150000", personnel: true },
  { username: "staff", name: "自治区组织部干部", role: "viewer", regionCode: "150000", personnel: true },
  { username: "bayannur", name: "巴彦淖尔市领导", role: "viewer", regionCode: "150800", personnel: true },
  { username: "wuhou-clerk", name: "乌拉特后旗填报员", role: "clerk", regionCode: "150825" },
  { username: "bayannur-clerk", name: "巴彦淖尔市填报员", role: "clerk", regionCode: "150800" },
  { username: "linhe-clerk", name: "临河区填报员", role: "clerk", regionCode: "150802" },
  { username: "wuqian-clerk", name: "乌拉特前旗填报员", role: "clerk", regionCode: "150823" },
  // The wall screen's account (/screen only).
  { username: "display", name: "自治区大屏", role: "display", regionCode: "150000" },
] as const;

export class PublishedPasswordRefused extends Error {
  constructor() {
    super(
      `生产数据库上不能使用公开的演示密码 ${DEMO_PASSWORD}，请另设密码。` +
        `The published demo password ${DEMO_PASSWORD} is refused on a production database; choose another.`,
    );
  }
}

function refusePublishedInProduction(password: string) {
  if (password === DEMO_PASSWORD && !loadsDemoAutomatically(readEnv())) throw new PublishedPasswordRefused();
}

export async function createDemoAccounts(db: Db, password: string = DEMO_PASSWORD) {
  refusePublishedInProduction(password);
  for (const account of DEMO_ACCOUNTS) {
    await createUser(db, operator(), { ...account, password });
  }
}

/**
 * The demo data and its accounts, only into a database that holds no batch yet, so it never
 * mixes with real uploads. Returns whether it was loaded.
 */
export async function loadDemo(db: Db, password: string = DEMO_PASSWORD): Promise<boolean> {
  refusePublishedInProduction(password);
  const [anyBatch] = await db.select({ id: uploadBatches.id }).from(uploadBatches).limit(1);
  if (anyBatch) return false;
  await seedDemo(db);
  await createDemoAccounts(db, password);
  await seedDemoCycle(db);
  return true;
}

/** The demo's open quarter: Bayannur's banners report 2024 Q4 of promotions to the league. */
const CYCLE = { year: 2024, quarter: 4 } as const;

/**
 * The reporting cycle as a reviewer finds it in the demo's last quarter: 乌拉特前旗's report waits
 * for review, 临河区's was returned with a reason, the league's own (本级) is not in, and the
 * banners whose figures are published were approved by the league's clerk. Written through the
 * cycle's own mutations, so that the audit log and the notices tell the same story.
 */
async function seedDemoCycle(db: Db) {
  const people = await db.select({ id: users.id, username: users.username }).from(users);
  const viewer = (username: (typeof DEMO_ACCOUNTS)[number]["username"]): Viewer => {
    const account = DEMO_ACCOUNTS.find((a) => a.username === username);
    const id = people.find((p) => p.username === username)?.id;
    if (!account || !id) throw new Error(`demo account ${username} is missing`);
    return { ...account, id, sessionId: "demo" };
  };
  const reviewer = viewer("bayannur-clerk");
  const submit = (who: Viewer, rows: NewPromotion[]) =>
    db.transaction(async (tx) => {
      const spec = DATASETS.promotions;
      await lockDataset(tx, spec);
      await createStage(tx, spec);
      await stageRows(tx, "promotions", rows);
      const [sent] = await submitStaged(tx, spec, who, {
        source: "web",
        fileName: "2024年第4季度提拔使用.xlsx",
        fileHash: "",
        ip: null,
      });
      await tx.execute(sql`drop table ${staged}`);
      return sent;
    });
  // Reports of the quarter before, a little different, as the quarter's figures.
  const report = async (regionCode: string) => {
    const before = await db
      .select()
      .from(promotions)
      .where(and(eq(promotions.regionCode, regionCode), eq(promotions.year, CYCLE.year), eq(promotions.quarter, 3)));
    return before.map((r, i) => ({
      ...r,
      id: undefined,
      batchId: undefined,
      quarter: CYCLE.quarter,
      count: r.count + (i % 3),
    }));
  };
  await submit(viewer("wuqian-clerk"), await report("150823"));
  const returned = await submit(viewer("linhe-clerk"), await report("150802"));
  await returnSubmission(db, reviewer, returned.id, "非一线提拔人数与干部任免台账不一致，请核对后重新报送。");
  // The banners already in were approved by the league: their history says so.
  const [batch] = await db
    .select({ id: uploadBatches.id })
    .from(uploadBatches)
    .where(eq(uploadBatches.dataset, "promotions"));
  await db.execute(sql`insert into submissions (dataset, period_id, region_code, version, status, source, file_name,
      file_hash, submitted_by, submitted_at, rows, regions, reviewed_by, reviewed_at, batch_id)
    select 'promotions', p.id, t.region_code, 1, 'approved', 'demo', ${DEMO_FILE_NAME}, '', ${DEMO_FILE_NAME},
           p.due_on - 3, count(*)::int, array[t.region_code], ${reviewer.id}, p.due_on + 2, ${batch.id}
    from promotions t join regions r on r.code = t.region_code
      join reporting_periods p on p.dataset = 'promotions' and p.year = t.year and p.quarter = t.quarter
    where r.parent_code = '150800' and t.year = ${CYCLE.year} and t.quarter = ${CYCLE.quarter}
    group by p.id, p.due_on, t.region_code`);
}
