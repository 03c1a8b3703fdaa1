-- AlterTable
ALTER TABLE "work" ADD COLUMN     "source_url" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];
