-- CreateEnum
CREATE TYPE "BlockStyle" AS ENUM ('PROSE', 'QUOTE', 'LIST_ITEM', 'SPEAKER_TURN');

-- AlterTable
ALTER TABLE "segment" ADD COLUMN     "speaker" TEXT,
ADD COLUMN     "style" "BlockStyle" NOT NULL DEFAULT 'PROSE';
