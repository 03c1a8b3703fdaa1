-- The normalised form of a sentence that the memory's exact key hashes (lower-cased, white space
-- collapsed and trimmed), as a function of its own: queries that compare two sentences as the key
-- does (repetitions, after a key lookup) call it rather than repeating the normalisation.
CREATE FUNCTION memory_exact_text(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(regexp_replace(btrim(t), '\s+', ' ', 'g'))
$$;

CREATE OR REPLACE FUNCTION memory_exact_key(t text) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT hashtextextended(memory_exact_text(t), 0)
$$;
