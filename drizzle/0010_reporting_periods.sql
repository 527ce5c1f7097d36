CREATE TABLE "period_locks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "period_locks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"period_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"locked_by" text NOT NULL,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reopened_by" text,
	"reopened_at" timestamp with time zone,
	"reopen_reason" text,
	CONSTRAINT "period_locks_standing" UNIQUE NULLS NOT DISTINCT("period_id","region_code","reopened_at"),
	CONSTRAINT "period_locks_reopen" CHECK (("period_locks"."reopened_at" is null) = ("period_locks"."reopened_by" is null) and ("period_locks"."reopened_at" is null) = ("period_locks"."reopen_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "reporting_periods" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reporting_periods_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dataset" "dataset" NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint,
	"due_on" date NOT NULL,
	"opened_by" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_periods_key" UNIQUE NULLS NOT DISTINCT("dataset","year","quarter"),
	CONSTRAINT "reporting_periods_year" CHECK ("reporting_periods"."year" between 2000 and 2100),
	CONSTRAINT "reporting_periods_quarter" CHECK (("reporting_periods"."quarter" is null) = ("reporting_periods"."dataset" not in ('promotions', 'adjustments')) and ("reporting_periods"."quarter" is null or "reporting_periods"."quarter" between 1 and 4))
);
--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_period_id_reporting_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "period_locks_period_idx" ON "period_locks" USING btree ("period_id");