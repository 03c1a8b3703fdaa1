-- AlterEnum
ALTER TYPE "RevisionOrigin" ADD VALUE 'STRUCTURE';

-- AlterEnum
ALTER TYPE "SuggestionKind" ADD VALUE 'STRUCTURE';

-- AlterTable
ALTER TABLE "segment" ADD COLUMN     "replaced_by_id" UUID;

-- AlterTable
ALTER TABLE "suggestion" ADD COLUMN     "operation" JSONB;

-- CreateIndex
CREATE INDEX "segment_replaced_by_id_idx" ON "segment"("replaced_by_id");

-- AddForeignKey
ALTER TABLE "segment" ADD CONSTRAINT "segment_replaced_by_id_fkey" FOREIGN KEY ("replaced_by_id") REFERENCES "segment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
