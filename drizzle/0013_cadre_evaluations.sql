CREATE TYPE "public"."evaluation_conclusion" AS ENUM('优秀', '称职', '基本称职', '不称职');--> statement-breakpoint
CREATE TYPE "public"."evaluation_kind" AS ENUM('日常', '实干型专项');--> statement-breakpoint
CREATE TYPE "public"."job_fit_action" AS ENUM('无', '提醒谈话', '调整岗位', '免职/降职');--> statement-breakpoint
CREATE TYPE "public"."job_fit_grade" AS ENUM('适岗', '基本适岗', '不适岗');--> statement-breakpoint
CREATE TYPE "public"."selection_category" AS ENUM('干事创业好班子', '担当作为好干部');--> statement-breakpoint
ALTER TYPE "public"."dataset" ADD VALUE 'evaluations';--> statement-breakpoint
ALTER TYPE "public"."dataset" ADD VALUE 'job_fit';--> statement-breakpoint
ALTER TYPE "public"."dataset" ADD VALUE 'young_cadres';--> statement-breakpoint
ALTER TYPE "public"."dataset" ADD VALUE 'selections';--> statement-breakpoint
ALTER TYPE "public"."dataset" ADD VALUE 'routine_assessments';--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"batch_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint,
	"cadre" text NOT NULL,
	"post" text,
	"unit" text NOT NULL,
	"political" numeric(5, 2),
	"effectiveness" numeric(5, 2),
	"role" numeric(5, 2),
	"frontline" numeric(5, 2),
	"conduct" numeric(5, 2),
	"satisfaction" numeric(5, 2),
	"assessors" integer,
	"conclusion" "evaluation_conclusion" NOT NULL,
	"kind" "evaluation_kind" NOT NULL,
	CONSTRAINT "evaluations_natural_key" UNIQUE NULLS NOT DISTINCT("region_code","year","quarter","cadre","unit"),
	CONSTRAINT "evaluations_year_range" CHECK ("evaluations"."year" between 2000 and 2100),
	CONSTRAINT "evaluations_quarter_range" CHECK ("evaluations"."quarter" between 1 and 4),
	CONSTRAINT "evaluations_political_range" CHECK ("evaluations"."political" between 0 and 100),
	CONSTRAINT "evaluations_effectiveness_range" CHECK ("evaluations"."effectiveness" between 0 and 100),
	CONSTRAINT "evaluations_role_range" CHECK ("evaluations"."role" between 0 and 100),
	CONSTRAINT "evaluations_frontline_range" CHECK ("evaluations"."frontline" between 0 and 100),
	CONSTRAINT "evaluations_conduct_range" CHECK ("evaluations"."conduct" between 0 and 100),
	CONSTRAINT "evaluations_satisfaction_range" CHECK ("evaluations"."satisfaction" between 0 and 100),
	CONSTRAINT "evaluations_assessors_non_negative" CHECK ("evaluations"."assessors" >= 0),
	CONSTRAINT "evaluations_cadre_not_blank" CHECK (length(btrim("evaluations"."cadre")) > 0)
);
--> statement-breakpoint
CREATE TABLE "job_fit" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_fit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"batch_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" smallint NOT NULL,
	"cadre" text NOT NULL,
	"post" text,
	"unit" text NOT NULL,
	"index" numeric(5, 2) NOT NULL,
	"grade" "job_fit_grade" NOT NULL,
	"action" "job_fit_action" NOT NULL,
	CONSTRAINT "job_fit_natural_key" UNIQUE("region_code","year","cadre","unit"),
	CONSTRAINT "job_fit_year_range" CHECK ("job_fit"."year" between 2000 and 2100),
	CONSTRAINT "job_fit_index_range" CHECK ("job_fit"."index" between 0 and 100),
	CONSTRAINT "job_fit_cadre_not_blank" CHECK (length(btrim("job_fit"."cadre")) > 0)
);
--> statement-breakpoint
CREATE TABLE "routine_assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "routine_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"batch_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"contact_point" text NOT NULL,
	"assessed" integer NOT NULL,
	"good" integer NOT NULL,
	"fairly_good" integer NOT NULL,
	"average" integer NOT NULL,
	"poor" integer NOT NULL,
	"methods" text,
	CONSTRAINT "routine_assessments_natural_key" UNIQUE("region_code","year","quarter","contact_point"),
	CONSTRAINT "routine_assessments_year_range" CHECK ("routine_assessments"."year" between 2000 and 2100),
	CONSTRAINT "routine_assessments_quarter_range" CHECK ("routine_assessments"."quarter" between 1 and 4),
	CONSTRAINT "routine_assessments_assessed_non_negative" CHECK ("routine_assessments"."assessed" >= 0),
	CONSTRAINT "routine_assessments_good_non_negative" CHECK ("routine_assessments"."good" >= 0),
	CONSTRAINT "routine_assessments_fairly_good_non_negative" CHECK ("routine_assessments"."fairly_good" >= 0),
	CONSTRAINT "routine_assessments_average_non_negative" CHECK ("routine_assessments"."average" >= 0),
	CONSTRAINT "routine_assessments_poor_non_negative" CHECK ("routine_assessments"."poor" >= 0),
	CONSTRAINT "routine_assessments_grades_within_assessed" CHECK ("routine_assessments"."good" + "routine_assessments"."fairly_good" + "routine_assessments"."average" + "routine_assessments"."poor" <= "routine_assessments"."assessed"),
	CONSTRAINT "routine_assessments_contact_point_not_blank" CHECK (length(btrim("routine_assessments"."contact_point")) > 0)
);
--> statement-breakpoint
CREATE TABLE "selections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "selections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"batch_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" smallint NOT NULL,
	"category" "selection_category" NOT NULL,
	"name" text NOT NULL,
	"unit" text,
	"summary" text,
	CONSTRAINT "selections_natural_key" UNIQUE("region_code","year","category","name"),
	CONSTRAINT "selections_year_range" CHECK ("selections"."year" between 2000 and 2100),
	CONSTRAINT "selections_name_not_blank" CHECK (length(btrim("selections"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "young_cadres" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "young_cadres_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"batch_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" smallint NOT NULL,
	"selected" integer NOT NULL,
	"trained" integer NOT NULL,
	"frontline" integer NOT NULL,
	"promoted" integer NOT NULL,
	"under35_share" numeric(5, 2),
	CONSTRAINT "young_cadres_natural_key" UNIQUE("region_code","year"),
	CONSTRAINT "young_cadres_year_range" CHECK ("young_cadres"."year" between 2000 and 2100),
	CONSTRAINT "young_cadres_selected_non_negative" CHECK ("young_cadres"."selected" >= 0),
	CONSTRAINT "young_cadres_trained_non_negative" CHECK ("young_cadres"."trained" >= 0),
	CONSTRAINT "young_cadres_frontline_non_negative" CHECK ("young_cadres"."frontline" >= 0),
	CONSTRAINT "young_cadres_promoted_non_negative" CHECK ("young_cadres"."promoted" >= 0),
	CONSTRAINT "young_cadres_under35_share_range" CHECK ("young_cadres"."under35_share" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "reporting_periods" DROP CONSTRAINT "reporting_periods_quarter";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "personnel" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_fit" ADD CONSTRAINT "job_fit_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_fit" ADD CONSTRAINT "job_fit_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_assessments" ADD CONSTRAINT "routine_assessments_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_assessments" ADD CONSTRAINT "routine_assessments_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selections" ADD CONSTRAINT "selections_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selections" ADD CONSTRAINT "selections_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "young_cadres" ADD CONSTRAINT "young_cadres_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "young_cadres" ADD CONSTRAINT "young_cadres_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluations_year_region_idx" ON "evaluations" USING btree ("year","region_code");--> statement-breakpoint
CREATE INDEX "job_fit_year_region_idx" ON "job_fit" USING btree ("year","region_code");--> statement-breakpoint
CREATE INDEX "routine_assessments_year_region_idx" ON "routine_assessments" USING btree ("year","region_code");--> statement-breakpoint
CREATE INDEX "selections_year_region_idx" ON "selections" USING btree ("year","region_code");--> statement-breakpoint
CREATE INDEX "young_cadres_year_region_idx" ON "young_cadres" USING btree ("year","region_code");--> statement-breakpoint
ALTER TABLE "reporting_periods" ADD CONSTRAINT "reporting_periods_quarter" CHECK (("reporting_periods"."quarter" is null) = ("reporting_periods"."dataset"::text not in ('promotions', 'adjustments', 'routine_assessments')) and ("reporting_periods"."quarter" is null or "reporting_periods"."quarter" between 1 and 4));