-- CreateIndex
CREATE INDEX "memory_unit_collection_id_imported_file_id_idx" ON "memory_unit"("collection_id", "imported_file", "id");

-- AddForeignKey
ALTER TABLE "memory_unit" ADD CONSTRAINT "memory_unit_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
