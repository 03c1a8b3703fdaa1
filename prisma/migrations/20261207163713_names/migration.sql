-- CreateEnum
CREATE TYPE "NameKind" AS ENUM ('PERSON', 'PLACE');

-- CreateEnum
CREATE TYPE "NameStatus" AS ENUM ('PROPOSED', 'CONFIRMED', 'REJECTED');

-- CreateEnum
CREATE TYPE "NameFormOrigin" AS ENUM ('EDITOR', 'TRANSLITERATION', 'OBSERVED');

-- CreateTable
CREATE TABLE "name_entry" (
    "id" UUID NOT NULL,
    "collection_id" UUID NOT NULL,
    "kind" "NameKind" NOT NULL,
    "status" "NameStatus" NOT NULL DEFAULT 'PROPOSED',
    "note" TEXT NOT NULL DEFAULT '',
    "label" TEXT NOT NULL DEFAULT '',
    "sort_key" TEXT NOT NULL DEFAULT '',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "name_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "name_form" (
    "id" UUID NOT NULL,
    "name_id" UUID NOT NULL,
    "collection_id" UUID NOT NULL,
    "language" TEXT,
    "text" TEXT NOT NULL,
    "is_preferred" BOOLEAN NOT NULL DEFAULT false,
    "origin" "NameFormOrigin" NOT NULL,
    "systems" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "keys" TEXT[],
    "stems" TEXT[],
    "head" SMALLINT NOT NULL,
    "head_stem" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "name_form_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "name_scan" (
    "segment_id" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "revision_id" UUID NOT NULL,
    "words" tsvector NOT NULL,

    CONSTRAINT "name_scan_pkey" PRIMARY KEY ("segment_id","language")
);

-- CreateTable
CREATE TABLE "name_scan_queue" (
    "segment_id" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "collection_id" UUID NOT NULL,
    "ticket" BIGSERIAL NOT NULL,

    CONSTRAINT "name_scan_queue_pkey" PRIMARY KEY ("segment_id","language")
);

-- CreateTable
CREATE TABLE "name_mention" (
    "segment_id" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "name_id" UUID NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "found" TEXT NOT NULL,
    "is_preferred" BOOLEAN NOT NULL,

    CONSTRAINT "name_mention_pkey" PRIMARY KEY ("segment_id","language","name_id","start")
);

-- CreateIndex
CREATE INDEX "name_entry_collection_id_status_sort_key_idx" ON "name_entry"("collection_id", "status", "sort_key");

-- CreateIndex
CREATE INDEX "name_form_collection_id_head_stem_idx" ON "name_form"("collection_id", "head_stem");

-- CreateIndex
CREATE UNIQUE INDEX "name_form_name_id_language_text_key" ON "name_form"("name_id", "language", "text");

-- CreateIndex
CREATE INDEX "name_scan_words_idx" ON "name_scan" USING GIN ("words");

-- CreateIndex
CREATE INDEX "name_scan_queue_collection_id_ticket_idx" ON "name_scan_queue"("collection_id", "ticket");

-- CreateIndex
CREATE INDEX "name_mention_name_id_segment_id_idx" ON "name_mention"("name_id", "segment_id");

-- AddForeignKey
ALTER TABLE "name_entry" ADD CONSTRAINT "name_entry_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "name_entry" ADD CONSTRAINT "name_entry_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "name_form" ADD CONSTRAINT "name_form_name_id_fkey" FOREIGN KEY ("name_id") REFERENCES "name_entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "name_scan" ADD CONSTRAINT "name_scan_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "name_scan_queue" ADD CONSTRAINT "name_scan_queue_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "name_mention" ADD CONSTRAINT "name_mention_segment_id_language_fkey" FOREIGN KEY ("segment_id", "language") REFERENCES "name_scan"("segment_id", "language") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "name_mention" ADD CONSTRAINT "name_mention_name_id_fkey" FOREIGN KEY ("name_id") REFERENCES "name_entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The name authority (docs/names.md).

-- At most one preferred form per name and language; a form of any language (null: written in
-- Latin letters, a transliteration) is never preferred, and is unique by its text. Partial
-- indexes and a check: the schema language has neither.
CREATE UNIQUE INDEX "name_form_preferred_key" ON "name_form"("name_id", "language") WHERE is_preferred;
CREATE UNIQUE INDEX "name_form_any_language_text_key" ON "name_form"("name_id", "text") WHERE language IS NULL;
ALTER TABLE "name_form" ADD CONSTRAINT "name_form_preferred_language_check" CHECK (NOT is_preferred OR language IS NOT NULL);
ALTER TABLE "name_form" ALTER COLUMN "keys" SET NOT NULL, ALTER COLUMN "stems" SET NOT NULL, ALTER COLUMN "systems" SET NOT NULL;

-- Keeping the name index current: every text whose published revision changes, is deleted, or
-- whose segment is retired, restored or changes kind is queued, in the transaction that makes
-- the change, for lib/names to scan again before the index is read (the scan itself needs the
-- application's tokenizer and matcher), with its collection: a collection's index finds what
-- it must scan by index. A text queued again gets a new ticket, so a scan that read the old one
-- leaves it queued. Segments that no longer exist (a work being deleted, whose texts go with it)
-- are left out.
-- Nested loops are on inside: each id is one step of a primary key (a hash join would read every
-- segment of the library), whatever the calling trigger set.
CREATE FUNCTION name_scan_enqueue(ids uuid[], languages text[]) RETURNS void LANGUAGE sql SET enable_nestloop = on AS $$
  INSERT INTO name_scan_queue (segment_id, language, collection_id)
  SELECT DISTINCT i.id, i.language, w.collection_id FROM unnest(ids, languages) i(id, language)
    JOIN segment s ON s.id = i.id JOIN work w ON w.id = s.work_id
   ORDER BY 1, 2
  ON CONFLICT (segment_id, language) DO UPDATE SET ticket = nextval(pg_get_serial_sequence('name_scan_queue', 'ticket'))
$$;

-- Statement-level, like the memory's triggers: a bulk import queues its texts in one insert.
-- Nested loops are off for the join of an update's old and new rows (see memory_segment_text_changed).
CREATE FUNCTION name_scan_segment_text_changed() RETURNS trigger LANGUAGE plpgsql SET enable_nestloop = off AS $$
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
  IF ids IS NOT NULL THEN PERFORM name_scan_enqueue(ids, languages); END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER name_scan_segment_text_inserted AFTER INSERT ON "segment_text" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION name_scan_segment_text_changed();
CREATE TRIGGER name_scan_segment_text_updated AFTER UPDATE ON "segment_text" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION name_scan_segment_text_changed();
CREATE TRIGGER name_scan_segment_text_deleted AFTER DELETE ON "segment_text" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION name_scan_segment_text_changed();

-- A segment retired or restored (re-import, structural edits) or changing kind (a paragraph has
-- no text of its own) takes its texts out of the index or back into it.
CREATE FUNCTION name_scan_enqueue_segments(ids uuid[]) RETURNS void LANGUAGE sql SET enable_nestloop = on AS $$
  SELECT name_scan_enqueue(array_agg(st.segment_id), array_agg(st.language)) FROM unnest(ids) i(id) JOIN segment_text st ON st.segment_id = i.id
$$;

CREATE FUNCTION name_scan_segment_changed() RETURNS trigger LANGUAGE plpgsql SET enable_nestloop = off AS $$
DECLARE
  ids uuid[];
BEGIN
  SELECT array_agg(n.id) INTO ids FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE n.retired_at IS DISTINCT FROM o.retired_at OR n.kind <> o.kind;
  IF ids IS NOT NULL THEN PERFORM name_scan_enqueue_segments(ids); END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER name_scan_segment_updated AFTER UPDATE ON "segment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION name_scan_segment_changed();

-- The texts published before this migration: scanned when a collection's index is first read.
INSERT INTO name_scan_queue (segment_id, language, collection_id)
SELECT st.segment_id, st.language, w.collection_id
  FROM segment_text st JOIN segment s ON s.id = st.segment_id JOIN work w ON w.id = s.work_id
 WHERE st.published_revision_id IS NOT NULL;
