import {
  type Cell,
  isBlank,
  type Parsed,
  parseChoice,
  parseDate,
  parseDecimal,
  parseInteger,
  parseQuarter,
  parseText,
  parseYear,
} from "@/lib/cells";
import { adjustmentTypes, arenaLevels, type Dataset, projectStages, promotionFields } from "@/lib/contract";

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
  | "adjustment_type";

export type DatasetSpec = {
  id: Dataset;
  zh: string;
  table: string;
  /** Natural key columns (database names), region first where there is one. */
  key: string[];
  columns: Column[];
  /** Whether the file names a region (every dataset does; projects too). */
  region: { example: [string, string] };
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
    ],
  },
  projects: {
    id: "projects",
    zh: "揭榜挂帅",
    table: "projects",
    key: ["code"],
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
  const headers = spec.columns.map((c) =>
    c.db === "planned_investment" || c.db === "funds_in_place" ? `${c.zh}（万元）` : c.zh,
  );
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
