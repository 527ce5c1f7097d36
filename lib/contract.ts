/**
 * The data contract's enumerations (docs/data-contract.md §4). Labels are the contract's Chinese values, so
 * the database, the upload files and the JSON API all speak the same words. No database code
 * here: the browser needs these lists too.
 */
export const promotionFields = ["乡村振兴", "招商引资", "基层治理", "防沙治沙", "其他一线", "非一线"] as const;
export type PromotionField = (typeof promotionFields)[number];
/** Every field but 非一线 is a frontline field. */
export const frontlineFields = promotionFields.filter((f) => f !== "非一线");

export const arenaLevels = ["旗县区", "市直部门", "苏木乡镇", "街道", "社区", "嘎查村"] as const;
export type ArenaLevel = (typeof arenaLevels)[number];

export const projectStages = ["已揭榜", "已对接", "已签约", "已立项", "已落地", "已投产"] as const;
export type ProjectStage = (typeof projectStages)[number];

export const adjustmentTypes = ["免职", "降职", "调离", "恢复任职", "提拔重用"] as const;
export type AdjustmentType = (typeof adjustmentTypes)[number];

/** 五看一测: the conclusion of an evaluation, and whether it was the daily one or a 实干型 special assessment. */
export const evaluationConclusions = ["优秀", "称职", "基本称职", "不称职"] as const;
export type EvaluationConclusion = (typeof evaluationConclusions)[number];
export const evaluationKinds = ["日常", "实干型专项"] as const;
export type EvaluationKind = (typeof evaluationKinds)[number];
/** The five dimensions looked at, as the evaluation's columns (and the database's) name them. */
export const evaluationDimensions = ["政治表现", "实干实效", "作用发挥", "一线作为", "作风形象"] as const;
/** A dimension may be given as a grade: the score it stands for (docs/data-contract.md §4.6). */
export const dimensionGrades = { 好: 90, 较好: 80, 一般: 70, 差: 50 } as const;

/** 适岗指数: the grade of the index, and what followed (the last two are 能上能下 adjustments). */
export const jobFitGrades = ["适岗", "基本适岗", "不适岗"] as const;
export type JobFitGrade = (typeof jobFitGrades)[number];
export const jobFitActions = ["无", "提醒谈话", "调整岗位", "免职/降职"] as const;
export type JobFitAction = (typeof jobFitActions)[number];

export const selectionCategories = ["干事创业好班子", "担当作为好干部"] as const;
export type SelectionCategory = (typeof selectionCategories)[number];

/** 公务员平时考核: the grades counted, and the ways a contact point assesses (any of them). */
export const routineGrades = ["好", "较好", "一般", "较差"] as const;
export const assessmentMethods = ["个人评", "群众评", "专班评", "内部评", "外部评"] as const;

/** The evaluation and development datasets of the "1+10" system (docs/data-contract.md §4.6). */
export const cadreDatasets = ["evaluations", "job_fit", "young_cadres", "selections", "routine_assessments"] as const;

/** 政治生日: Party-member care per unit and month (docs/data-contract.md §4.7). */
export const careDatasets = ["member_care"] as const;
/** 基层党组织 (docs/data-contract.md §4.8): the kinds of a basic-level organisation and of the unit it sits in. */
export const organisationTypes = ["党委", "党总支", "党支部"] as const;
export type OrganisationType = (typeof organisationTypes)[number];
export const unitTypes = [
  "机关",
  "企业",
  "农村/嘎查村",
  "社区",
  "学校",
  "医院",
  "科研院所",
  "社会组织",
  "其他",
] as const;
export type UnitType = (typeof unitTypes)[number];
/** An approved change of the term's end: an extension (延期换届) or an early election (提前换届). */
export const termAdjustments = ["延期换届", "提前换届"] as const;
export type TermAdjustment = (typeof termAdjustments)[number];
/** 揭榜挂帅 as a cycle (docs/data-contract.md §4.9): 设榜 → 揭榜 → (projects) → 跟榜 → 评榜. */
export const cycleDatasets = ["challenges", "applications", "project_issues", "project_evaluations"] as const;
export const challengeStatuses = ["待揭榜", "已揭榜", "已关闭"] as const;
export type ChallengeStatus = (typeof challengeStatuses)[number];
export const issueStatuses = ["待解决", "已解决"] as const;
export type IssueStatus = (typeof issueStatuses)[number];
/** 评榜: the grade of a project's yearly evaluation, and the use made of it (赛场选马). */
export const projectGrades = ["优秀", "良好", "一般", "较差"] as const;
export type ProjectGrade = (typeof projectGrades)[number];
export const projectUses = ["提拔使用", "晋升职级", "评优评先", "通报表扬", "无"] as const;
export type ProjectUse = (typeof projectUses)[number];

export const datasets = [
  "promotions",
  "arena",
  "projects",
  "adjustments",
  "indicators",
  ...cadreDatasets,
  ...careDatasets,
  "organisations",
  ...cycleDatasets,
] as const;
export type Dataset = (typeof datasets)[number];

/**
 * Registers: the current state of a standing record (an organisation and its term), kept up to date
 * whenever it changes, not reported per period. They have no reporting periods, no place on the
 * reporting board and are never submitted for review; an upload publishes at once.
 */
export const registerDatasets = ["organisations"] as const satisfies readonly Dataset[];
export const isRegisterDataset = (d: Dataset) => (registerDatasets as readonly Dataset[]).includes(d);
/** The datasets reported per period (a quarter or a year). */
export const reportedDatasets: readonly Dataset[] = datasets.filter((d) => !isRegisterDataset(d));

/** Reported each quarter; the others once a year (docs/data-contract.md §3). */
export const quarterlyDatasets = [
  "promotions",
  "adjustments",
  "routine_assessments",
  "member_care",
] as const satisfies readonly Dataset[];
export const isQuarterlyDataset = (d: Dataset) => (quarterlyDatasets as readonly Dataset[]).includes(d);

/** The reporting board's columns, in order: the quarterly reports first of each system. */
export const boardDatasets = [
  "promotions",
  "adjustments",
  "arena",
  "projects",
  "indicators",
  ...cadreDatasets,
  ...careDatasets,
] as const satisfies readonly Dataset[];

/** Datasets of people's evaluations: named records only for the personnel permission (lib/auth/permissions.ts). */
export const personnelDatasets = ["evaluations", "job_fit"] as const satisfies readonly Dataset[];
export const isPersonnelDataset = (d: Dataset) => (personnelDatasets as readonly Dataset[]).includes(d);
/** A group of fewer people is not shown as a distribution or a mean: it would identify them. */
export const MIN_GROUP = 3;
