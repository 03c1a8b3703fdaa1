-- AlterTable
ALTER TABLE "revision" ADD COLUMN     "emphasis" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- Offsets come in pairs (start, end); a revision written before emphasis was kept has none.
ALTER TABLE "revision" ADD CONSTRAINT "revision_emphasis_pairs" CHECK (cardinality("emphasis") % 2 = 0);
