-- AlterTable
ALTER TABLE "reader_report" ADD COLUMN     "duplicate_of_id" UUID;

-- CreateIndex
CREATE INDEX "reader_report_segment_id_language_status_idx" ON "reader_report"("segment_id", "language", "status");

-- CreateIndex
CREATE INDEX "reader_report_duplicate_of_id_idx" ON "reader_report"("duplicate_of_id");

-- AddForeignKey
ALTER TABLE "reader_report" ADD CONSTRAINT "reader_report_duplicate_of_id_fkey" FOREIGN KEY ("duplicate_of_id") REFERENCES "reader_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Open reports already queued twice on the same text (segment, language, text seen) are merged into
-- the oldest of them, as new ones are (lib/report/create-report.ts).
UPDATE "reader_report" r SET "duplicate_of_id" = p.first_id
FROM (
  SELECT id, first_value(id) OVER (PARTITION BY segment_id, language, quoted_text ORDER BY created_at, id) AS first_id
  FROM "reader_report" WHERE status = 'OPEN'
) p
WHERE r.id = p.id AND p.first_id <> r.id;
