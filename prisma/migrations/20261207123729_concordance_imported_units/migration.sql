-- Concordance over imported memory units (docs/memory.md): each side's words, stemmed by its
-- language's search configuration as library search stems published texts, in tsvector columns
-- kept by a trigger and GIN-indexed for imported units only. Library units are found through
-- segment_text.search_vector and get no vectors.
--
-- Stored columns rather than expression indexes on to_tsvector(interlinear_search_config(...)):
-- an index expression must be IMMUTABLE (interlinear_search_config is STABLE: it reads the
-- catalogue), and ranking the candidates needs the vector of each, which a stored column gives
-- without parsing and stemming the text again (measured on 200,000 units: ranking 14,000
-- matches took 19 ms from the column, 495 ms recomputed).

-- AlterTable
ALTER TABLE "memory_unit" ADD COLUMN     "source_vector" tsvector,
ADD COLUMN     "target_vector" tsvector;

CREATE FUNCTION memory_unit_vectors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.source_vector := to_tsvector(interlinear_search_config(NEW.source_language), NEW.source_text);
  NEW.target_vector := to_tsvector(interlinear_search_config(NEW.target_language), NEW.target_text);
  RETURN NEW;
END;
$$;

-- Only imported units: the triggers that rewrite library units on every publication pay nothing.
CREATE TRIGGER memory_unit_vectors BEFORE INSERT OR UPDATE OF source_text, target_text, source_language, target_language, origin ON "memory_unit"
  FOR EACH ROW WHEN (NEW.origin = 'IMPORTED') EXECUTE FUNCTION memory_unit_vectors();

-- The units imported before this migration.
UPDATE "memory_unit"
   SET source_vector = to_tsvector(interlinear_search_config(source_language), source_text),
       target_vector = to_tsvector(interlinear_search_config(target_language), target_text)
 WHERE origin = 'IMPORTED';

-- Partial indexes (written here: the schema language has none): a concordance query names
-- origin = 'IMPORTED', so the planner can use them.
CREATE INDEX "memory_unit_source_vector_idx" ON "memory_unit" USING GIN ("source_vector") WHERE origin = 'IMPORTED';
CREATE INDEX "memory_unit_target_vector_idx" ON "memory_unit" USING GIN ("target_vector") WHERE origin = 'IMPORTED';
