-- CreateEnum
CREATE TYPE "ReviewPolicy" AS ENUM ('SINGLE', 'DOUBLE');

-- CreateEnum
CREATE TYPE "SuggestionKind" AS ENUM ('CORRECTION', 'TRANSLATION');

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('PENDING', 'APPROVED', 'PUBLISHED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "RejectReason" AS ENUM ('NOT_IN_ORIGINAL', 'TERMINOLOGY', 'MEANING', 'STYLE', 'OTHER');

-- AlterTable
ALTER TABLE "collection" ADD COLUMN     "allow_self_approval" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "review_policy" "ReviewPolicy" NOT NULL DEFAULT 'SINGLE';

-- AlterTable
ALTER TABLE "revision" ADD COLUMN     "source_revision_id" UUID;

-- AlterTable
ALTER TABLE "segment_text" ADD COLUMN     "source_revision_id" UUID;

-- CreateTable
CREATE TABLE "suggestion" (
    "id" UUID NOT NULL,
    "segment_id" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "work_id" UUID NOT NULL,
    "collection_id" UUID NOT NULL,
    "kind" "SuggestionKind" NOT NULL,
    "author_id" UUID,
    "base_revision_id" UUID,
    "source_revision_id" UUID,
    "text" TEXT NOT NULL,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'PENDING',
    "reviewer_id" UUID,
    "reviewed_at" TIMESTAMPTZ(3),
    "approved_text" TEXT,
    "validator_id" UUID,
    "validated_at" TIMESTAMPTZ(3),
    "reject_reason" "RejectReason",
    "reject_note" TEXT NOT NULL DEFAULT '',
    "hunk_rejections" JSONB NOT NULL DEFAULT '[]',
    "revision_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "suggestion_collection_id_status_id_idx" ON "suggestion"("collection_id", "status", "id");

-- CreateIndex
CREATE INDEX "suggestion_work_id_language_status_id_idx" ON "suggestion"("work_id", "language", "status", "id");

-- CreateIndex
CREATE INDEX "suggestion_author_id_id_idx" ON "suggestion"("author_id", "id");

-- CreateIndex
CREATE INDEX "suggestion_segment_id_language_status_idx" ON "suggestion"("segment_id", "language", "status");

-- AddForeignKey
ALTER TABLE "suggestion" ADD CONSTRAINT "suggestion_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suggestion" ADD CONSTRAINT "suggestion_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suggestion" ADD CONSTRAINT "suggestion_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suggestion" ADD CONSTRAINT "suggestion_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suggestion" ADD CONSTRAINT "suggestion_validator_id_fkey" FOREIGN KEY ("validator_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A translation text records the source revision it was made against. New translation texts
-- (imports, alignment) take the source's published revision at the time they are inserted; review
-- sets it explicitly from the suggestion. Existing translations count as made against today's source.
CREATE FUNCTION segment_text_default_source_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE segment_text t SET source_revision_id = src.published_revision_id
    FROM new_rows n
    JOIN segment seg ON seg.id = n.segment_id
    JOIN work w ON w.id = seg.work_id
    JOIN segment_text src ON src.segment_id = n.segment_id AND src.language = w.source_language
   WHERE t.id = n.id AND n.language <> w.source_language AND n.source_revision_id IS NULL;
  RETURN NULL;
END;
$$;

CREATE TRIGGER segment_text_default_source_revision AFTER INSERT ON "segment_text"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_text_default_source_revision();

UPDATE segment_text t SET source_revision_id = src.published_revision_id
  FROM segment seg
  JOIN work w ON w.id = seg.work_id
  JOIN segment_text src ON src.segment_id = seg.id AND src.language = w.source_language
 WHERE seg.id = t.segment_id AND t.language <> w.source_language AND t.source_revision_id IS NULL;
