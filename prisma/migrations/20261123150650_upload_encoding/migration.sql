-- AlterTable
ALTER TABLE "upload" ADD COLUMN     "encoding" TEXT NOT NULL DEFAULT 'utf-8';
