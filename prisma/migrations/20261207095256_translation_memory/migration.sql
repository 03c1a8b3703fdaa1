-- CreateEnum
CREATE TYPE "MemoryOrigin" AS ENUM ('LIBRARY', 'IMPORTED');

-- CreateTable
CREATE TABLE "memory_unit" (
    "id" UUID NOT NULL,
    "origin" "MemoryOrigin" NOT NULL,
    "source_language" TEXT NOT NULL,
    "target_language" TEXT NOT NULL,
    "source_text" TEXT NOT NULL,
    "target_text" TEXT NOT NULL,
    "exact_key" BIGINT NOT NULL,
    "bands" INTEGER[],
    "previous_key" BIGINT,
    "next_key" BIGINT,
    "segment_id" UUID,
    "work_id" UUID,
    "revision_id" UUID,
    "collection_id" UUID,
    "imported_file" TEXT,
    "translator" TEXT NOT NULL DEFAULT '',
    "translated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "memory_unit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "memory_unit_exact_key_idx" ON "memory_unit"("exact_key");

-- CreateIndex
CREATE INDEX "memory_unit_work_id_idx" ON "memory_unit"("work_id");

-- CreateIndex
CREATE INDEX "memory_unit_bands_idx" ON "memory_unit" USING GIN ("bands");

-- CreateIndex
CREATE UNIQUE INDEX "memory_unit_segment_id_target_language_key" ON "memory_unit"("segment_id", "target_language");

-- AddForeignKey
ALTER TABLE "memory_unit" ADD CONSTRAINT "memory_unit_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memory_unit" ADD CONSTRAINT "memory_unit_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Translation memory (docs/memory.md). Keys computed here, by the database, for stored units and
-- for the sentence looked up alike, so that both sides of a lookup always hash the same way.

-- The exact-match key of a source sentence: lower-cased, white space collapsed, 64-bit hash.
CREATE FUNCTION memory_exact_key(t text) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT hashtextextended(lower(regexp_replace(btrim(t), '\s+', ' ', 'g')), 0)
$$;

-- Fuzzy-match candidate keys: MinHash of the set of the sentence's content words, stemmed by its
-- language's search configuration (stop words dropped), 48 hash functions in 16 bands of 3; each
-- band hashed with its number and the language pair. Two sentences whose word sets have Jaccard
-- similarity J share at least one band with probability 1 - (1 - J^3)^16 (0.98 at J = 0.6, 0.88
-- at 0.5, 0.05 at 0.15). A sentence of stop words only has no bands (exact matches only).
CREATE FUNCTION memory_bands(cfg regconfig, pair text, t text) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(hashtext(pair || ':' || j::text || ':' || v1 || ',' || v2 || ',' || v3)), '{}')
    FROM (SELECT j,
                 min((h * (1000003 + (3 * j) * 1048573) + (3 * j) * 104729) % 2147483647) AS v1,
                 min((h * (1000003 + (3 * j + 1) * 1048573) + (3 * j + 1) * 104729) % 2147483647) AS v2,
                 min((h * (1000003 + (3 * j + 2) * 1048573) + (3 * j + 2) * 104729) % 2147483647) AS v3
            FROM (SELECT DISTINCT hashtext(x)::bigint + 2147483648 AS h FROM unnest(tsvector_to_array(to_tsvector(cfg, t))) x) w
           CROSS JOIN generate_series(0, 15) j
           GROUP BY j) b
$$;

-- Rewrites the LIBRARY units of the given segments and of their live neighbours (whose context
-- keys, and whose grouping with a following text, may have changed). A unit exists for a live
-- text segment, per language other than the work's source, when both the source and the
-- translation are published, the translation is not grouped into the previous segment's and the
-- next live segment's translation is not grouped into it (2–1 beads are left out: their source is
-- two sentences). The source side is the source revision the translation was made against when
-- recorded (a stale translation stays paired with the source it translates).
--
-- Bitmap scans are off inside: right after a bulk import the statistics still say a work has a
-- handful of segments, and the planner would fetch every earlier segment by bitmap and sort them
-- for each neighbour (4 s for 5,000 segments) instead of one step of a backward index scan (60 ms);
-- nested loops are on whatever the caller (a trigger below) set.
CREATE FUNCTION memory_refresh_segments(ids uuid[]) RETURNS void LANGUAGE plpgsql SET enable_bitmapscan = off SET enable_nestloop = on AS $$
DECLARE
  expanded uuid[];
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  -- Only segments of a work that has a unit, or that have a text in another language, can
  -- change a unit: importing a new work (its source only) costs no more than this check.
  SELECT array_agg(s.id) INTO ids FROM unnest(ids) i(id) JOIN segment s ON s.id = i.id JOIN work w ON w.id = s.work_id
   WHERE EXISTS (SELECT 1 FROM memory_unit m WHERE m.work_id = s.work_id)
      OR EXISTS (SELECT 1 FROM segment_text x WHERE x.segment_id = s.id AND x.language <> w.source_language);
  IF ids IS NULL THEN RETURN; END IF;
  -- Joins on unnest(), not `= ANY(array)`: a bulk import passes thousands of ids.
  SELECT array_agg(DISTINCT x) INTO expanded FROM (
    SELECT s.id AS x FROM unnest(ids) i(id) JOIN segment s ON s.id = i.id
    UNION ALL
    SELECT (SELECT p.id FROM segment p WHERE p.work_id = s.work_id AND p.order_key < s.order_key AND p.kind <> 'PARAGRAPH' AND p.retired_at IS NULL ORDER BY p.order_key DESC LIMIT 1)
      FROM unnest(ids) i(id) JOIN segment s ON s.id = i.id
    UNION ALL
    SELECT (SELECT n.id FROM segment n WHERE n.work_id = s.work_id AND n.order_key > s.order_key AND n.kind <> 'PARAGRAPH' AND n.retired_at IS NULL ORDER BY n.order_key LIMIT 1)
      FROM unnest(ids) i(id) JOIN segment s ON s.id = i.id
  ) e WHERE x IS NOT NULL;
  IF expanded IS NULL THEN RETURN; END IF;

  -- Upsert in key order, then delete what no longer qualifies: two transactions refreshing the same
  -- segment at once (a merge and a publication beside it) wait for each other on the unit's key
  -- instead of one failing on it, and take the rows' locks in the same order.
  WITH upserted AS (
    INSERT INTO memory_unit (id, origin, source_language, target_language, source_text, target_text, exact_key, bands,
                             previous_key, next_key, segment_id, work_id, revision_id, translated_at)
    SELECT gen_random_uuid(), 'LIBRARY', w.source_language, tt.language, src.text, tr.text, memory_exact_key(src.text),
           memory_bands(interlinear_search_config(w.source_language), w.source_language || '>' || tt.language, src.text),
           (SELECT memory_exact_key(r.text) FROM segment_text x JOIN revision r ON r.id = x.published_revision_id
             WHERE x.segment_id = p.id AND x.language = w.source_language),
           (SELECT memory_exact_key(r.text) FROM segment_text x JOIN revision r ON r.id = x.published_revision_id
             WHERE x.segment_id = n.id AND x.language = w.source_language),
           s.id, s.work_id, tr.id, tr.created_at
      FROM unnest(expanded) e(id)
      JOIN segment s ON s.id = e.id
      JOIN work w ON w.id = s.work_id
      JOIN segment_text st ON st.segment_id = s.id AND st.language = w.source_language AND st.published_revision_id IS NOT NULL
      JOIN segment_text tt ON tt.segment_id = s.id AND tt.language <> w.source_language AND NOT tt.continues_previous
      JOIN revision tr ON tr.id = tt.published_revision_id
      JOIN LATERAL (SELECT r.text FROM revision r WHERE r.id = coalesce(tt.source_revision_id, st.published_revision_id)) src ON true
      LEFT JOIN LATERAL (SELECT p.id FROM segment p WHERE p.work_id = s.work_id AND p.order_key < s.order_key AND p.kind <> 'PARAGRAPH' AND p.retired_at IS NULL
                          ORDER BY p.order_key DESC LIMIT 1) p ON true
      LEFT JOIN LATERAL (SELECT n.id FROM segment n WHERE n.work_id = s.work_id AND n.order_key > s.order_key AND n.kind <> 'PARAGRAPH' AND n.retired_at IS NULL
                          ORDER BY n.order_key LIMIT 1) n ON true
     WHERE s.retired_at IS NULL AND s.kind <> 'PARAGRAPH'
       AND btrim(src.text) <> '' AND btrim(tr.text) <> ''
       AND NOT EXISTS (SELECT 1 FROM segment_text nt WHERE nt.segment_id = n.id AND nt.language = tt.language AND nt.continues_previous)
     ORDER BY s.id, tt.language
    ON CONFLICT (segment_id, target_language) DO UPDATE SET
      origin = EXCLUDED.origin, source_language = EXCLUDED.source_language, source_text = EXCLUDED.source_text,
      target_text = EXCLUDED.target_text, exact_key = EXCLUDED.exact_key, bands = EXCLUDED.bands,
      previous_key = EXCLUDED.previous_key, next_key = EXCLUDED.next_key, work_id = EXCLUDED.work_id,
      revision_id = EXCLUDED.revision_id, translated_at = EXCLUDED.translated_at
    RETURNING id)
  DELETE FROM memory_unit m USING unnest(expanded) e(id)
   WHERE m.origin = 'LIBRARY' AND m.segment_id = e.id AND m.id NOT IN (SELECT id FROM upserted);
END;
$$;

-- Statement-level triggers: a bulk insert of texts refreshes its segments in one call. Nested
-- loops are off inside: the planner takes each transition table for one row, and joining the old
-- and new rows of a 10,000-row update by nested loop takes seconds (a hash join, milliseconds).
-- A source revision filled in where there was none (segment_text_default_source_revision, right
-- after an insert) changes no unit: a unit without one already pairs with the published source.
CREATE FUNCTION memory_segment_text_changed() RETURNS trigger LANGUAGE plpgsql SET enable_nestloop = off AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM memory_refresh_segments(ARRAY(SELECT DISTINCT segment_id FROM new_rows WHERE published_revision_id IS NOT NULL OR continues_previous));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM memory_refresh_segments(ARRAY(
      SELECT DISTINCT n.segment_id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE n.published_revision_id IS DISTINCT FROM o.published_revision_id OR n.continues_previous <> o.continues_previous
          OR (o.source_revision_id IS NOT NULL AND n.source_revision_id IS DISTINCT FROM o.source_revision_id)
          OR n.language <> o.language OR n.segment_id <> o.segment_id));
  ELSE
    PERFORM memory_refresh_segments(ARRAY(SELECT DISTINCT segment_id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER memory_segment_text_inserted AFTER INSERT ON "segment_text" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION memory_segment_text_changed();
CREATE TRIGGER memory_segment_text_updated AFTER UPDATE ON "segment_text" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION memory_segment_text_changed();
CREATE TRIGGER memory_segment_text_deleted AFTER DELETE ON "segment_text" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION memory_segment_text_changed();

-- Retiring or restoring a segment (re-import, structural edits) or moving it changes its own
-- units and its neighbours' context.
CREATE FUNCTION memory_segment_changed() RETURNS trigger LANGUAGE plpgsql SET enable_nestloop = off AS $$
BEGIN
  PERFORM memory_refresh_segments(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE n.retired_at IS DISTINCT FROM o.retired_at OR n.order_key <> o.order_key OR n.kind <> o.kind));
  -- A segment's old neighbours lose it as context when it is retired or moved.
  PERFORM memory_refresh_segments(ARRAY(
    SELECT x.id FROM old_rows o JOIN new_rows n ON n.id = o.id
     CROSS JOIN LATERAL (
       (SELECT p.id FROM segment p WHERE p.work_id = o.work_id AND p.order_key < o.order_key AND p.kind <> 'PARAGRAPH' AND p.retired_at IS NULL ORDER BY p.order_key DESC LIMIT 1)
       UNION ALL
       (SELECT q.id FROM segment q WHERE q.work_id = o.work_id AND q.order_key > o.order_key AND q.kind <> 'PARAGRAPH' AND q.retired_at IS NULL ORDER BY q.order_key LIMIT 1)) x
     WHERE n.order_key <> o.order_key));
  RETURN NULL;
END;
$$;

CREATE TRIGGER memory_segment_updated AFTER UPDATE ON "segment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION memory_segment_changed();

-- The translations published before this migration.
SELECT memory_refresh_segments(ARRAY(SELECT DISTINCT segment_id FROM segment_text WHERE published_revision_id IS NOT NULL));
