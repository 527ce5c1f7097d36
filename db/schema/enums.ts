import { pgEnum } from "drizzle-orm/pg-core";
import {
  adjustmentTypes,
  arenaLevels,
  datasets,
  evaluationConclusions,
  evaluationKinds,
  jobFitActions,
  jobFitGrades,
  organisationTypes,
  projectStages,
  promotionFields,
  selectionCategories,
  termAdjustments,
  unitTypes,
} from "@/lib/contract";

export * from "@/lib/contract";

export const regionLevels = ["autonomous_region", "prefecture", "county", "functional_zone", "township"] as const;
export const regionLevel = pgEnum("region_level", regionLevels);
export type RegionLevel = (typeof regionLevels)[number];

export const promotionField = pgEnum("promotion_field", promotionFields);
export const arenaLevel = pgEnum("arena_level", arenaLevels);
export const projectStage = pgEnum("project_stage", projectStages);
export const adjustmentType = pgEnum("adjustment_type", adjustmentTypes);
export const dataset = pgEnum("dataset", datasets);
export const evaluationConclusion = pgEnum("evaluation_conclusion", evaluationConclusions);
export const evaluationKind = pgEnum("evaluation_kind", evaluationKinds);
export const jobFitGrade = pgEnum("job_fit_grade", jobFitGrades);
export const jobFitAction = pgEnum("job_fit_action", jobFitActions);
export const selectionCategory = pgEnum("selection_category", selectionCategories);
export const organisationType = pgEnum("organisation_type", organisationTypes);
export const unitType = pgEnum("unit_type", unitTypes);
export const termAdjustment = pgEnum("term_adjustment", termAdjustments);

/** Where a batch came from: the web upload, the API, the import command, or the demo seed. */
export const batchSources = ["web", "api", "cli", "demo"] as const;
export const batchSource = pgEnum("batch_source", batchSources);

export const batchStatuses = ["committed", "undone"] as const;
export const batchStatus = pgEnum("batch_status", batchStatuses);
