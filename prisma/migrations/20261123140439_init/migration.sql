CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "SiteRole" AS ENUM ('USER', 'ADMIN');

-- CreateEnum
CREATE TYPE "CollectionRole" AS ENUM ('EDITOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "SegmentKind" AS ENUM ('HEADING', 'PARAGRAPH', 'SENTENCE', 'FOOTNOTE');

-- CreateEnum
CREATE TYPE "TextStatus" AS ENUM ('EMPTY', 'DRAFT', 'PROPOSED', 'APPROVED');

-- CreateEnum
CREATE TYPE "RevisionOrigin" AS ENUM ('IMPORT', 'EDIT', 'CLEANUP', 'ALIGN', 'APPROVAL', 'REVERT');

-- CreateTable
CREATE TABLE "user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "site_role" "SiteRole" NOT NULL DEFAULT 'USER',
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "collection" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "collection_member" (
    "collection_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "CollectionRole" NOT NULL,
    "granted_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collection_member_pkey" PRIMARY KEY ("collection_id","user_id")
);

-- CreateTable
CREATE TABLE "work" (
    "id" UUID NOT NULL,
    "collection_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "author" TEXT NOT NULL DEFAULT '',
    "date_text" TEXT NOT NULL DEFAULT '',
    "source_language" TEXT NOT NULL,
    "source_edition" TEXT NOT NULL DEFAULT '',
    "provenance" TEXT NOT NULL DEFAULT '',
    "licence" TEXT NOT NULL DEFAULT '',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_language" (
    "work_id" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "is_source" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_language_pkey" PRIMARY KEY ("work_id","language")
);

-- CreateTable
CREATE TABLE "upload" (
    "id" UUID NOT NULL,
    "work_id" UUID,
    "filename" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "uploaded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "upload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "segment" (
    "id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "parent_id" UUID,
    "kind" "SegmentKind" NOT NULL,
    "level" SMALLINT NOT NULL DEFAULT 0,
    "order_key" TEXT COLLATE "C" NOT NULL,
    "label" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "segment_text" (
    "id" UUID NOT NULL,
    "segment_id" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "status" "TextStatus" NOT NULL DEFAULT 'EMPTY',
    "published_revision_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "segment_text_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "revision" (
    "id" UUID NOT NULL,
    "segment_text_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "origin" "RevisionOrigin" NOT NULL,
    "author_id" UUID,
    "parent_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "page_anchor" (
    "id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "segment_id" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "char_offset" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "page_anchor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "actor_id" UUID,
    "collection_id" UUID,
    "work_id" UUID,
    "implicit" BOOLEAN NOT NULL DEFAULT false,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "collection_slug_key" ON "collection"("slug");

-- CreateIndex
CREATE INDEX "collection_member_user_id_idx" ON "collection_member"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "work_collection_id_slug_key" ON "work"("collection_id", "slug");

-- CreateIndex
CREATE INDEX "upload_work_id_idx" ON "upload"("work_id");

-- CreateIndex
CREATE INDEX "segment_parent_id_idx" ON "segment"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "segment_work_id_order_key_key" ON "segment"("work_id", "order_key");

-- CreateIndex
CREATE UNIQUE INDEX "segment_text_published_revision_id_key" ON "segment_text"("published_revision_id");

-- CreateIndex
CREATE UNIQUE INDEX "segment_text_segment_id_language_key" ON "segment_text"("segment_id", "language");

-- CreateIndex
CREATE INDEX "revision_segment_text_id_created_at_idx" ON "revision"("segment_text_id", "created_at");

-- CreateIndex
CREATE INDEX "page_anchor_work_id_label_idx" ON "page_anchor"("work_id", "label");

-- CreateIndex
CREATE INDEX "page_anchor_segment_id_idx" ON "page_anchor"("segment_id");

-- CreateIndex
CREATE INDEX "audit_event_type_created_at_idx" ON "audit_event"("type", "created_at");

-- CreateIndex
CREATE INDEX "audit_event_collection_id_created_at_idx" ON "audit_event"("collection_id", "created_at");

-- AddForeignKey
ALTER TABLE "collection_member" ADD CONSTRAINT "collection_member_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collection_member" ADD CONSTRAINT "collection_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collection_member" ADD CONSTRAINT "collection_member_granted_by_id_fkey" FOREIGN KEY ("granted_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work" ADD CONSTRAINT "work_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work" ADD CONSTRAINT "work_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_language" ADD CONSTRAINT "work_language_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "upload" ADD CONSTRAINT "upload_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "upload" ADD CONSTRAINT "upload_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment" ADD CONSTRAINT "segment_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment" ADD CONSTRAINT "segment_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment_text" ADD CONSTRAINT "segment_text_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
-- Deferred to commit: a text and its first revision reference each other, so whichever is
-- written first must not be checked before the other exists (bulk imports, COPY).
ALTER TABLE "segment_text" ADD CONSTRAINT "segment_text_published_revision_id_fkey" FOREIGN KEY ("published_revision_id") REFERENCES "revision"("id") ON DELETE NO ACTION ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED;

-- AddForeignKey
ALTER TABLE "revision" ADD CONSTRAINT "revision_segment_text_id_fkey" FOREIGN KEY ("segment_text_id") REFERENCES "segment_text"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revision" ADD CONSTRAINT "revision_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revision" ADD CONSTRAINT "revision_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "revision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "page_anchor" ADD CONSTRAINT "page_anchor_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "page_anchor" ADD CONSTRAINT "page_anchor_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Revisions are immutable history: refuse every UPDATE, except the one a deleted account causes
-- (ON DELETE SET NULL of author_id), which changes nothing but the author. DELETE stays allowed
-- because deleting a work removes its revisions by cascade.
CREATE FUNCTION "revision_refuse_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.author_id IS NULL AND OLD.author_id IS NOT NULL
       AND (to_jsonb(NEW) - 'author_id') = (to_jsonb(OLD) - 'author_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'revision rows are immutable' USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "revision_immutable" BEFORE UPDATE ON "revision"
    FOR EACH ROW EXECUTE FUNCTION "revision_refuse_update"();
