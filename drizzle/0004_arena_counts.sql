CREATE TABLE "arena_counts" (
	"region_code" text NOT NULL,
	"year" smallint NOT NULL,
	"level" "arena_level" NOT NULL,
	"bucket" smallint NOT NULL,
	"entries" integer NOT NULL,
	CONSTRAINT "arena_counts_pkey" PRIMARY KEY("region_code","year","level","bucket")
);
--> statement-breakpoint
CREATE INDEX "arena_counts_year_region_idx" ON "arena_counts" USING btree ("year","region_code");--> statement-breakpoint
CREATE INDEX "arena_counts_empty_idx" ON "arena_counts" USING btree ("region_code") WHERE "arena_counts"."entries" = 0;--> statement-breakpoint
CREATE INDEX "arena_entries_leaderboard_idx" ON "arena_entries" USING btree ("year","level","score" DESC NULLS LAST,"organisation","region_code") WHERE "arena_entries"."score" is not null;