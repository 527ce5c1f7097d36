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

export const datasets = ["promotions", "arena", "projects", "adjustments", "indicators"] as const;
export type Dataset = (typeof datasets)[number];
