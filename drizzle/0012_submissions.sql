CREATE TABLE "submission_rows" (
	"submission_id" integer NOT NULL,
	"row_number" integer NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "submissions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dataset" "dataset" NOT NULL,
	"period_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"version" smallint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"source" "batch_source" NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"submitted_by" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rows" integer NOT NULL,
	"regions" text[] NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"reason" text,
	"batch_id" integer,
	CONSTRAINT "submissions_status" CHECK ("submissions"."status" in ('pending', 'returned', 'approved', 'superseded')),
	CONSTRAINT "submissions_approved" CHECK (("submissions"."status" = 'approved') = ("submissions"."batch_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "submission_rows" ADD CONSTRAINT "submission_rows_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_period_id_reporting_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submission_rows_submission_idx" ON "submission_rows" USING btree ("submission_id","row_number");--> statement-breakpoint
CREATE INDEX "submissions_region_idx" ON "submissions" USING btree ("region_code","period_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_open" ON "submissions" USING btree ("dataset","period_id","region_code") WHERE status in ('pending', 'returned');