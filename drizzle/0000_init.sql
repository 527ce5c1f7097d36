CREATE TYPE "public"."adjustment_type" AS ENUM('免职', '降职', '调离', '恢复任职', '提拔重用');--> statement-breakpoint
CREATE TYPE "public"."arena_level" AS ENUM('旗县区', '市直部门', '苏木乡镇', '街道', '社区', '嘎查村');--> statement-breakpoint
CREATE TYPE "public"."batch_source" AS ENUM('web', 'api', 'cli', 'demo');--> statement-breakpoint
CREATE TYPE "public"."batch_status" AS ENUM('committed', 'undone');--> statement-breakpoint
CREATE TYPE "public"."dataset" AS ENUM('promotions', 'arena', 'projects', 'adjustments', 'indicators');--> statement-breakpoint
CREATE TYPE "public"."project_stage" AS ENUM('已揭榜', '已对接', '已签约', '已立项', '已落地', '已投产');--> statement-breakpoint
CREATE TYPE "public"."promotion_field" AS ENUM('乡村振兴', '招商引资', '基层治理', '防沙治沙', '其他一线', '非一线');--> statement-breakpoint
CREATE TYPE "public"."region_level" AS ENUM('autonomous_region', 'prefecture', 'county', 'functional_zone', 'township');--> statement-breakpoint
CREATE TABLE "adjustments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "adjustments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"batch_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"type" "adjustment_type" NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "adjustments_natural_key" UNIQUE("region_code","year","quarter","type"),
	CONSTRAINT "adjustments_year_range" CHECK ("adjustments"."year" between 2000 and 2100),
	CONSTRAINT "adjustments_quarter_range" CHECK ("adjustments"."quarter" between 1 and 4),
	CONSTRAINT "adjustments_count_non_negative" CHECK ("adjustments"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "arena_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "arena_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"batch_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" smallint NOT NULL,
	"level" "arena_level" NOT NULL,
	"organisation" text NOT NULL,
	"secretary" text,
	"score" numeric(5, 2),
	"rank" integer,
	"award" text,
	CONSTRAINT "arena_entries_natural_key" UNIQUE("region_code","year","level","organisation"),
	CONSTRAINT "arena_entries_year_range" CHECK ("arena_entries"."year" between 2000 and 2100),
	CONSTRAINT "arena_entries_score_range" CHECK ("arena_entries"."score" between 0 and 100),
	CONSTRAINT "arena_entries_rank_positive" CHECK ("arena_entries"."rank" >= 1),
	CONSTRAINT "arena_entries_organisation_not_blank" CHECK (length(btrim("arena_entries"."organisation")) > 0)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"ip" text,
	"region_code" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upload_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "upload_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dataset" "dataset" NOT NULL,
	"source" "batch_source" NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rows" integer NOT NULL,
	"inserted" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"status" "batch_status" DEFAULT 'committed' NOT NULL,
	"undone_at" timestamp with time zone,
	CONSTRAINT "upload_batches_counts" CHECK ("upload_batches"."rows" >= 0 and "upload_batches"."inserted" >= 0 and "upload_batches"."updated" >= 0 and "upload_batches"."unchanged" >= 0)
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"batch_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint,
	"indicator" text NOT NULL,
	"value" numeric(18, 4) NOT NULL,
	"unit" text NOT NULL,
	"target" numeric(18, 4),
	"rank" integer,
	CONSTRAINT "indicators_natural_key" UNIQUE NULLS NOT DISTINCT("region_code","year","quarter","indicator"),
	CONSTRAINT "indicators_year_range" CHECK ("indicators"."year" between 2000 and 2100),
	CONSTRAINT "indicators_quarter_range" CHECK ("indicators"."quarter" between 1 and 4),
	CONSTRAINT "indicators_rank_positive" CHECK ("indicators"."rank" >= 1),
	CONSTRAINT "indicators_indicator_not_blank" CHECK (length(btrim("indicators"."indicator")) > 0)
);
--> statement-breakpoint
CREATE TABLE "project_stage_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_stage_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"stage" "project_stage" NOT NULL,
	"reached_on" date NOT NULL,
	CONSTRAINT "project_stage_events_natural_key" UNIQUE("project_id","stage")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"batch_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"industry_chain" text,
	"lead_cadre" text NOT NULL,
	"cadre_unit" text,
	"taken_on" date NOT NULL,
	"stage" "project_stage" NOT NULL,
	"planned_investment" numeric(14, 2),
	"funds_in_place" numeric(14, 2),
	CONSTRAINT "projects_natural_key" UNIQUE("code"),
	CONSTRAINT "projects_code_not_blank" CHECK (length(btrim("projects"."code")) > 0),
	CONSTRAINT "projects_planned_investment_non_negative" CHECK ("projects"."planned_investment" >= 0),
	CONSTRAINT "projects_funds_in_place_non_negative" CHECK ("projects"."funds_in_place" >= 0)
);
--> statement-breakpoint
CREATE TABLE "promotions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "promotions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"batch_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"field" "promotion_field" NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "promotions_natural_key" UNIQUE("region_code","year","quarter","field"),
	CONSTRAINT "promotions_year_range" CHECK ("promotions"."year" between 2000 and 2100),
	CONSTRAINT "promotions_quarter_range" CHECK ("promotions"."quarter" between 1 and 4),
	CONSTRAINT "promotions_count_non_negative" CHECK ("promotions"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"level" "region_level" NOT NULL,
	"kind_zh" text NOT NULL,
	"parent_code" text,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"ancestors" text[] NOT NULL,
	"valid_from" date,
	"valid_to" date,
	CONSTRAINT "regions_code_format" CHECK ("regions"."code" ~ '^[0-9]{6}([0-9]{3})?$'),
	CONSTRAINT "regions_root_has_no_parent" CHECK (("regions"."level" = 'autonomous_region') = ("regions"."parent_code" is null)),
	CONSTRAINT "regions_validity" CHECK ("regions"."valid_to" is null or "regions"."valid_from" is null or "regions"."valid_to" > "regions"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "adjustments" ADD CONSTRAINT "adjustments_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustments" ADD CONSTRAINT "adjustments_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arena_entries" ADD CONSTRAINT "arena_entries_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arena_entries" ADD CONSTRAINT "arena_entries_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_events" ADD CONSTRAINT "project_stage_events_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adjustments_year_region_idx" ON "adjustments" USING btree ("year","region_code");--> statement-breakpoint
CREATE INDEX "arena_entries_year_region_idx" ON "arena_entries" USING btree ("year","region_code");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor","at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "upload_batches_created_idx" ON "upload_batches" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "indicators_year_region_idx" ON "indicators" USING btree ("year","region_code");--> statement-breakpoint
CREATE INDEX "project_stage_events_reached_idx" ON "project_stage_events" USING btree ("reached_on");--> statement-breakpoint
CREATE INDEX "projects_region_idx" ON "projects" USING btree ("region_code","taken_on");--> statement-breakpoint
CREATE INDEX "projects_taken_on_idx" ON "projects" USING btree ("taken_on");--> statement-breakpoint
CREATE INDEX "promotions_year_region_idx" ON "promotions" USING btree ("year","region_code");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "regions_ancestors_idx" ON "regions" USING gin ("ancestors");