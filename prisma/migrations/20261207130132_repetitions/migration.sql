-- AlterTable
ALTER TABLE "suggestion" ADD COLUMN     "repetition_of_id" UUID;

-- CreateTable
CREATE TABLE "source_key" (
    "segment_id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "exact_key" BIGINT NOT NULL,

    CONSTRAINT "source_key_pkey" PRIMARY KEY ("segment_id")
);

-- CreateIndex
CREATE INDEX "source_key_work_id_exact_key_idx" ON "source_key"("work_id", "exact_key");

-- CreateIndex
CREATE INDEX "suggestion_repetition_of_id_idx" ON "suggestion"("repetition_of_id");

-- AddForeignKey
ALTER TABLE "suggestion" ADD CONSTRAINT "suggestion_repetition_of_id_fkey" FOREIGN KEY ("repetition_of_id") REFERENCES "segment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_key" ADD CONSTRAINT "source_key_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_key" ADD CONSTRAINT "source_key_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Repetitions (docs/memory.md): the exact key of each segment's published source text, by work,
-- so that the other occurrences of a sentence in a work or a volume are found by index whatever
-- the size of the library (a key looked up in the revisions would be found in every work that
-- has the sentence). Kept like the memory's units: by statement-level triggers on segment_text,
-- in the transaction that publishes, reverts or deletes a text.

-- Rewrites the keys of the given segments from their published source texts (the language of
-- `languages` at the same place is the text that changed: only a change to the source's text
-- does anything). A blank or unpublished source has no key. Upserts in key order, so two
-- transactions refreshing the same segment wait for each other instead of failing. Nested loops
-- are on whatever the trigger set: each id is one step of a primary key (a hash join would read
-- every segment of the library).
CREATE FUNCTION source_key_refresh(ids uuid[], languages text[]) RETURNS void LANGUAGE plpgsql SET enable_nestloop = on AS $$
DECLARE
  changed uuid[];
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  -- Joins on unnest(), not `= ANY(array)`: an import passes thousands of ids.
  SELECT array_agg(DISTINCT s.id) INTO changed
    FROM unnest(ids, languages) i(id, language) JOIN segment s ON s.id = i.id JOIN work w ON w.id = s.work_id
   WHERE i.language = w.source_language;
  IF changed IS NULL THEN RETURN; END IF;
  INSERT INTO source_key (segment_id, work_id, exact_key)
  SELECT s.id, s.work_id, memory_exact_key(r.text)
    FROM unnest(changed) c(id) JOIN segment s ON s.id = c.id JOIN work w ON w.id = s.work_id
    JOIN segment_text st ON st.segment_id = s.id AND st.language = w.source_language
    JOIN revision r ON r.id = st.published_revision_id
   WHERE btrim(r.text) <> ''
   ORDER BY s.id
  ON CONFLICT (segment_id) DO UPDATE SET exact_key = EXCLUDED.exact_key, work_id = EXCLUDED.work_id
   WHERE source_key.exact_key <> EXCLUDED.exact_key OR source_key.work_id <> EXCLUDED.work_id;
  DELETE FROM source_key k USING unnest(changed) c(id)
   WHERE k.segment_id = c.id
     AND NOT EXISTS (SELECT 1 FROM segment s JOIN work w ON w.id = s.work_id
                       JOIN segment_text st ON st.segment_id = s.id AND st.language = w.source_language
                       JOIN revision r ON r.id = st.published_revision_id
                      WHERE s.id = k.segment_id AND btrim(r.text) <> '');
END;
$$;

-- Nested loops are off inside for the join of an update's old and new rows (the planner takes a
-- transition table for one row: a nested loop over 10,000 rows takes seconds, a hash join milliseconds).
CREATE FUNCTION source_key_segment_text_changed() RETURNS trigger LANGUAGE plpgsql SET enable_nestloop = off AS $$
DECLARE
  ids uuid[];
  languages text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(segment_id), array_agg(language) INTO ids, languages FROM new_rows WHERE published_revision_id IS NOT NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(x.segment_id), array_agg(x.language) INTO ids, languages FROM (
      SELECT n.segment_id, n.language, o.segment_id AS old_segment_id, o.language AS old_language
        FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE n.published_revision_id IS DISTINCT FROM o.published_revision_id OR n.language <> o.language OR n.segment_id <> o.segment_id
    ) c CROSS JOIN LATERAL (VALUES (c.segment_id, c.language), (c.old_segment_id, c.old_language)) x(segment_id, language);
  ELSE
    SELECT array_agg(segment_id), array_agg(language) INTO ids, languages FROM old_rows;
  END IF;
  PERFORM source_key_refresh(ids, languages);
  RETURN NULL;
END;
$$;

CREATE TRIGGER source_key_segment_text_inserted AFTER INSERT ON "segment_text" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION source_key_segment_text_changed();
CREATE TRIGGER source_key_segment_text_updated AFTER UPDATE ON "segment_text" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION source_key_segment_text_changed();
CREATE TRIGGER source_key_segment_text_deleted AFTER DELETE ON "segment_text" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION source_key_segment_text_changed();

-- The source texts published before this migration.
INSERT INTO source_key (segment_id, work_id, exact_key)
SELECT s.id, s.work_id, memory_exact_key(r.text)
  FROM segment s JOIN work w ON w.id = s.work_id
  JOIN segment_text st ON st.segment_id = s.id AND st.language = w.source_language
  JOIN revision r ON r.id = st.published_revision_id
 WHERE btrim(r.text) <> '';
