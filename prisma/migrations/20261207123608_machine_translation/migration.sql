-- CreateEnum
CREATE TYPE "MachineProvider" AS ENUM ('DEEPL', 'LIBRETRANSLATE');

-- AlterTable
ALTER TABLE "revision" ADD COLUMN     "machine_edited" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "machine_provider" "MachineProvider";

-- AlterTable
ALTER TABLE "suggestion" ADD COLUMN     "machine_edited" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "machine_provider" "MachineProvider";

-- CreateTable
CREATE TABLE "machine_translation" (
    "id" UUID NOT NULL,
    "segment_id" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "source_revision_id" UUID NOT NULL,
    "provider" "MachineProvider" NOT NULL,
    "text" TEXT NOT NULL,
    "requested_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "machine_translation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "machine_translation_source_revision_id_idx" ON "machine_translation"("source_revision_id");

-- CreateIndex
CREATE INDEX "machine_translation_requested_by_id_idx" ON "machine_translation"("requested_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "machine_translation_segment_id_language_source_revision_id__key" ON "machine_translation"("segment_id", "language", "source_revision_id", "provider");

-- AddForeignKey
ALTER TABLE "machine_translation" ADD CONSTRAINT "machine_translation_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "machine_translation" ADD CONSTRAINT "machine_translation_source_revision_id_fkey" FOREIGN KEY ("source_revision_id") REFERENCES "revision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "machine_translation" ADD CONSTRAINT "machine_translation_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- "Edited" only qualifies machine text: a human revision or suggestion is never "machine, edited".
ALTER TABLE "revision" ADD CONSTRAINT "revision_machine_edited_has_provider" CHECK (NOT "machine_edited" OR "machine_provider" IS NOT NULL);
ALTER TABLE "suggestion" ADD CONSTRAINT "suggestion_machine_edited_has_provider" CHECK (NOT "machine_edited" OR "machine_provider" IS NOT NULL);
