ALTER TABLE "arena_entries" ADD COLUMN "township_code" text;--> statement-breakpoint
ALTER TABLE "arena_entries" ADD COLUMN "village_code" text;--> statement-breakpoint
ALTER TABLE "arena_entries" ADD CONSTRAINT "arena_entries_township_code_regions_code_fk" FOREIGN KEY ("township_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arena_entries" ADD CONSTRAINT "arena_entries_village_code_villages_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."villages"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "arena_entries_township_idx" ON "arena_entries" USING btree ("township_code") WHERE "arena_entries"."township_code" is not null;