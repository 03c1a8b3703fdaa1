-- segment_text.status keeps what is published only: drafts live in the collaboration documents
-- and proposed texts in "suggestion" (the editor derives "proposed" from the suggestions awaiting
-- review). Nothing wrote DRAFT or PROPOSED; should a row hold one, it becomes what its published
-- revision says. (The migration runner applies this file in one transaction.)
UPDATE "segment_text"
SET "status" = CASE WHEN "published_revision_id" IS NULL THEN 'EMPTY'::"TextStatus" ELSE 'APPROVED'::"TextStatus" END
WHERE "status" IN ('DRAFT', 'PROPOSED');

-- AlterEnum
CREATE TYPE "TextStatus_new" AS ENUM ('EMPTY', 'APPROVED');
ALTER TABLE "public"."segment_text" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "segment_text" ALTER COLUMN "status" TYPE "TextStatus_new" USING ("status"::text::"TextStatus_new");
ALTER TYPE "TextStatus" RENAME TO "TextStatus_old";
ALTER TYPE "TextStatus_new" RENAME TO "TextStatus";
DROP TYPE "public"."TextStatus_old";
ALTER TABLE "segment_text" ALTER COLUMN "status" SET DEFAULT 'EMPTY';
