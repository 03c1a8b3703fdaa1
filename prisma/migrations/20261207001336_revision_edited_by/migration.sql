-- AlterTable
ALTER TABLE "revision" ADD COLUMN     "edited_by_id" UUID;

-- AddForeignKey
ALTER TABLE "revision" ADD CONSTRAINT "revision_edited_by_id_fkey" FOREIGN KEY ("edited_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Revisions stay immutable; a deleted account may now be cleared from either credit (author or
-- editor) by ON DELETE SET NULL, and nothing else may change.
CREATE OR REPLACE FUNCTION "revision_refuse_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.author_id IS NOT DISTINCT FROM OLD.author_id OR (NEW.author_id IS NULL AND OLD.author_id IS NOT NULL))
       AND (NEW.edited_by_id IS NOT DISTINCT FROM OLD.edited_by_id OR (NEW.edited_by_id IS NULL AND OLD.edited_by_id IS NOT NULL))
       AND (to_jsonb(NEW) - 'author_id' - 'edited_by_id') = (to_jsonb(OLD) - 'author_id' - 'edited_by_id')
       AND (NEW.author_id IS DISTINCT FROM OLD.author_id OR NEW.edited_by_id IS DISTINCT FROM OLD.edited_by_id) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'revision rows are immutable' USING ERRCODE = 'restrict_violation';
END;
$$;
