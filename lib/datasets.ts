import {
  type Cell,
  isBlank,
  type Parsed,
  parseChoice,
  parseChoices,
  parseDate,
  parseDecimal,
  parseInteger,
  parseMonth,
  parseQuarter,
  parseScore,
  parseText,
  parseYear,
} from "@/lib/cells";
import {
  adjustmentTypes,
  arenaLevels,
  assessmentMethods,
  challengeStatuses,
  type Dataset,
  dimensionGrades,
  evaluationConclusions,
  evaluationKinds,
  issueStatuses,
  jobFitActions,
  jobFitGrades,
  organisationTypes,
  projectGrades,
  projectStages,
  projectUses,
  promotionFields,
  selectionCategories,
  termAdjustments,
  unitTypes,
} from "@/lib/contract";
import { adjustmentProblem, formatJointUnits, parseJointUnits, termEnd, termYears } from "@/lib/terms";

/**
 * The upload contract (docs/data-contract.md §4): per dataset its columns (Chinese and English headers), how
 * each cell is read, the natural key, and the table the rows go to. Every write of a dataset (the upload, the
 * figure form, the demo) takes its columns and their types from here (db/mutations/datasets.ts).
 */
export type Column = {
  /** The database column the value goes to. */
  db: string;
  /**
   * The column's exact Postgres type in the dataset's table (db/schema): staged values are cast to it before
   * they are compared and written, so that 92.5 and the stored 92.50 are the same value and a re-upload
   * changes nothing. tests/db/writes.test.ts holds it to the table.
   */
  type: ColumnType;
  zh: string;
  en: string;
  /** Other header spellings, compared after folding case, spaces and units in brackets. */
  aliases?: string[];
  required: boolean;
  /** Names a person: shown only where the caller may see names (lib/auth/permissions.ts nameScope). */
  personal?: true;
  /** The unit the template's header names in brackets: 计划投资（万元）. */
  unit?: string;
  /** What the cell takes, for the template's instructions sheet (the contract's words). */
  hint: string;
  /** The contract's values of an enumerated column: a drop-down list in the XLSX template. */
  choices?: readonly string[];
  parse: (cell: Cell) => Parsed<string | number | null>;
  example: [Cell, Cell];
};

export type ColumnType =
  | "text"
  | "smallint"
  | "integer"
  | "date"
  | `numeric(${number},${number})`
  | "promotion_field"
  | "arena_level"
  | "project_stage"
  | "adjustment_type"
  | "evaluation_conclusion"
  | "evaluation_kind"
  | "job_fit_grade"
  | "job_fit_action"
  | "selection_category"
  | "organisation_type"
  | "unit_type"
  | "term_adjustment";

export type DatasetSpec = {
  id: Dataset;
  zh: string;
  table: string;
  /** Natural key columns (database names), region first where there is one. */
  key: string[];
  columns: Column[];
  /** Whether the file names a region (every dataset does; projects too). */
  region: { example: [string, string] };
  /**
   * A rule across the row's cells, once each cell has parsed: the column (as the template names
   * it) and the message key of the problem, or null.
   */
  checkRow?: (
    row: Record<string, unknown>,
  ) => { column: string; message: string; values?: Record<string, string | number> } | null;
  /** The date column a row's period is the year of (a project's day taken); absent: the year column. */
  periodDate?: string;
  /**
   * Columns naming a record of another dataset (an application's challenge): a row whose value
   * is not stored there is an error naming the row and column (server/import/pipeline.ts).
   */
  references?: { column: string; dataset: Dataset; key: string }[];
};

const optional =
  <T>(parse: (cell: Cell) => Parsed<T>) =>
  (cell: Cell): Parsed<T | null> =>
    isBlank(cell) ? { ok: true, value: null } : parse(cell);
const required =
  <T>(parse: (cell: Cell) => Parsed<T>) =>
  (cell: Cell): Parsed<T> =>
    isBlank(cell) ? { ok: false, message: "required" } : parse(cell);
const requiredText = (max: number) => required((cell) => parseText(cell, { max }));

const year: Column = {
  db: "year",
  type: "smallint",
  zh: "年度",
  en: "year",
  hint: "年份，如 2023 或 2023年",
  aliases: ["年份"],
  required: true,
  parse: required(parseYear),
  example: [2023, 2023],
};
const quarter: Column = {
  db: "quarter",
  type: "smallint",
  zh: "季度",
  en: "quarter",
  hint: "1–4，也可写 Q3、第三季度",
  required: true,
  parse: (c) => parseQuarter(c),
  example: [3, "第四季度"],
};
const count: Column = {
  db: "count",
  type: "integer",
  zh: "人数",
  en: "count",
  hint: "人数，0 或正整数",
  aliases: ["数量"],
  required: true,
  parse: required((c) => parseInteger(c, { max: 100_000 })),
  example: [12, 3],
};

/** A number of people, one of a dataset's counts. */
function headcount(
  db: string,
  zh: string,
  en: string,
  hint: string,
  example: [number, number],
  aliases?: string[],
): Column {
  return {
    db,
    type: "integer",
    zh,
    en,
    hint: `${hint}，0 或正整数`,
    aliases,
    required: true,
    parse: required((c) => parseInteger(c, { max: 100_000 })),
    example,
  };
}

/** The cadre an evaluation is of: a name, so personal. */
const cadre: Column = {
  db: "cadre",
  type: "text",
  zh: "干部姓名",
  en: "cadre",
  hint: "干部姓名",
  aliases: ["姓名"],
  required: true,
  personal: true,
  parse: requiredText(50),
  example: ["张三", "李四"],
};
const post: Column = {
  db: "post",
  type: "text",
  zh: "职务",
  en: "post",
  hint: "现任职务，最多 100 字；可留空",
  required: false,
  personal: true,
  parse: optional((c) => parseText(c, { max: 100 })),
  example: ["副局长", "党委副书记"],
};
const unit: Column = {
  db: "unit",
  type: "text",
  zh: "单位",
  en: "unit",
  hint: "所在单位全称，最多 100 字",
  aliases: ["工作单位", "所在单位"],
  required: true,
  personal: true,
  parse: requiredText(100),
  example: ["赛罕区发展和改革委员会", "赛罕区大学西路街道"],
};
/** 五看: each dimension a score of 0–100 or a grade. */
const dimensions: Column[] = (
  [
    ["political", "政治表现", "political performance"],
    ["effectiveness", "实干实效", "effectiveness"],
    ["role", "作用发挥", "role played"],
    ["frontline", "一线作为", "frontline work"],
    ["conduct", "作风形象", "conduct"],
  ] as const
).map(([db, zh, en], i) => ({
  db,
  type: "numeric(5,2)",
  zh,
  en,
  hint: `0–100 的分数，或等次：${Object.keys(dimensionGrades).join("、")}（折合 ${Object.values(dimensionGrades).join("、")} 分）`,
  required: false,
  parse: optional((c) => parseScore(c, dimensionGrades)),
  example: [[92, 88, 90, 94, 91][i], "较好"],
}));

const FIELD_ALIASES: Record<string, (typeof promotionFields)[number]> = {
  "rural revitalisation": "乡村振兴",
  "rural revitalization": "乡村振兴",
  "investment attraction": "招商引资",
  "grassroots governance": "基层治理",
  "desertification control": "防沙治沙",
  "other frontline": "其他一线",
  "not frontline": "非一线",
  非一线领域: "非一线",
  其他一线领域: "其他一线",
};

export const DATASETS: Record<Dataset, DatasetSpec> = {
  promotions: {
    id: "promotions",
    zh: "提拔使用",
    table: "promotions",
    key: ["region_code", "year", "quarter", "field"],
    region: { example: ["乌拉特后旗", "150825"] },
    columns: [
      year,
      quarter,
      {
        db: "field",
        type: "promotion_field",
        zh: "领域",
        en: "field",
        hint: "领域",
        choices: promotionFields,
        required: true,
        parse: required((c) => parseChoice(c, promotionFields, FIELD_ALIASES)),
        example: ["乡村振兴", "非一线"],
      },
      count,
    ],
  },
  arena: {
    id: "arena",
    zh: "擂台比武",
    table: "arena_entries",
    key: ["region_code", "year", "level", "organisation"],
    region: { example: ["乌拉特后旗", "乌拉特后旗"] },
    columns: [
      year,
      {
        db: "level",
        type: "arena_level",
        zh: "层级",
        en: "level",
        hint: "参赛层级",
        choices: arenaLevels,
        required: true,
        parse: required((c) =>
          parseChoice(c, arenaLevels, {
            旗县: "旗县区",
            苏木: "苏木乡镇",
            乡镇: "苏木乡镇",
            嘎查: "嘎查村",
            村: "嘎查村",
          }),
        ),
        example: ["嘎查村", "社区"],
      },
      {
        db: "organisation",
        type: "text",
        zh: "参赛单位",
        en: "organisation",
        hint: "参赛单位全称，最多 200 字",
        aliases: ["organization", "单位"],
        required: true,
        parse: requiredText(200),
        example: ["巴音宝力格嘎查", "赛乌素社区"],
      },
      {
        db: "secretary",
        type: "text",
        zh: "书记",
        en: "secretary",
        hint: "书记姓名",
        aliases: ["书记姓名"],
        required: false,
        personal: true,
        parse: optional((c) => parseText(c, { max: 50 })),
        example: ["张三", ""],
      },
      {
        db: "score",
        type: "numeric(5,2)",
        zh: "得分",
        en: "score",
        hint: "0–100，可有小数",
        required: false,
        parse: optional((c) => parseDecimal(c, { min: 0, max: 100 })),
        example: [92.5, ""],
      },
      {
        db: "rank",
        type: "integer",
        zh: "名次",
        en: "rank",
        hint: "名次，正整数",
        aliases: ["排名"],
        required: false,
        parse: optional((c) => parseInteger(c, { min: 1, max: 100_000 })),
        example: [1, ""],
      },
      {
        db: "award",
        type: "text",
        zh: "等次",
        en: "award",
        hint: "如 一等奖",
        aliases: ["奖项"],
        required: false,
        parse: optional((c) => parseText(c, { max: 50 })),
        example: ["一等奖", ""],
      },
      // The headers and the resolution of the organisations register (server/import/places.ts); left blank,
      // the township is the one whose full name 参赛单位 contains, if exactly one does.
      {
        db: "township_code",
        type: "text",
        zh: "苏木乡镇",
        en: "township",
        hint: "参赛单位所在苏木乡镇（街道）的全称或 9 位代码，须属于该行地区（旗县区）；留空时按参赛单位中唯一出现的苏木乡镇全称识别",
        aliases: ["乡镇", "苏木乡镇街道"],
        required: false,
        parse: optional((c) => parseText(c, { max: 50 })),
        example: ["巴音宝力格镇", ""],
      },
      {
        db: "village_code",
        type: "text",
        zh: "嘎查村/社区",
        en: "village or community",
        hint: "参赛单位所在嘎查、村或社区的全称或 12 位代码，须属于该行地区（及所填苏木乡镇）；可留空",
        aliases: ["嘎查村", "村/社区", "嘎查村社区"],
        required: false,
        parse: optional((c) => parseText(c, { max: 50 })),
        example: ["", ""],
      },
    ],
  },
  projects: {
    id: "projects",
    zh: "揭榜挂帅",
    table: "projects",
    key: ["code"],
    periodDate: "taken_on",
    region: { example: ["乌拉特后旗", "乌拉特后旗"] },
    columns: [
      {
        db: "code",
        type: "text",
        zh: "项目编号",
        en: "code",
        hint: "项目唯一编号，如 JB-150825-2023-101；同一编号再次上传即更新该项目",
        aliases: ["编号", "project code"],
        required: true,
        parse: requiredText(64),
        example: ["JB-150825-2023-101", "JB-150825-2023-102"],
      },
      {
        db: "name",
        type: "text",
        zh: "项目名称",
        en: "name",
        hint: "项目名称，最多 200 字",
        aliases: ["project name"],
        required: true,
        parse: requiredText(200),
        example: ["新型农药中间体项目", "肉羊精深加工项目"],
      },
      {
        db: "industry_chain",
        type: "text",
        zh: "产业链",
        en: "industry chain",
        hint: "所属产业链，如 化工新材料",
        required: false,
        parse: optional((c) => parseText(c, { max: 100 })),
        example: ["化工新材料", "农畜产品加工"],
      },
      {
        db: "lead_cadre",
        type: "text",
        zh: "揭榜干部",
        en: "lead cadre",
        hint: "揭榜干部姓名",
        required: true,
        personal: true,
        parse: requiredText(50),
        example: ["李四", "王五"],
      },
      {
        db: "cadre_unit",
        type: "text",
        zh: "干部单位",
        en: "cadre unit",
        hint: "揭榜干部所在单位",
        required: false,
        personal: true,
        parse: optional((c) => parseText(c, { max: 100 })),
        example: ["乌拉特后旗工业和信息化局", ""],
      },
      {
        db: "taken_on",
        type: "date",
        zh: "揭榜日期",
        en: "date taken",
        hint: "日期，如 2023-08-15、2023/8/15 或 2023年8月15日",
        required: true,
        parse: required(parseDate),
        example: ["2023-05-12", "2023/8/15"],
      },
      {
        db: "stage",
        type: "project_stage",
        zh: "阶段",
        en: "stage",
        hint: "项目当前阶段",
        choices: projectStages,
        required: true,
        parse: required((c) =>
          parseChoice(c, projectStages, {
            揭榜: "已揭榜",
            对接: "已对接",
            签约: "已签约",
            立项: "已立项",
            落地: "已落地",
            投产: "已投产",
          }),
        ),
        example: ["已签约", "已揭榜"],
      },
      {
        db: "planned_investment",
        type: "numeric(14,2)",
        unit: "万元",
        zh: "计划投资",
        en: "planned investment",
        hint: "万元，可有小数",
        required: false,
        parse: optional((c) => parseDecimal(c, { min: 0, max: 1e10 })),
        example: [12000, ""],
      },
      {
        db: "funds_in_place",
        type: "numeric(14,2)",
        unit: "万元",
        zh: "到位资金",
        en: "funds in place",
        hint: "万元，可有小数",
        required: false,
        parse: optional((c) => parseDecimal(c, { min: 0, max: 1e10 })),
        example: [260, ""],
      },
    ],
  },
  adjustments: {
    id: "adjustments",
    zh: "能上能下",
    table: "adjustments",
    key: ["region_code", "year", "quarter", "type"],
    region: { example: ["赛罕区", "150105"] },
    columns: [
      year,
      quarter,
      {
        db: "type",
        type: "adjustment_type",
        zh: "类型",
        en: "type",
        hint: "调整类型",
        choices: adjustmentTypes,
        required: true,
        parse: required((c) => parseChoice(c, adjustmentTypes, { 免去职务: "免职", 降级: "降职", 恢复: "恢复任职" })),
        example: ["免职", "恢复任职"],
      },
      count,
    ],
  },
  indicators: {
    id: "indicators",
    zh: "成绩单",
    table: "indicators",
    key: ["region_code", "year", "quarter", "indicator"],
    region: { example: ["巴彦淖尔市", "察右前旗"] },
    columns: [
      year,
      {
        ...quarter,
        hint: "1–4，也可写 Q3、第三季度；留空表示全年",
        required: false,
        parse: (c) => parseQuarter(c, { allowWholeYear: true }),
        example: [3, ""],
      },
      {
        db: "indicator",
        type: "text",
        zh: "指标",
        en: "indicator",
        hint: "指标名称，如 规模以上工业增加值增速",
        aliases: ["指标名称"],
        required: true,
        parse: requiredText(100),
        example: ["规模以上工业增加值增速", "道路养护里程"],
      },
      {
        db: "value",
        type: "numeric(18,4)",
        zh: "数值",
        en: "value",
        hint: "数值，可为小数或负数",
        required: true,
        parse: required((c) => parseDecimal(c)),
        example: [12, 236.5],
      },
      {
        db: "unit",
        type: "text",
        zh: "单位",
        en: "unit",
        hint: "如 %、公里、个",
        required: true,
        parse: requiredText(20),
        example: ["%", "公里"],
      },
      {
        db: "target",
        type: "numeric(18,4)",
        zh: "目标值",
        en: "target",
        hint: "目标值，数字",
        required: false,
        parse: optional((c) => parseDecimal(c)),
        example: [7, ""],
      },
      {
        db: "rank",
        type: "integer",
        zh: "排名",
        en: "rank",
        hint: "排名，正整数",
        aliases: ["名次"],
        required: false,
        parse: optional((c) => parseInteger(c, { min: 1, max: 1000 })),
        example: [3, ""],
      },
    ],
  },
  evaluations: {
    id: "evaluations",
    zh: "五看一测",
    table: "evaluations",
    key: ["region_code", "year", "quarter", "cadre", "unit"],
    region: { example: ["赛罕区", "150105"] },
    columns: [
      year,
      {
        ...quarter,
        hint: "1–4，也可写 Q3、第三季度；留空表示全年评价",
        required: false,
        parse: (c) => parseQuarter(c, { allowWholeYear: true }),
        example: [2, ""],
      },
      cadre,
      post,
      unit,
      ...dimensions,
      {
        db: "satisfaction",
        type: "numeric(5,2)",
        zh: "满意度",
        en: "satisfaction",
        unit: "%",
        hint: "服务对象满意度，0–100，可有小数",
        aliases: ["服务对象满意度"],
        required: false,
        parse: optional((c) => parseDecimal(c, { min: 0, max: 100 })),
        example: [96.5, 91],
      },
      {
        db: "assessors",
        type: "integer",
        zh: "测评人数",
        en: "assessors",
        hint: "参加满意度测评的人数，0 或正整数",
        required: false,
        parse: optional((c) => parseInteger(c, { max: 100_000 })),
        example: [32, 18],
      },
      {
        db: "conclusion",
        type: "evaluation_conclusion",
        zh: "结论",
        en: "conclusion",
        hint: "评价结论",
        aliases: ["评价结论"],
        choices: evaluationConclusions,
        required: true,
        parse: required((c) => parseChoice(c, evaluationConclusions)),
        example: ["优秀", "称职"],
      },
      {
        db: "kind",
        type: "evaluation_kind",
        zh: "评测类型",
        en: "kind",
        hint: "日常评价或实干型专项考核",
        aliases: ["类型"],
        choices: evaluationKinds,
        required: true,
        parse: required((c) => parseChoice(c, evaluationKinds, { 实干型: "实干型专项", 专项: "实干型专项" })),
        example: ["日常", "实干型专项"],
      },
    ],
  },
  job_fit: {
    id: "job_fit",
    zh: "适岗指数",
    table: "job_fit",
    key: ["region_code", "year", "cadre", "unit"],
    region: { example: ["巴彦淖尔市", "150825"] },
    columns: [
      year,
      cadre,
      post,
      unit,
      {
        db: "index",
        type: "numeric(5,2)",
        zh: "适岗指数",
        en: "index",
        hint: "0–100，可有小数",
        aliases: ["指数"],
        required: true,
        parse: required((c) => parseDecimal(c, { min: 0, max: 100 })),
        example: [86.5, 58],
      },
      {
        db: "grade",
        type: "job_fit_grade",
        zh: "等次",
        en: "grade",
        hint: "评价等次",
        choices: jobFitGrades,
        required: true,
        parse: required((c) => parseChoice(c, jobFitGrades)),
        example: ["适岗", "不适岗"],
      },
      {
        db: "action",
        type: "job_fit_action",
        zh: "后续处理",
        en: "follow-up",
        hint: "评价后的处理；调整岗位、免职/降职同时计入能上能下；留空表示无",
        aliases: ["处理", "follow up"],
        choices: jobFitActions,
        required: false,
        parse: (c) =>
          isBlank(c)
            ? { ok: true, value: "无" }
            : parseChoice(c, jobFitActions, {
                免职: "免职/降职",
                降职: "免职/降职",
                免职降职: "免职/降职",
                调岗: "调整岗位",
              }),
        example: ["", "调整岗位"],
      },
    ],
  },
  young_cadres: {
    id: "young_cadres",
    zh: "雏雁行动",
    table: "young_cadres",
    key: ["region_code", "year"],
    region: { example: ["巴彦淖尔市", "150825"] },
    columns: [
      year,
      headcount("selected", "入选人数", "selected", "入选雏雁计划的人数", [120, 36]),
      headcount("trained", "参训人数", "trained", "参加培训的人数", [115, 30]),
      headcount(
        "frontline",
        "一线岗位锻炼人数",
        "frontline posts",
        "派到一线岗位锻炼的人数",
        [64, 18],
        ["一线锻炼人数"],
      ),
      headcount("promoted", "提拔使用人数", "promoted", "其中提拔使用的人数", [21, 5], ["提拔人数"]),
      {
        db: "under35_share",
        type: "numeric(5,2)",
        zh: "35岁以下占比",
        en: "share under 35",
        unit: "%",
        hint: "35 岁以下干部占比，0–100；可留空",
        required: false,
        parse: optional((c) => parseDecimal(c, { min: 0, max: 100 })),
        example: [18.5, ""],
      },
    ],
    checkRow: (row) => {
      const [selected, trained, frontline, promoted] = ["selected", "trained", "frontline", "promoted"].map((c) =>
        Number(row[c]),
      );
      if (trained > selected) return { column: "参训人数", message: "notMoreThan", values: { other: "入选人数" } };
      if (frontline > selected)
        return { column: "一线岗位锻炼人数", message: "notMoreThan", values: { other: "入选人数" } };
      if (promoted > selected) return { column: "提拔使用人数", message: "notMoreThan", values: { other: "入选人数" } };
      return null;
    },
  },
  selections: {
    id: "selections",
    zh: "好班子好干部",
    table: "selections",
    key: ["region_code", "year", "category", "name"],
    region: { example: ["巴彦淖尔市", "乌拉特后旗"] },
    columns: [
      year,
      {
        db: "category",
        type: "selection_category",
        zh: "类别",
        en: "category",
        hint: "评选类别",
        choices: selectionCategories,
        required: true,
        parse: required((c) =>
          parseChoice(c, selectionCategories, { 好班子: "干事创业好班子", 好干部: "担当作为好干部" }),
        ),
        example: ["干事创业好班子", "担当作为好干部"],
      },
      {
        db: "name",
        type: "text",
        zh: "名称",
        en: "name",
        hint: "班子名称，或干部姓名",
        aliases: ["班子或干部", "姓名"],
        required: true,
        // A cadre's name (担当作为好干部); a team's name is shown to all (db/queries/selections.ts).
        personal: true,
        parse: requiredText(100),
        example: ["乌拉特后旗工业和信息化局领导班子", "张三"],
      },
      {
        ...unit,
        required: false,
        parse: optional((c) => parseText(c, { max: 100 })),
        example: ["", "乌拉特后旗工业和信息化局"],
      },
      {
        db: "summary",
        type: "text",
        zh: "事迹摘要",
        en: "summary",
        hint: "主要事迹，最多 500 字；可留空",
        aliases: ["事迹"],
        required: false,
        parse: optional((c) => parseText(c, { max: 500 })),
        example: ["推动新型农药中间体项目当年投产", ""],
      },
    ],
  },
  routine_assessments: {
    id: "routine_assessments",
    zh: "平时考核",
    table: "routine_assessments",
    key: ["region_code", "year", "quarter", "contact_point"],
    region: { example: ["牙克石市", "150782"] },
    columns: [
      year,
      quarter,
      {
        db: "contact_point",
        type: "text",
        zh: "联系点",
        en: "contact point",
        hint: "平时考核联系点（单位）名称，最多 100 字",
        aliases: ["联系点单位"],
        required: true,
        parse: requiredText(100),
        example: ["牙克石市发展和改革委员会", "牙克石市人民医院"],
      },
      headcount("assessed", "参评人数", "assessed", "参加平时考核的公务员人数", [42, 28]),
      headcount("good", "好", "good", "评为“好”的人数", [14, 9], ["好等次"]),
      headcount("fairly_good", "较好", "fairly good", "评为“较好”的人数", [24, 16], ["较好等次"]),
      headcount("average", "一般", "average", "评为“一般”的人数", [4, 3], ["一般等次"]),
      headcount("poor", "较差", "poor", "评为“较差”的人数", [0, 0], ["较差等次"]),
      {
        db: "methods",
        type: "text",
        zh: "评价方式",
        en: "methods",
        hint: `采用的评价方式，可填多项，用顿号分隔：${assessmentMethods.join("、")}`,
        required: false,
        parse: optional((c) => parseChoices(c, assessmentMethods)),
        example: ["个人评、群众评、专班评", "内部评、外部评"],
      },
    ],
    checkRow: (row) => {
      const graded = ["good", "fairly_good", "average", "poor"].reduce((n, c) => n + Number(row[c]), 0);
      return graded > Number(row.assessed)
        ? { column: "参评人数", message: "gradesExceedAssessed", values: { graded } }
        : null;
    },
  },
  member_care: {
    id: "member_care",
    zh: "政治生日",
    table: "member_care",
    key: ["region_code", "year", "month", "unit"],
    region: { example: ["内蒙古自治区", "乌拉特后旗"] },
    columns: [
      year,
      {
        db: "month",
        type: "smallint",
        zh: "月份",
        en: "month",
        hint: "1–12，也可写 8月、八月",
        aliases: ["月"],
        required: true,
        parse: required(parseMonth),
        example: [12, "8月"],
      },
      {
        db: "unit",
        type: "text",
        zh: "党组织",
        en: "Party organisation",
        hint: "过政治生日的党组织（或单位）全称，最多 100 字",
        aliases: ["党组织名称", "单位", "所在单位", "organisation"],
        required: true,
        parse: requiredText(100),
        example: ["自治区人民政府办公厅机关党委", "乌拉特后旗工业和信息化局党支部"],
      },
      headcount(
        "due",
        "当月政治生日党员数",
        "members due",
        "入党月份为当月的党员人数",
        [18, 3],
        ["应过政治生日人数", "政治生日人数"],
      ),
      headcount(
        "celebrated",
        "已过政治生日人数",
        "members celebrated",
        "当月为其过了政治生日的党员人数",
        [18, 3],
        ["已过人数"],
      ),
      {
        db: "activity",
        type: "text",
        zh: "活动形式",
        en: "activity",
        hint: "如 重温入党誓词、赠送政治生日贺卡、集体过政治生日，最多 200 字；可留空",
        aliases: ["活动内容", "活动"],
        required: false,
        parse: optional((c) => parseText(c, { max: 200 })),
        example: ["集体过政治生日、重温入党誓词", "赠送政治生日贺卡"],
      },
    ],
    checkRow: (row) =>
      Number(row.celebrated) > Number(row.due)
        ? { column: "已过政治生日人数", message: "notMoreThan", values: { other: "当月政治生日党员数" } }
        : null,
  },
  organisations: {
    id: "organisations",
    zh: "基层党组织",
    table: "organisations",
    key: ["region_code", "name"],
    region: { example: ["乌拉特后旗", "乌拉特后旗"] },
    columns: [
      {
        db: "name",
        type: "text",
        zh: "组织名称",
        en: "organisation",
        hint: "党组织全称，最多 100 字；同一地区内唯一，再次上传即更新",
        aliases: ["党组织名称", "organization", "name"],
        required: true,
        parse: requiredText(100),
        example: ["中共宝力格嘎查支部委员会", "中共乌拉特后旗工业和信息化局机关支部委员会"],
      },
      {
        db: "type",
        type: "organisation_type",
        zh: "类型",
        en: "type",
        hint: "组织类型（也可写 基层委员会、总支部委员会、支部委员会）",
        aliases: ["组织类型"],
        choices: organisationTypes,
        required: true,
        parse: required((c) =>
          parseChoice(c, organisationTypes, {
            基层委员会: "党委",
            党的基层委员会: "党委",
            "党委/基层委员会": "党委",
            总支部委员会: "党总支",
            总支: "党总支",
            支部委员会: "党支部",
            支部: "党支部",
            联合党支部: "党支部",
            committee: "党委",
            "general branch": "党总支",
            branch: "党支部",
          }),
        ),
        example: ["党支部", "党支部"],
      },
      {
        db: "unit",
        type: "text",
        zh: "所在单位",
        en: "unit",
        hint: "党组织所在单位全称，最多 100 字；联合党支部写牵头单位",
        aliases: ["单位"],
        required: true,
        parse: requiredText(100),
        example: ["宝力格嘎查", "乌拉特后旗工业和信息化局"],
      },
      {
        db: "unit_type",
        type: "unit_type",
        zh: "单位类型",
        en: "unit type",
        hint: "所在单位的类型；农村/嘎查村、社区的党组织每届 5 年",
        choices: unitTypes,
        required: true,
        parse: required((c) =>
          parseChoice(c, unitTypes, {
            农村: "农村/嘎查村",
            嘎查村: "农村/嘎查村",
            嘎查: "农村/嘎查村",
            村: "农村/嘎查村",
          }),
        ),
        example: ["农村/嘎查村", "机关"],
      },
      {
        db: "township_code",
        type: "text",
        zh: "苏木乡镇",
        en: "township",
        hint: "所在苏木乡镇（街道）的全称或 9 位代码，须属于该行地区（旗县区）；可留空",
        aliases: ["乡镇", "苏木乡镇街道"],
        required: false,
        parse: optional((c) => parseText(c, { max: 50 })),
        example: ["巴音宝力格镇", ""],
      },
      {
        db: "village_code",
        type: "text",
        zh: "嘎查村/社区",
        en: "village or community",
        hint: "所在嘎查、村或社区的全称或 12 位代码，须属于该行地区（及所填苏木乡镇）；可留空",
        aliases: ["嘎查村", "村/社区", "嘎查村社区"],
        required: false,
        parse: optional((c) => parseText(c, { max: 50 })),
        example: ["宝力格嘎查", ""],
      },
      {
        db: "parent_organisation",
        type: "text",
        zh: "上级组织",
        en: "parent organisation",
        hint: "上级党组织名称，最多 100 字；可留空",
        aliases: ["上级党组织"],
        required: false,
        parse: optional((c) => parseText(c, { max: 100 })),
        example: ["中共巴音宝力格镇委员会", "中共乌拉特后旗直属机关工作委员会"],
      },
      {
        db: "members",
        type: "integer",
        zh: "正式党员人数",
        en: "full members",
        hint: "正式党员人数，0 或正整数（不含预备党员）",
        aliases: ["正式党员", "党员人数"],
        required: true,
        parse: required((c) => parseInteger(c, { max: 1_000_000 })),
        example: [36, 12],
      },
      {
        db: "elected_on",
        type: "date",
        zh: "本届选举日期",
        en: "elected on",
        hint: "本届委员会（书记）选举产生的日期，如 2021-03-15；届满日期按类型计算",
        aliases: ["选举日期", "换届日期"],
        required: true,
        parse: required(parseDate),
        example: ["2021-03-15", "2023/6/20"],
      },
      {
        db: "secretary",
        type: "text",
        zh: "书记",
        en: "secretary",
        hint: "书记姓名；可留空",
        aliases: ["书记姓名"],
        required: false,
        personal: true,
        parse: optional((c) => parseText(c, { max: 50 })),
        example: ["张三", "李四"],
      },
      {
        db: "secretary_approved_on",
        type: "date",
        zh: "书记批准日期",
        en: "secretary approved on",
        hint: "上级党组织批准书记的日期；可留空",
        required: false,
        parse: optional(parseDate),
        example: ["2021-03-30", ""],
      },
      {
        db: "adjustment",
        type: "term_adjustment",
        zh: "调整类型",
        en: "adjustment",
        hint: "经上级党组织批准的延期换届或提前换届；没有则留空",
        aliases: ["换届调整"],
        choices: termAdjustments,
        required: false,
        parse: optional((c) =>
          parseChoice(c, termAdjustments, { 延期: "延期换届", 提前: "提前换届", 推迟换届: "延期换届" }),
        ),
        example: ["", "延期换届"],
      },
      {
        db: "adjustment_reason",
        type: "text",
        zh: "调整原因",
        en: "adjustment reason",
        hint: "延期或提前换届的原因，最多 200 字；有调整类型时必填",
        required: false,
        parse: optional((c) => parseText(c, { max: 200 })),
        example: ["", "单位机构改革"],
      },
      {
        db: "adjustment_approver",
        type: "text",
        zh: "批准机关",
        en: "approved by",
        hint: "批准调整的上级党组织，最多 100 字；有调整类型时必填",
        required: false,
        parse: optional((c) => parseText(c, { max: 100 })),
        example: ["", "中共乌拉特后旗直属机关工作委员会"],
      },
      {
        db: "adjusted_ends_on",
        type: "date",
        zh: "调整后届满日期",
        en: "adjusted end",
        hint: "批准后的届满日期，距按期届满日期不超过 1 年；有调整类型时必填",
        required: false,
        parse: optional(parseDate),
        example: ["", "2027-03-20"],
      },
      {
        db: "joint_units",
        type: "text",
        zh: "联合单位",
        en: "joint units",
        hint: "联合党支部覆盖的单位及各自正式党员数，如 单位A:2、单位B:4；其和应等于正式党员人数；非联合党支部留空",
        aliases: ["联建单位"],
        required: false,
        parse: optional((c) => {
          const units = parseJointUnits(String(c));
          if (!units || units.length < 2) return { ok: false, message: "jointUnits" };
          return { ok: true, value: formatJointUnits(units) };
        }),
        example: ["", ""],
      },
    ],
    checkRow: (row): ReturnType<NonNullable<DatasetSpec["checkRow"]>> => {
      const joint = row.joint_units === null ? null : parseJointUnits(String(row.joint_units));
      const sum = joint?.reduce((n, u) => n + u.members, 0);
      if (sum !== undefined && sum !== Number(row.members))
        return { column: "联合单位", message: "jointUnitsSum", values: { sum, members: Number(row.members) } };
      const adjustment = row.adjustment as (typeof termAdjustments)[number] | null;
      const given = ["adjustment_reason", "adjustment_approver", "adjusted_ends_on"].some((c) => row[c] !== null);
      if (!adjustment) return given ? { column: "调整类型", message: "adjustmentTypeMissing" } : null;
      if (row.adjustment_reason === null) return { column: "调整原因", message: "requiredWithAdjustment" };
      if (row.adjustment_approver === null) return { column: "批准机关", message: "requiredWithAdjustment" };
      if (row.adjusted_ends_on === null) return { column: "调整后届满日期", message: "requiredWithAdjustment" };
      const computed = termEnd(
        String(row.elected_on),
        termYears(row.type as (typeof organisationTypes)[number], row.unit_type as (typeof unitTypes)[number]),
      );
      const problem = adjustmentProblem(computed, { type: adjustment, endsOn: String(row.adjusted_ends_on) });
      return problem ? { column: "调整后届满日期", message: `term.${problem}`, values: { end: computed } } : null;
    },
  },
  challenges: {
    id: "challenges",
    zh: "设榜",
    table: "challenges",
    key: ["code"],
    periodDate: "posted_on",
    region: { example: ["乌拉特后旗", "巴彦淖尔市"] },
    columns: [
      {
        db: "code",
        type: "text",
        zh: "榜单编号",
        en: "challenge code",
        hint: "榜单唯一编号，如 BD-150825-2023-001；同一编号再次上传即更新该榜单",
        aliases: ["编号", "code"],
        required: true,
        parse: requiredText(64),
        example: ["BD-150825-2023-001", "BD-150800-2023-002"],
      },
      {
        db: "industry_chain",
        type: "text",
        zh: "产业链",
        en: "industry chain",
        hint: "榜单所围绕的重点产业链，如 化工新材料",
        required: true,
        parse: requiredText(100),
        example: ["化工新材料", "农畜产品加工"],
      },
      {
        db: "title",
        type: "text",
        zh: "榜单名称",
        en: "title",
        hint: "榜单名称，最多 200 字",
        aliases: ["名称"],
        required: true,
        parse: requiredText(200),
        example: ["新型农药中间体项目招引", "肉羊精深加工项目招引"],
      },
      {
        db: "department",
        type: "text",
        zh: "发榜部门",
        en: "posting department",
        hint: "发榜的部门，最多 100 字；可留空",
        aliases: ["发榜单位"],
        required: false,
        parse: optional((c) => parseText(c, { max: 100 })),
        example: ["乌拉特后旗工业和信息化局", ""],
      },
      {
        db: "posted_on",
        type: "date",
        zh: "发榜日期",
        en: "date posted",
        hint: "日期，如 2023-06-15、2023/6/15 或 2023年6月15日",
        required: true,
        parse: required(parseDate),
        example: ["2023-06-15", "2023/3/1"],
      },
      {
        db: "target_investment",
        type: "numeric(14,2)",
        unit: "万元",
        zh: "目标投资",
        en: "target investment",
        hint: "万元，可有小数；可留空",
        required: false,
        parse: optional((c) => parseDecimal(c, { min: 0, max: 1e10 })),
        example: [12000, ""],
      },
      {
        db: "target_jobs",
        type: "integer",
        unit: "人",
        zh: "目标就业",
        en: "target jobs",
        hint: "人数，0 或正整数；可留空",
        required: false,
        parse: optional((c) => parseInteger(c, { max: 1_000_000 })),
        example: [150, ""],
      },
      {
        db: "status",
        type: "text",
        zh: "状态",
        en: "status",
        hint: "榜单状态",
        choices: challengeStatuses,
        required: true,
        parse: required((c) =>
          parseChoice(c, challengeStatuses, {
            open: "待揭榜",
            taken: "已揭榜",
            closed: "已关闭",
            揭榜: "已揭榜",
            关闭: "已关闭",
          }),
        ),
        example: ["已揭榜", "待揭榜"],
      },
    ],
  },
  applications: {
    id: "applications",
    zh: "揭榜申报",
    table: "applications",
    key: ["challenge_code", "applicant"],
    periodDate: "applied_on",
    references: [
      { column: "challenge_code", dataset: "challenges", key: "code" },
      { column: "project_code", dataset: "projects", key: "code" },
    ],
    region: { example: ["乌拉特后旗", "乌拉特后旗"] },
    columns: [
      {
        db: "challenge_code",
        type: "text",
        zh: "榜单编号",
        en: "challenge code",
        hint: "所揭榜单的编号，须已在“设榜”中上传",
        required: true,
        parse: requiredText(64),
        example: ["BD-150825-2023-001", "BD-150825-2023-001"],
      },
      {
        db: "applicant",
        type: "text",
        zh: "申报干部",
        en: "applicant",
        hint: "提交揭榜申报书的干部姓名",
        aliases: ["揭榜干部", "申报人"],
        required: true,
        personal: true,
        parse: requiredText(50),
        example: ["李四", "王五"],
      },
      {
        db: "applicant_unit",
        type: "text",
        zh: "干部单位",
        en: "cadre unit",
        hint: "申报干部所在单位；可留空",
        required: false,
        personal: true,
        parse: optional((c) => parseText(c, { max: 100 })),
        example: ["乌拉特后旗工业和信息化局", ""],
      },
      {
        db: "applied_on",
        type: "date",
        zh: "申报日期",
        en: "date applied",
        hint: "日期，如 2023-08-02、2023/8/2 或 2023年8月2日",
        required: true,
        parse: required(parseDate),
        example: ["2023-08-02", "2023/8/5"],
      },
      {
        db: "project_code",
        type: "text",
        zh: "项目编号",
        en: "project code",
        hint: "申报形成的项目编号；尚未形成项目可留空，填写的须已在“揭榜挂帅”中上传",
        required: false,
        parse: optional((c) => parseText(c, { max: 64 })),
        example: ["JB-150825-2023-101", ""],
      },
    ],
  },
  project_issues: {
    id: "project_issues",
    zh: "跟榜服务",
    table: "project_issues",
    key: ["project_code", "issue"],
    periodDate: "raised_on",
    references: [{ column: "project_code", dataset: "projects", key: "code" }],
    region: { example: ["乌拉特后旗", "乌拉特后旗"] },
    columns: [
      {
        db: "project_code",
        type: "text",
        zh: "项目编号",
        en: "project code",
        hint: "所服务项目的编号，须已在“揭榜挂帅”中上传",
        required: true,
        parse: requiredText(64),
        example: ["JB-150825-2023-101", "JB-150825-2023-101"],
      },
      {
        db: "issue",
        type: "text",
        zh: "问题",
        en: "issue",
        hint: "企业提出的问题，最多 200 字；同一项目同一问题再次上传即更新",
        aliases: ["问题事项", "提出问题"],
        required: true,
        parse: requiredText(200),
        example: ["项目用地审批", "融资担保"],
      },
      {
        db: "department",
        type: "text",
        zh: "责任部门",
        en: "responsible department",
        hint: "牵头解决的部门，最多 100 字；可留空",
        required: false,
        parse: optional((c) => parseText(c, { max: 100 })),
        example: ["乌拉特后旗自然资源局", "乌拉特后旗财政局"],
      },
      {
        db: "raised_on",
        type: "date",
        zh: "提出日期",
        en: "date raised",
        hint: "日期，如 2023-08-20",
        required: true,
        parse: required(parseDate),
        example: ["2023-08-20", "2023-09-01"],
      },
      {
        db: "solved_on",
        type: "date",
        zh: "解决日期",
        en: "date solved",
        hint: "日期；状态为已解决时必填，且不早于提出日期；待解决时留空",
        required: false,
        parse: optional(parseDate),
        example: ["2023-09-05", ""],
      },
      {
        db: "status",
        type: "text",
        zh: "状态",
        en: "status",
        hint: "问题状态",
        choices: issueStatuses,
        required: true,
        parse: required((c) =>
          parseChoice(c, issueStatuses, { open: "待解决", solved: "已解决", 解决: "已解决", 未解决: "待解决" }),
        ),
        example: ["已解决", "待解决"],
      },
    ],
    checkRow: (row) => {
      if (row.status === "已解决" && !row.solved_on) return { column: "解决日期", message: "solvedOnRequired" };
      if (row.status === "待解决" && row.solved_on) return { column: "解决日期", message: "solvedOnWhileOpen" };
      if (row.solved_on && String(row.solved_on) < String(row.raised_on))
        return { column: "解决日期", message: "notBefore", values: { other: "提出日期" } };
      return null;
    },
  },
  project_evaluations: {
    id: "project_evaluations",
    zh: "评榜",
    table: "project_evaluations",
    key: ["project_code", "year"],
    references: [{ column: "project_code", dataset: "projects", key: "code" }],
    region: { example: ["乌拉特后旗", "乌拉特后旗"] },
    columns: [
      {
        db: "project_code",
        type: "text",
        zh: "项目编号",
        en: "project code",
        hint: "所评项目的编号，须已在“揭榜挂帅”中上传",
        required: true,
        parse: requiredText(64),
        example: ["JB-150825-2023-101", "JB-150825-2023-102"],
      },
      year,
      {
        db: "grade",
        type: "text",
        zh: "等次",
        en: "grade",
        hint: "评榜等次",
        choices: projectGrades,
        required: true,
        parse: required((c) =>
          parseChoice(c, projectGrades, { excellent: "优秀", good: "良好", fair: "一般", poor: "较差", 差: "较差" }),
        ),
        example: ["优秀", "良好"],
      },
      {
        db: "incentive",
        type: "text",
        zh: "激励运用",
        en: "use",
        hint: "评榜结果的运用（赛场选马）；留空表示无",
        aliases: ["结果运用", "激励"],
        choices: projectUses,
        required: false,
        parse: (c) =>
          isBlank(c)
            ? { ok: true, value: "无" }
            : parseChoice(c, projectUses, { 提拔: "提拔使用", 晋升: "晋升职级", 评优: "评优评先", 表扬: "通报表扬" }),
        example: ["提拔使用", ""],
      },
      {
        db: "evaluator",
        type: "text",
        zh: "评价单位",
        en: "evaluator",
        hint: "作出评价的单位，最多 100 字；可留空",
        required: false,
        parse: optional((c) => parseText(c, { max: 100 })),
        example: ["巴彦淖尔市委组织部", ""],
      },
    ],
  },
};

/** Every column a write sets besides the key: the region too, where the key does not hold it (a project's code). */
export function writtenColumns(spec: DatasetSpec): string[] {
  return [
    ...(spec.key.includes("region_code") ? [] : ["region_code"]),
    ...spec.columns.map((c) => c.db).filter((c) => !spec.key.includes(c)),
  ];
}

/** The exact type of a column of the dataset's table: one of its columns, or the region's code. */
export function columnType(spec: DatasetSpec, db: string): ColumnType {
  if (db === "region_code") return "text";
  const column = spec.columns.find((c) => c.db === db);
  if (!column) throw new Error(`${spec.id} has no column ${db}`);
  return column.type;
}

/** Header spellings of the region columns. */
export const REGION_HEADERS = {
  region: {
    zh: "地区",
    en: "region",
    aliases: ["地区名称", "地区代码", "区域", "行政区划"],
    hint: "地区代码或名称，如 150825、乌拉特后旗、乌后旗；也可分为“盟市”“旗县区”两列",
  },
  league: { zh: "盟市", en: "league", aliases: ["盟/市", "市", "盟"] },
  banner: { zh: "旗县区", en: "banner", aliases: ["旗县", "旗/县/区", "旗县(市、区)", "旗县市区"] },
};

/** Where the region column sits, as the contract lists it: after the name for projects, first elsewhere. */
const regionPosition = (spec: DatasetSpec) => (spec.id === "projects" ? 2 : 0);

function withRegion<T>(spec: DatasetSpec, cells: T[], region: T): T[] {
  const all = [...cells];
  all.splice(regionPosition(spec), 0, region);
  return all;
}

/** The template's header row, as the contract writes it. */
export function templateHeaders(spec: DatasetSpec): string[] {
  const headers = spec.columns.map((c) => (c.unit ? `${c.zh}（${c.unit}）` : c.zh));
  return withRegion(spec, headers, REGION_HEADERS.region.zh);
}

/** The template's two example rows, in the order of templateHeaders (shown on its instructions sheet only). */
export function templateRows(spec: DatasetSpec): Cell[][] {
  return [0, 1].map((i) =>
    withRegion(
      spec,
      spec.columns.map((c) => c.example[i]),
      spec.region.example[i],
    ),
  );
}

/** What each column of templateHeaders takes, for the instructions sheet. */
export function templateColumns(
  spec: DatasetSpec,
): { header: string; required: boolean; hint: string; choices?: readonly string[] }[] {
  const headers = templateHeaders(spec);
  const columns = spec.columns.map((c) => ({
    required: c.required,
    hint: c.choices ? `${c.hint}：${c.choices.join("、")}` : c.hint,
    choices: c.choices,
  }));
  const region = { required: true, hint: REGION_HEADERS.region.hint };
  return withRegion(spec, columns, region).map((c, i) => ({ header: headers[i], ...c }));
}
