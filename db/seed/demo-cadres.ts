import type { JobFitAction, JobFitGrade } from "@/lib/contract";
import type {
  EvaluationConclusion,
  NewEvaluation,
  NewJobFit,
  NewRoutineAssessment,
  NewSelection,
  NewYoungCadres,
} from "../schema";
import { NameGenerator, Random } from "./random";

/**
 * Synthetic demo data (演示数据) of the evaluation and development datasets: 五看一测, 适岗指数,
 * 雏雁行动, 好班子/好干部 and 公务员平时考核, for every league's own departments and every banner,
 * 2021–2024. Its own seed, so the other datasets' demo stays as it was. The one source figure:
 * 牙克石市 assessed its civil servants through exactly 7 contact points in 2023.
 */
export type CadreDemo = {
  evaluations: NewEvaluation[];
  job_fit: NewJobFit[];
  young_cadres: NewYoungCadres[];
  selections: NewSelection[];
  routine_assessments: NewRoutineAssessment[];
};

type Place = { code: string; name: string; prefecture: string };

const SEED = 20240618;
export const YAKESHI = { code: "150782", year: 2023, contactPoints: 7 } as const;

const DEPARTMENTS = [
  "发展和改革委员会",
  "工业和信息化局",
  "农牧局",
  "自然资源局",
  "住房和城乡建设局",
  "交通运输局",
  "水利局",
  "商务局",
  "教育局",
  "卫生健康委员会",
  "民政局",
  "人力资源和社会保障局",
  "生态环境局",
  "应急管理局",
  "市场监督管理局",
  "林业和草原局",
];
const POSTS = ["局长", "副局长", "主任", "副主任", "党组书记", "党组成员", "科长", "副科长", "苏木达", "乡镇长"];
const CONTACT_POINTS = [
  "发展和改革委员会",
  "财政局",
  "人民医院",
  "第一中学",
  "税务局",
  "公安局",
  "司法局",
  "审计局",
  "统计局",
  "医疗保障局",
];
/** 牙克石's "晒成绩+答卷+多方测评" uses all five ways; other contact points fewer. */
const METHOD_SETS = [
  "个人评、群众评、专班评、内部评、外部评",
  "个人评、群众评、内部评",
  "个人评、专班评、外部评",
  "个人评、群众评",
];

const FEATS = [
  "牵头推进重点项目当年签约落地",
  "化解信访积案，群众满意度明显提升",
  "带领班子完成防沙治沙年度任务",
  "推动嘎查村集体经济收入翻番",
  "在疫情防控和应急处置中冲锋在前",
  "优化营商环境，企业开办时间压缩一半",
];

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number, low = 0, high = 100) => Math.min(high, Math.max(low, x));

/** Roughly normal, from the sum of three uniforms: scores bunch around the mean as real ones do. */
const around = (random: Random, mean: number, spread: number) =>
  mean + ((random.next() + random.next() + random.next()) / 3 - 0.5) * 2 * spread;

export function generateCadreDemo(places: Place[], years: readonly number[]): CadreDemo {
  const random = new Random(SEED);
  const names = new NameGenerator(random);
  const unitOf = (place: Place) => `${place.name}${random.pick(DEPARTMENTS)}`;
  const demo: CadreDemo = { evaluations: [], job_fit: [], young_cadres: [], selections: [], routine_assessments: [] };
  for (const place of places) {
    const league = place.code === place.prefecture;
    for (const year of years) {
      demo.evaluations.push(...evaluationsOf(random, names, place, year, unitOf));
      demo.job_fit.push(...jobFitOf(random, names, place, year, unitOf));
      demo.young_cadres.push(youngCadresOf(random, place, year, league));
      demo.selections.push(...selectionsOf(random, names, place, year, unitOf));
      demo.routine_assessments.push(...routineOf(random, place, year));
    }
  }
  return demo;
}

function conclusionOf(mean: number): EvaluationConclusion {
  if (mean >= 90) return "优秀";
  if (mean >= 75) return "称职";
  if (mean >= 62) return "基本称职";
  return "不称职";
}

/** A banner's year: a few dozen daily evaluations, and in some quarters a 实干型 special round. */
function evaluationsOf(
  random: Random,
  names: NameGenerator,
  place: Place,
  year: number,
  unitOf: (p: Place) => string,
): NewEvaluation[] {
  const rows: NewEvaluation[] = [];
  const add = (quarter: number | null, kind: "日常" | "实干型专项") => {
    const base = random.chance(0.05) ? around(random, 62, 8) : around(random, 86, 10);
    const dims = [0, 1, 2, 3, 4].map(() => round1(clamp(around(random, base, 6))));
    const mean = dims.reduce((a, b) => a + b, 0) / dims.length;
    rows.push({
      regionCode: place.code,
      year,
      quarter,
      cadre: names.next(),
      post: random.pick(POSTS),
      unit: unitOf(place),
      political: dims[0],
      effectiveness: dims[1],
      role: dims[2],
      frontline: dims[3],
      conduct: dims[4],
      satisfaction: round1(clamp(around(random, mean + 6, 6))),
      assessors: random.int(12, 60),
      conclusion: conclusionOf(mean),
      kind,
    });
  };
  const daily = random.int(18, 40);
  for (let i = 0; i < daily; i++) add(null, "日常");
  for (let quarter = 1; quarter <= 4; quarter++) {
    if (year === 2024 && quarter === 4) continue;
    if (!random.chance(0.35)) continue;
    const special = random.int(3, 8);
    for (let i = 0; i < special; i++) add(quarter, "实干型专项");
  }
  return rows;
}

/**
 * Leading cadres' job-fit index: most fit their post; a few are 不适岗, and most of those were
 * moved (调整岗位) or dismissed or demoted (免职/降职). Some departments assess only one or two
 * leaders a year, which the dashboards must not show as a distribution.
 */
function jobFitOf(
  random: Random,
  names: NameGenerator,
  place: Place,
  year: number,
  unitOf: (p: Place) => string,
): NewJobFit[] {
  const count = random.chance(0.06) ? random.int(1, 2) : random.int(8, 22);
  return Array.from({ length: count }, () => {
    const roll = random.next();
    const index = round1(
      roll < 0.05 ? 40 + random.next() * 19.9 : roll < 0.3 ? 60 + random.next() * 19.9 : 80 + random.next() * 18,
    );
    const grade: JobFitGrade = index >= 80 ? "适岗" : index >= 60 ? "基本适岗" : "不适岗";
    const action: JobFitAction =
      grade === "不适岗"
        ? random.pick(["调整岗位", "调整岗位", "免职/降职", "提醒谈话"] as const)
        : grade === "基本适岗" && random.chance(0.4)
          ? "提醒谈话"
          : "无";
    return {
      regionCode: place.code,
      year,
      cadre: names.next(),
      post: random.pick(POSTS),
      unit: unitOf(place),
      index,
      grade,
      action,
    };
  });
}

function youngCadresOf(random: Random, place: Place, year: number, league: boolean): NewYoungCadres {
  const selected = league ? random.int(60, 160) : random.int(15, 60);
  const trained = Math.round(selected * (0.8 + random.next() * 0.2));
  const frontline = Math.round(selected * (0.35 + random.next() * 0.3));
  const promoted = Math.round(selected * (0.08 + random.next() * 0.14) * (1 + (year - 2021) * 0.1));
  return {
    regionCode: place.code,
    year,
    selected,
    trained,
    frontline,
    promoted: Math.min(promoted, selected),
    under35Share: random.chance(0.8) ? round1(12 + random.next() * 18) : null,
  };
}

function selectionsOf(
  random: Random,
  names: NameGenerator,
  place: Place,
  year: number,
  unitOf: (p: Place) => string,
): NewSelection[] {
  const rows: NewSelection[] = [];
  const teams = new Set<string>();
  for (let i = random.int(1, 3); i > 0; i--) teams.add(`${unitOf(place)}领导班子`);
  for (const name of teams)
    rows.push({
      regionCode: place.code,
      year,
      category: "干事创业好班子",
      name,
      unit: null,
      summary: random.pick(FEATS),
    });
  for (let i = random.int(2, 5); i > 0; i--)
    rows.push({
      regionCode: place.code,
      year,
      category: "担当作为好干部",
      name: names.next(),
      unit: unitOf(place),
      summary: random.chance(0.7) ? random.pick(FEATS) : null,
    });
  return rows;
}

/** Each quarter a banner's contact points report their civil servants' grades; 牙克石市 has 7 (2023). */
function routineOf(random: Random, place: Place, year: number): NewRoutineAssessment[] {
  const rows: NewRoutineAssessment[] = [];
  const yakeshi = place.code === YAKESHI.code && year === YAKESHI.year;
  const points = yakeshi
    ? CONTACT_POINTS.slice(0, YAKESHI.contactPoints)
    : random.sample(CONTACT_POINTS, random.int(2, 5));
  // A contact point assesses the same ways all year.
  const methods = new Map(points.map((point) => [point, yakeshi ? METHOD_SETS[0] : random.pick(METHOD_SETS)]));
  for (let quarter = 1; quarter <= 4; quarter++) {
    if (year === 2024 && quarter === 4 && random.chance(0.25)) continue;
    for (const point of points) {
      const assessed = random.int(12, 60);
      const [good, fairlyGood, average, poor] = random.split(assessed, [0.3, 0.55, 0.13, 0.02]);
      rows.push({
        regionCode: place.code,
        year,
        quarter,
        contactPoint: `${place.name}${point}`,
        assessed,
        good,
        fairlyGood,
        average,
        poor,
        methods: methods.get(point),
      });
    }
  }
  return rows;
}
