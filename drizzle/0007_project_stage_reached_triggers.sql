-- projects.stage_reached holds the project's stage history (project_stage_events) as one array,
-- the day each stage was reached by the stage's position in project_stage (null: not reached).
-- Statement triggers rebuild it for the projects a change touched, in the same transaction
-- (uploads, undo, the seed: whatever writes the history), so it never lags the history.
CREATE FUNCTION project_stage_reached_of(project integer) RETURNS date[]
  LANGUAGE sql STABLE
  RETURN (
    SELECT CASE WHEN count(e.id) = 0 THEN NULL ELSE array_agg(e.reached_on ORDER BY st.k) END
    FROM unnest(enum_range(NULL::project_stage)) WITH ORDINALITY AS st(stage, k)
    LEFT JOIN project_stage_events e ON e.project_id = project AND e.stage = st.stage
  );--> statement-breakpoint
CREATE FUNCTION project_stage_reached_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE projects p SET stage_reached = project_stage_reached_of(p.id)
    WHERE p.id IN (SELECT project_id FROM new_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE projects p SET stage_reached = project_stage_reached_of(p.id)
    WHERE p.id IN (SELECT project_id FROM new_rows UNION SELECT project_id FROM old_rows);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE projects p SET stage_reached = project_stage_reached_of(p.id)
    WHERE p.id IN (SELECT project_id FROM old_rows);
  ELSE -- TRUNCATE
    UPDATE projects SET stage_reached = NULL WHERE stage_reached IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER project_stage_reached_on_insert AFTER INSERT ON project_stage_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION project_stage_reached_apply();--> statement-breakpoint
CREATE TRIGGER project_stage_reached_on_update AFTER UPDATE ON project_stage_events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION project_stage_reached_apply();--> statement-breakpoint
CREATE TRIGGER project_stage_reached_on_delete AFTER DELETE ON project_stage_events
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION project_stage_reached_apply();--> statement-breakpoint
CREATE TRIGGER project_stage_reached_on_truncate AFTER TRUNCATE ON project_stage_events
  FOR EACH STATEMENT EXECUTE FUNCTION project_stage_reached_apply();--> statement-breakpoint
-- The history already there.
UPDATE projects p SET stage_reached = project_stage_reached_of(p.id)
WHERE EXISTS (SELECT 1 FROM project_stage_events e WHERE e.project_id = p.id);
