ALTER TABLE "upload_batches" ADD COLUMN "regions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Batches committed before this migration: the regions their rows were in when the batch wrote
-- them, and those the rows held before the batch changed them. A batch whose rows are all gone (undone) keeps its
-- uploader's home region, the rule it was judged by until now.
UPDATE "upload_batches" b SET "regions" = coalesce((
  SELECT array_agg(DISTINCT t.code ORDER BY t.code) FROM (
    SELECT x.region_code AS code FROM "batch_rows" br JOIN "promotions" x ON x.id = br.row_id
      WHERE br.batch_id = b.id AND br.target = 'promotions'
    UNION SELECT x.region_code FROM "batch_rows" br JOIN "arena_entries" x ON x.id = br.row_id
      WHERE br.batch_id = b.id AND br.target = 'arena_entries'
    -- A project may have moved since: its region then is the one a later batch found it in.
    UNION SELECT coalesce((
        SELECT later.before->>'region_code' FROM "batch_rows" later
        WHERE later.target = 'projects' AND later.row_id = br.row_id AND later.op = 'update' AND later.batch_id > br.batch_id
        ORDER BY later.batch_id LIMIT 1), x.region_code)
      FROM "batch_rows" br JOIN "projects" x ON x.id = br.row_id
      WHERE br.batch_id = b.id AND br.target = 'projects'
    UNION SELECT x.region_code FROM "batch_rows" br JOIN "adjustments" x ON x.id = br.row_id
      WHERE br.batch_id = b.id AND br.target = 'adjustments'
    UNION SELECT x.region_code FROM "batch_rows" br JOIN "indicators" x ON x.id = br.row_id
      WHERE br.batch_id = b.id AND br.target = 'indicators'
    UNION SELECT br.before->>'region_code' FROM "batch_rows" br
      WHERE br.batch_id = b.id AND br.before ? 'region_code'
  ) t WHERE t.code IS NOT NULL
), CASE WHEN b.region_code IS NULL THEN '{}'::text[] ELSE ARRAY[b.region_code] END);
