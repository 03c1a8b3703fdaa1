-- AlterTable
ALTER TABLE "segment_text" ADD COLUMN     "align_score" REAL,
ADD COLUMN     "continues_previous" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "work_language" ADD COLUMN     "edition" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "published_year" INTEGER,
ADD COLUMN     "translated_from" TEXT,
ADD COLUMN     "translator" TEXT NOT NULL DEFAULT '';
