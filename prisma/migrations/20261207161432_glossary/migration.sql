-- CreateEnum
CREATE TYPE "GlossaryState" AS ENUM ('PROPOSED', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "GlossaryUsage" AS ENUM ('PREFERRED', 'ADMITTED', 'FORBIDDEN');

-- CreateEnum
CREATE TYPE "GlossaryPartOfSpeech" AS ENUM ('NOUN', 'VERB', 'ADJECTIVE', 'ADVERB', 'PROPER_NOUN', 'OTHER');

-- CreateTable
CREATE TABLE "glossary_term" (
    "id" UUID NOT NULL,
    "collection_id" UUID NOT NULL,
    "source_language" TEXT NOT NULL,
    "target_language" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "term_key" TEXT NOT NULL DEFAULT '',
    "stems" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "first_stem" TEXT NOT NULL DEFAULT '',
    "part_of_speech" "GlossaryPartOfSpeech",
    "note" TEXT NOT NULL DEFAULT '',
    "example" TEXT NOT NULL DEFAULT '',
    "state" "GlossaryState" NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewed_by_id" UUID,
    "reviewed_at" TIMESTAMPTZ(3),
    "rejection_reason" TEXT,

    CONSTRAINT "glossary_term_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "glossary_translation" (
    "id" UUID NOT NULL,
    "term_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "text_key" TEXT NOT NULL DEFAULT '',
    "stems" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "usage" "GlossaryUsage" NOT NULL,
    "state" "GlossaryState" NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewed_by_id" UUID,
    "reviewed_at" TIMESTAMPTZ(3),
    "rejection_reason" TEXT,

    CONSTRAINT "glossary_translation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "glossary_term_first_stem_idx" ON "glossary_term"("collection_id", "source_language", "target_language", "first_stem");

-- CreateIndex
CREATE INDEX "glossary_term_pair_key_idx" ON "glossary_term"("collection_id", "source_language", "target_language", "term_key");

-- CreateIndex
CREATE INDEX "glossary_term_collection_id_state_idx" ON "glossary_term"("collection_id", "state");

-- CreateIndex
CREATE INDEX "glossary_term_term_key_idx" ON "glossary_term" USING GIN ("term_key" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "glossary_translation_term_id_idx" ON "glossary_translation"("term_id");

-- CreateIndex
CREATE INDEX "glossary_translation_state_idx" ON "glossary_translation"("state");

-- CreateIndex
CREATE INDEX "glossary_translation_text_key_idx" ON "glossary_translation" USING GIN ("text_key" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "glossary_term" ADD CONSTRAINT "glossary_term_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "glossary_term" ADD CONSTRAINT "glossary_term_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "glossary_term" ADD CONSTRAINT "glossary_term_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "glossary_translation" ADD CONSTRAINT "glossary_translation_term_id_fkey" FOREIGN KEY ("term_id") REFERENCES "glossary_term"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "glossary_translation" ADD CONSTRAINT "glossary_translation_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "glossary_translation" ADD CONSTRAINT "glossary_translation_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Glossary (docs/glossary.md). Terms are recognised in a text by the stems of their words, in the
-- order they come, as PostgreSQL's text search stems them in the language's configuration
-- (interlinear_search_config, the one library search and the translation memory use): "Коминтерн"
-- is found in "Коминтерна" and "Коминтерну", "soviet" in "soviets". Stems are computed here, by the
-- database, for stored terms (by the triggers below) and for the texts looked in (lib/glossary/
-- stem-tokens.ts, through the same function), so both sides always stem alike.

-- The words of a text as the glossary matches them, in order (`n`), each with its stem: every
-- token of the configuration's parser that one of its dictionaries recognises (the first that
-- does, as to_tsvector takes it). A stop word ("of", "the", "и") keeps its lower-cased form rather
-- than being dropped, so "Party of Labour" is not found in "Party Labour". A hyphenated compound
-- is taken as its parts (the parser gives both: "social-democrats" is "social", "democrat"), and a
-- URL as its host and path. Abbreviations with dots come as the parser reads them ("C.P.S.U" one
-- token, "И.К.К.И" four letters). Blanks and punctuation are no tokens.
-- plpgsql so that the configuration, its parser and the token types left out are looked up once
-- per text (inlined SQL looked them up for every token: 4 ms a sentence against 0.15 ms).
CREATE FUNCTION glossary_tokens(language text, t text) RETURNS TABLE (n integer, token text, stem text)
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  cfg regconfig := interlinear_search_config(language);
  parser oid;
  compounds integer[];
BEGIN
  SELECT k.cfgparser INTO parser FROM pg_catalog.pg_ts_config k WHERE k.oid = cfg;
  SELECT array_agg(tt.tokid) INTO compounds FROM pg_catalog.ts_token_type(parser) tt WHERE tt.alias IN ('asciihword', 'hword', 'numhword', 'url');
  RETURN QUERY
    SELECT p.n::integer, p.token, CASE WHEN cardinality(l.lexemes) = 0 THEN lower(p.token) ELSE l.lexemes[1] END
      FROM pg_catalog.ts_parse(parser, t) WITH ORDINALITY AS p(tokid, token, n)
     CROSS JOIN LATERAL (
       SELECT x.lexemes
         FROM (SELECT pg_catalog.ts_lexize(m.mapdict::regdictionary, p.token) AS lexemes, m.mapseqno
                 FROM pg_catalog.pg_ts_config_map m
                WHERE m.mapcfg = cfg AND m.maptokentype = p.tokid) x
        WHERE x.lexemes IS NOT NULL
        ORDER BY x.mapseqno
        LIMIT 1) l
     WHERE p.tokid <> ALL (coalesce(compounds, '{}'))
     ORDER BY p.n;
END;
$$;

-- The stems of a text's words in order (empty for a text of no word).
CREATE FUNCTION glossary_stems(language text, t text) RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(g.stem ORDER BY g.n), '{}') FROM glossary_tokens(language, t) g
$$;

-- The key one entry per term (or translation of a term) is kept under: lower-cased, white space collapsed.
CREATE FUNCTION glossary_key(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(regexp_replace(btrim(t), '\s+', ' ', 'g'))
$$;

CREATE FUNCTION glossary_term_stems() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.term_key := glossary_key(NEW.text);
  NEW.stems := glossary_stems(NEW.source_language, NEW.text);
  NEW.first_stem := coalesce(NEW.stems[1], '');
  RETURN NEW;
END;
$$;

CREATE TRIGGER glossary_term_stems BEFORE INSERT OR UPDATE OF text, source_language ON "glossary_term"
  FOR EACH ROW EXECUTE FUNCTION glossary_term_stems();

-- A translation is stemmed in its term's target language.
CREATE FUNCTION glossary_translation_stems() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.text_key := glossary_key(NEW.text);
  NEW.stems := glossary_stems((SELECT t.target_language FROM glossary_term t WHERE t.id = NEW.term_id), NEW.text);
  RETURN NEW;
END;
$$;

CREATE TRIGGER glossary_translation_stems BEFORE INSERT OR UPDATE OF text, term_id ON "glossary_translation"
  FOR EACH ROW EXECUTE FUNCTION glossary_translation_stems();

-- One live entry per term and language pair, and per translation of a term: a proposal of a term
-- already there (or already proposed) is refused; one turned down does not stand in the way.
-- Partial indexes are written here: the schema language has none.
CREATE UNIQUE INDEX "glossary_term_live_key" ON "glossary_term" ("collection_id", "source_language", "target_language", "term_key") WHERE state <> 'REJECTED';
CREATE UNIQUE INDEX "glossary_translation_live_key" ON "glossary_translation" ("term_id", "text_key") WHERE state <> 'REJECTED';
