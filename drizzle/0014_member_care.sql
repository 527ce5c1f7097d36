ALTER TYPE "public"."dataset" ADD VALUE 'member_care';--> statement-breakpoint
CREATE TABLE "member_care" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_care_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"batch_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"quarter" smallint GENERATED ALWAYS AS (((month + 2) / 3)) STORED NOT NULL,
	"unit" text NOT NULL,
	"due" integer NOT NULL,
	"celebrated" integer NOT NULL,
	"activity" text,
	CONSTRAINT "member_care_natural_key" UNIQUE("region_code","year","month","unit"),
	CONSTRAINT "member_care_year_range" CHECK ("member_care"."year" between 2000 and 2100),
	CONSTRAINT "member_care_month_range" CHECK ("member_care"."month" between 1 and 12),
	CONSTRAINT "member_care_due_non_negative" CHECK ("member_care"."due" >= 0),
	CONSTRAINT "member_care_celebrated_non_negative" CHECK ("member_care"."celebrated" >= 0),
	CONSTRAINT "member_care_celebrated_within_due" CHECK ("member_care"."celebrated" <= "member_care"."due"),
	CONSTRAINT "member_care_unit_not_blank" CHECK (length(btrim("member_care"."unit")) > 0)
);
--> statement-breakpoint
ALTER TABLE "reporting_periods" DROP CONSTRAINT "reporting_periods_quarter";--> statement-breakpoint
ALTER TABLE "member_care" ADD CONSTRAINT "member_care_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_care" ADD CONSTRAINT "member_care_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_care_year_region_idx" ON "member_care" USING btree ("year","region_code");--> statement-breakpoint
ALTER TABLE "reporting_periods" ADD CONSTRAINT "reporting_periods_quarter" CHECK (("reporting_periods"."quarter" is null) = ("reporting_periods"."dataset"::text not in ('promotions', 'adjustments', 'routine_assessments', 'member_care')) and ("reporting_periods"."quarter" is null or "reporting_periods"."quarter" between 1 and 4));