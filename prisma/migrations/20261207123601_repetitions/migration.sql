-- AlterTable
ALTER TABLE "suggestion" ADD COLUMN     "repetition_of_id" UUID;

-- CreateIndex
CREATE INDEX "suggestion_repetition_of_id_idx" ON "suggestion"("repetition_of_id");

-- AddForeignKey
ALTER TABLE "suggestion" ADD CONSTRAINT "suggestion_repetition_of_id_fkey" FOREIGN KEY ("repetition_of_id") REFERENCES "segment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Repetitions (docs/memory.md): the segments of a work or volume whose published source is the
-- same sentence as another's, by the memory's exact key (lower-cased, white space collapsed). An
-- expression index on every revision: a published text is a revision, and the index then needs
-- no trigger or column kept beside the text (Prisma's schema cannot declare it; the drift check
-- leaves it alone).
CREATE INDEX "revision_exact_key_idx" ON "revision" (memory_exact_key("text"));
