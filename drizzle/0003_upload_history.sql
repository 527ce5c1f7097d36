CREATE TABLE "batch_rows" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "batch_rows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"batch_id" integer NOT NULL,
	"target" text NOT NULL,
	"row_id" integer NOT NULL,
	"op" text NOT NULL,
	"before" jsonb,
	CONSTRAINT "batch_rows_op" CHECK ("batch_rows"."op" in ('insert', 'update'))
);
--> statement-breakpoint
ALTER TABLE "upload_batches" ADD COLUMN "region_code" text;--> statement-breakpoint
ALTER TABLE "upload_batches" ADD COLUMN "skipped" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "batch_rows" ADD CONSTRAINT "batch_rows_batch_id_upload_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upload_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "batch_rows_batch_idx" ON "batch_rows" USING btree ("batch_id");