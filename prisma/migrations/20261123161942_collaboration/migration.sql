-- AlterTable
ALTER TABLE "segment" ADD COLUMN     "chunk" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "collab_document" (
    "name" TEXT NOT NULL,
    "work_id" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "chunk" INTEGER NOT NULL,
    "state" BYTEA,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collab_document_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "collab_update" (
    "seq" BIGSERIAL NOT NULL,
    "document_name" TEXT NOT NULL,
    "update" BYTEA NOT NULL,
    "user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collab_update_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "collab_outbox" (
    "id" BIGSERIAL NOT NULL,
    "segment_id" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collab_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "collab_document_work_id_language_idx" ON "collab_document"("work_id", "language");

-- CreateIndex
CREATE INDEX "collab_update_document_name_seq_idx" ON "collab_update"("document_name", "seq");

-- CreateIndex
CREATE INDEX "segment_work_id_chunk_idx" ON "segment"("work_id", "chunk");

-- AddForeignKey
ALTER TABLE "collab_document" ADD CONSTRAINT "collab_document_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing works: chunks of 100 text-bearing segments in reading order (a paragraph row goes with
-- the sentence that follows it), as lib/segment/insert-segment-rows.ts assigns them to new ones.
UPDATE "segment" s SET "chunk" = c.chunk
FROM (
  SELECT id, COALESCE(count(*) FILTER (WHERE kind <> 'PARAGRAPH') OVER (
    PARTITION BY work_id ORDER BY order_key ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / 100 AS chunk
  FROM "segment"
) c
WHERE c.id = s.id AND c.chunk <> 0;

-- Every change of a published text, whatever made it, is queued for the live collaboration
-- documents in the same transaction and announced on commit (lib/collab/outbox.ts).
CREATE FUNCTION collab_outbox_from_texts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO collab_outbox (segment_id, language)
      SELECT n.segment_id, n.language FROM new_rows n WHERE n.published_revision_id IS NOT NULL;
  ELSE
    INSERT INTO collab_outbox (segment_id, language)
      SELECT n.segment_id, n.language FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.published_revision_id IS DISTINCT FROM o.published_revision_id;
  END IF;
  IF FOUND THEN
    PERFORM pg_notify('collab_outbox', '');
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER segment_text_collab_outbox_insert AFTER INSERT ON "segment_text"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION collab_outbox_from_texts();
CREATE TRIGGER segment_text_collab_outbox_update AFTER UPDATE ON "segment_text"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION collab_outbox_from_texts();

-- The update log of a document goes with it (a deleted work deletes its documents).
CREATE FUNCTION collab_document_drop_updates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM collab_update u USING old_rows o WHERE u.document_name = o.name;
  RETURN NULL;
END;
$$;

CREATE TRIGGER collab_document_drop_updates AFTER DELETE ON "collab_document"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION collab_document_drop_updates();
