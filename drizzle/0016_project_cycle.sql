ALTER TYPE "public"."dataset" ADD VALUE 'challenges';--> statement-breakpoint
ALTER TYPE "public"."dataset" ADD VALUE 'applications';--> statement-breakpoint
ALTER TYPE "public"."dataset" ADD VALUE 'project_issues';--> statement-breakpoint
ALTER TYPE "public"."dataset" ADD VALUE 'project_evaluations';--> statement-breakpoint
CREATE TABLE "applications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"batch_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"challenge_code" text NOT NULL,
	"applicant" text NOT NULL,
	"applicant_unit" text,
	"applied_on" date NOT NULL,
	"project_code" text,
	CONSTRAINT "applications_natural_key" UNIQUE("challenge_code","applicant")
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "challenges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"batch_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"industry_chain" text NOT NULL,
	"title" text NOT NULL,
	"department" text,
	"posted_on" date NOT NULL,
	"target_investment" numeric(14, 2),
	"target_jobs" integer,
	"status" text NOT NULL,
	CONSTRAINT "challenges_natural_key" UNIQUE("code"),
	CONSTRAINT "challenges_code_not_blank" CHECK (length(btrim("challenges"."code")) > 0),
	CONSTRAINT "challenges_status_valid" CHECK ("challenges"."status" in ('待揭榜', '已揭榜', '已关闭')),
	CONSTRAINT "challenges_target_investment_non_negative" CHECK ("challenges"."target_investment" >= 0),
	CONSTRAINT "challenges_target_jobs_non_negative" CHECK ("challenges"."target_jobs" >= 0)
);
--> statement-breakpoint
CREATE TABLE "project_evaluations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_evaluations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"batch_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"project_code" text NOT NULL,
	"year" smallint NOT NULL,
	"grade" text NOT NULL,
	"incentive" text NOT NULL,
	"evaluator" text,
	CONSTRAINT "project_evaluations_natural_key" UNIQUE("project_code","year"),
	CONSTRAINT "project_evaluations_year_range" CHECK ("project_evaluations"."year" between 2000 and 2100),
	CONSTRAINT "project_evaluations_grade_valid" CHECK ("project_evaluations"."grade" in ('优秀', '良好', '一般', '较差')),
	CONSTRAINT "project_evaluations_incentive_valid" CHECK ("project_evaluations"."incentive" in ('提拔使用', '晋升职级', '评优评先', '通报表扬', '无'))
);
--> statement-breakpoint
CREATE TABLE "project_issues" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_issues_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"batch_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"project_code" text NOT NULL,
	"issue" text NOT NULL,
	"department" text,
	"raised_on" date NOT NULL,
	"solved_on" date,
	"status" text NOT NULL,
	CONSTRAINT "project_issues_natural_key" UNIQUE("project_code","issue"),
	CONSTRAINT "project_issues_status_valid" CHECK ("project_issues"."status" in ('待解决', '已解决')),
	CONSTRAINT "project_issues_solved" CHECK (("project_issues"."status" = '已解决') = ("project_issues"."solved_on" is not null) and ("project_issues"."solved_on" is null or "project_issues"."solved_on" >= "project_issues"."raised_on"))
);
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_evaluations" ADD CONSTRAINT "project_evaluations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_evaluations" ADD CONSTRAINT "project_evaluations_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_issues" ADD CONSTRAINT "project_issues_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_issues" ADD CONSTRAINT "project_issues_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_region_idx" ON "applications" USING btree ("region_code","applied_on");--> statement-breakpoint
CREATE INDEX "applications_project_idx" ON "applications" USING btree ("project_code");--> statement-breakpoint
CREATE INDEX "challenges_region_idx" ON "challenges" USING btree ("region_code","posted_on");--> statement-breakpoint
CREATE INDEX "project_evaluations_region_idx" ON "project_evaluations" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "project_issues_region_idx" ON "project_issues" USING btree ("region_code","raised_on");