-- arena_counts is kept equal to a count of arena_entries by statement triggers that run in the
-- same transaction as the change (uploads, undo, figure edits, the seed: whatever writes the
-- table), so a reader never sees a count older than the last committed change.

-- The score bucket of the arena histogram: -1 no score, 0 below 60, 1–8 for 60–65 … 95–100.
CREATE FUNCTION arena_score_bucket(score numeric) RETURNS smallint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN score IS NULL THEN -1 WHEN score < 60 THEN 0 ELSE least(floor((score - 60) / 5)::int + 1, 8) END;--> statement-breakpoint
-- Adds the statement's rows (new_rows, +1 each) and removes the replaced ones (old_rows, -1 each),
-- in key order so that concurrent writers lock the counts in the same order; drops counts that reach zero.
CREATE FUNCTION arena_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO arena_counts AS c (region_code, year, level, bucket, entries)
    SELECT region_code, year, level, arena_score_bucket(score), count(*)::int
    FROM new_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (region_code, year, level, bucket) DO UPDATE SET entries = c.entries + excluded.entries;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO arena_counts AS c (region_code, year, level, bucket, entries)
    SELECT region_code, year, level, bucket, sum(n)::int FROM (
      SELECT region_code, year, level, arena_score_bucket(score) AS bucket, 1 AS n FROM new_rows
      UNION ALL
      SELECT region_code, year, level, arena_score_bucket(score), -1 FROM old_rows
    ) d
    GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (region_code, year, level, bucket) DO UPDATE SET entries = c.entries + excluded.entries;
    DELETE FROM arena_counts WHERE entries = 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO arena_counts AS c (region_code, year, level, bucket, entries)
    SELECT region_code, year, level, arena_score_bucket(score), -count(*)::int
    FROM old_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (region_code, year, level, bucket) DO UPDATE SET entries = c.entries + excluded.entries;
    DELETE FROM arena_counts WHERE entries = 0;
  ELSE -- TRUNCATE
    DELETE FROM arena_counts;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER arena_counts_on_insert AFTER INSERT ON arena_entries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION arena_counts_apply();--> statement-breakpoint
CREATE TRIGGER arena_counts_on_update AFTER UPDATE ON arena_entries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION arena_counts_apply();--> statement-breakpoint
CREATE TRIGGER arena_counts_on_delete AFTER DELETE ON arena_entries
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION arena_counts_apply();--> statement-breakpoint
CREATE TRIGGER arena_counts_on_truncate AFTER TRUNCATE ON arena_entries
  FOR EACH STATEMENT EXECUTE FUNCTION arena_counts_apply();--> statement-breakpoint
-- The entries already there.
INSERT INTO arena_counts (region_code, year, level, bucket, entries)
SELECT region_code, year, level, arena_score_bucket(score), count(*)::int
FROM arena_entries GROUP BY 1, 2, 3, 4;
