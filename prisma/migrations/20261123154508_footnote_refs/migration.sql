-- CreateTable
CREATE TABLE "footnote_ref" (
    "id" UUID NOT NULL,
    "segment_id" UUID NOT NULL,
    "footnote_id" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "char_offset" INTEGER NOT NULL,

    CONSTRAINT "footnote_ref_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "footnote_ref_segment_id_idx" ON "footnote_ref"("segment_id");

-- CreateIndex
CREATE INDEX "footnote_ref_footnote_id_idx" ON "footnote_ref"("footnote_id");

-- AddForeignKey
ALTER TABLE "footnote_ref" ADD CONSTRAINT "footnote_ref_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "footnote_ref" ADD CONSTRAINT "footnote_ref_footnote_id_fkey" FOREIGN KEY ("footnote_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
