-- CreateEnum
CREATE TYPE "WorkPart" AS ENUM ('WORK', 'FRONT_MATTER', 'BACK_MATTER');

-- AlterTable
ALTER TABLE "work" ADD COLUMN     "part" "WorkPart" NOT NULL DEFAULT 'WORK',
ADD COLUMN     "volume_id" UUID,
ADD COLUMN     "volume_position" INTEGER;

-- CreateTable
CREATE TABLE "volume" (
    "id" UUID NOT NULL,
    "collection_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "author" TEXT NOT NULL DEFAULT '',
    "date_text" TEXT NOT NULL DEFAULT '',
    "source_edition" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "volume_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "volume_collection_id_idx" ON "volume"("collection_id");

-- CreateIndex
CREATE UNIQUE INDEX "work_volume_id_volume_position_key" ON "work"("volume_id", "volume_position");

-- AddForeignKey
ALTER TABLE "volume" ADD CONSTRAINT "volume_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work" ADD CONSTRAINT "work_volume_id_fkey" FOREIGN KEY ("volume_id") REFERENCES "volume"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Volumes imported before volumes were stored: one per `volume.imported` event, created when the
-- event was, with its works in the event's order (their parts are not recorded there: each stays a
-- WORK; the title is the edition the works record, which was the volume's title unless an edition
-- was given).
DO $$
DECLARE
  event RECORD;
  head RECORD;
  new_volume UUID;
BEGIN
  FOR event IN
    SELECT data->'workIds' AS ids, created_at FROM audit_event
     WHERE type = 'volume.imported'
       AND CASE WHEN jsonb_typeof(data->'workIds') = 'array' THEN jsonb_array_length(data->'workIds') > 0 ELSE false END
     ORDER BY created_at, id
  LOOP
    SELECT w.collection_id, w.source_edition, w.author, w.date_text INTO head
      FROM work w WHERE w.id = (event.ids->>0)::uuid AND w.volume_id IS NULL;
    IF NOT FOUND THEN CONTINUE; END IF;
    new_volume := gen_random_uuid();
    INSERT INTO volume (id, collection_id, title, author, date_text, source_edition, created_at)
    VALUES (new_volume, head.collection_id, head.source_edition, head.author, head.date_text, head.source_edition, event.created_at);
    UPDATE work w SET volume_id = new_volume, volume_position = listed.ord - 1
      FROM jsonb_array_elements_text(event.ids) WITH ORDINALITY AS listed(id, ord)
     WHERE w.id = listed.id::uuid AND w.volume_id IS NULL AND w.collection_id = head.collection_id;
  END LOOP;
END $$;
