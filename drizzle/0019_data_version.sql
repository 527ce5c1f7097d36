CREATE TABLE "data_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "data_version_one_row" CHECK ("data_version"."id" = 1)
);--> statement-breakpoint
-- The version every read cache is keyed by (db/schema/data-version.ts). Raised by a statement
-- trigger on each table that published figures, regions, periods or reports live in, inside the
-- writing transaction: it becomes visible with the change it counts, never before. Writers queue
-- on the one row until they commit. BEFORE the statement, so that a transaction holds this row
-- before any count row a trigger of the same statement locks (arena_counts): one lock order, no
-- deadlock between a batch commit and a figure edit.
INSERT INTO "data_version" ("id", "version") VALUES (1, 0);--> statement-breakpoint
CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "adjustments" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "applications" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "app_settings" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "arena_entries" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "challenges" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "evaluations" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicators" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "job_fit" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "member_care" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organisations" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "period_locks" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "project_evaluations" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "project_issues" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "project_stage_events" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "projects" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "promotions" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "regions" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "reporting_periods" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "routine_assessments" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "selections" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "submissions" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "upload_batches" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "villages" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();--> statement-breakpoint
CREATE TRIGGER data_version_bump BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "young_cadres" FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
