CREATE TYPE "public"."organisation_type" AS ENUM('党委', '党总支', '党支部');--> statement-breakpoint
CREATE TYPE "public"."term_adjustment" AS ENUM('延期换届', '提前换届');--> statement-breakpoint
CREATE TYPE "public"."unit_type" AS ENUM('机关', '企业', '农村/嘎查村', '社区', '学校', '医院', '科研院所', '社会组织', '其他');--> statement-breakpoint
ALTER TYPE "public"."dataset" ADD VALUE 'organisations';--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organisations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"batch_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"type" "organisation_type" NOT NULL,
	"unit" text NOT NULL,
	"unit_type" "unit_type" NOT NULL,
	"township_code" text,
	"village_code" text,
	"parent_organisation" text,
	"members" integer NOT NULL,
	"elected_on" date NOT NULL,
	"secretary" text,
	"secretary_approved_on" date,
	"adjustment" "term_adjustment",
	"adjustment_reason" text,
	"adjustment_approver" text,
	"adjusted_ends_on" date,
	"joint_units" text,
	CONSTRAINT "organisations_natural_key" UNIQUE("region_code","name"),
	CONSTRAINT "organisations_members_non_negative" CHECK ("organisations"."members" >= 0),
	CONSTRAINT "organisations_name_not_blank" CHECK (length(btrim("organisations"."name")) > 0),
	CONSTRAINT "organisations_adjustment_complete" CHECK (("organisations"."adjustment" is null) = ("organisations"."adjusted_ends_on" is null) and ("organisations"."adjustment" is null or ("organisations"."adjustment_reason" is not null and "organisations"."adjustment_approver" is not null)))
);
--> statement-breakpoint
CREATE TABLE "villages" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"kind_zh" text NOT NULL,
	"township_code" text NOT NULL,
	CONSTRAINT "villages_code_format" CHECK ("villages"."code" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
ALTER TABLE "notices" ALTER COLUMN "period_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_township_code_regions_code_fk" FOREIGN KEY ("township_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_village_code_villages_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."villages"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "villages" ADD CONSTRAINT "villages_township_code_regions_code_fk" FOREIGN KEY ("township_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_region_idx" ON "organisations" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "villages_township_idx" ON "villages" USING btree ("township_code");