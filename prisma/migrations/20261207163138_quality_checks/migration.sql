-- CreateTable
CREATE TABLE "check_setting" (
    "collection_id" UUID NOT NULL,
    "check_id" TEXT NOT NULL,
    "is_enabled" BOOLEAN NOT NULL DEFAULT true,
    "is_blocking" BOOLEAN NOT NULL DEFAULT false,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "check_setting_pkey" PRIMARY KEY ("collection_id","check_id")
);

-- CreateTable
CREATE TABLE "check_dismissal" (
    "id" UUID NOT NULL,
    "segment_id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "check_id" TEXT NOT NULL,
    "finding_key" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "dismissed_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "check_dismissal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "check_dismissal_work_id_language_idx" ON "check_dismissal"("work_id", "language");

-- CreateIndex
CREATE INDEX "check_dismissal_dismissed_by_id_idx" ON "check_dismissal"("dismissed_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "check_dismissal_segment_id_language_check_id_finding_key_key" ON "check_dismissal"("segment_id", "language", "check_id", "finding_key");

-- AddForeignKey
ALTER TABLE "check_setting" ADD CONSTRAINT "check_setting_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_setting" ADD CONSTRAINT "check_setting_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_dismissal" ADD CONSTRAINT "check_dismissal_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_dismissal" ADD CONSTRAINT "check_dismissal_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_dismissal" ADD CONSTRAINT "check_dismissal_dismissed_by_id_fkey" FOREIGN KEY ("dismissed_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Quality checks (docs/quality-checks.md): only the checks lib/checks/types.ts knows are stored,
-- and a dismissal's key and reason are bounded as the schemas bound them.
ALTER TABLE "check_setting" ADD CONSTRAINT "check_setting_check_id_known" CHECK ("check_id" IN ('numbers', 'footnotes', 'brackets', 'spacing', 'untranslated', 'end-punctuation', 'glossary', 'names', 'length', 'consistency', 'repeated-words'));
ALTER TABLE "check_dismissal" ADD CONSTRAINT "check_dismissal_check_id_known" CHECK ("check_id" IN ('numbers', 'footnotes', 'brackets', 'spacing', 'untranslated', 'end-punctuation', 'glossary', 'names', 'length', 'consistency', 'repeated-words'));
ALTER TABLE "check_dismissal" ADD CONSTRAINT "check_dismissal_bounded" CHECK (char_length("finding_key") BETWEEN 1 AND 300 AND char_length("reason") BETWEEN 1 AND 500);
