-- Library search: each published text's words, stemmed by its language's text search
-- configuration, in a GIN-indexed tsvector kept by a trigger in the publishing transaction.

-- AlterTable
ALTER TABLE "segment_text" ADD COLUMN     "search_vector" tsvector;

-- The text search configuration of a language tag: PostgreSQL's own stemmer for the language
-- where it has one, `simple` (no stemming, no stop words) otherwise.
CREATE FUNCTION interlinear_search_config(language text) RETURNS regconfig LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(
    (SELECT c.oid::regconfig
       FROM pg_catalog.pg_ts_config c JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace
      WHERE n.nspname = 'pg_catalog'
        AND c.cfgname = CASE lower(split_part(language, '-', 1))
          WHEN 'ar' THEN 'arabic' WHEN 'hy' THEN 'armenian' WHEN 'eu' THEN 'basque' WHEN 'ca' THEN 'catalan'
          WHEN 'da' THEN 'danish' WHEN 'nl' THEN 'dutch' WHEN 'en' THEN 'english' WHEN 'fi' THEN 'finnish'
          WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german' WHEN 'el' THEN 'greek' WHEN 'hi' THEN 'hindi'
          WHEN 'hu' THEN 'hungarian' WHEN 'id' THEN 'indonesian' WHEN 'ga' THEN 'irish' WHEN 'it' THEN 'italian'
          WHEN 'lt' THEN 'lithuanian' WHEN 'ne' THEN 'nepali' WHEN 'no' THEN 'norwegian' WHEN 'nb' THEN 'norwegian'
          WHEN 'nn' THEN 'norwegian' WHEN 'pt' THEN 'portuguese' WHEN 'ro' THEN 'romanian' WHEN 'ru' THEN 'russian'
          WHEN 'sr' THEN 'serbian' WHEN 'es' THEN 'spanish' WHEN 'sv' THEN 'swedish' WHEN 'ta' THEN 'tamil'
          WHEN 'tr' THEN 'turkish' WHEN 'yi' THEN 'yiddish'
        END),
    'simple'::regconfig)
$$;

CREATE FUNCTION segment_text_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.published_revision_id IS NULL THEN
    NEW.search_vector := NULL;
  ELSE
    NEW.search_vector := to_tsvector(interlinear_search_config(NEW.language), (SELECT r.text FROM revision r WHERE r.id = NEW.published_revision_id));
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER segment_text_search_vector BEFORE INSERT OR UPDATE OF published_revision_id, language ON "segment_text"
  FOR EACH ROW EXECUTE FUNCTION segment_text_search_vector();

-- The texts published before this migration.
UPDATE "segment_text" st SET search_vector = to_tsvector(interlinear_search_config(st.language), r.text)
  FROM revision r WHERE r.id = st.published_revision_id;

-- CreateIndex
CREATE INDEX "segment_text_search_vector_idx" ON "segment_text" USING GIN ("search_vector");
