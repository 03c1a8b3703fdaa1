-- AlterTable
ALTER TABLE "segment" ADD COLUMN     "retired_at" TIMESTAMPTZ(3);
