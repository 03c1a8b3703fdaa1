import type { SeedLexicon } from './seed-lexicon';
import { MAX_ALIGN_BAND_CELLS } from '../../config/limits';

/**
 * Public types of the sentence aligner. Kept in their own module so the DP, the
 * association model and the scorer can share them without import cycles.
 */

/** Options of {@link alignSentences} and {@link alignDocuments}. Every knob has a documented default. */
export interface AlignOptions {
  /** BCP 47 code of the source text (informational; transliteration is applied to any Cyrillic). */
  sourceLanguage?: string;
  /** BCP 47 code of the target text (informational). */
  targetLanguage?: string;
  /** Align → learn → re-align rounds after the first pass. Default 1; 0 keeps the anchor-only pass. */
  iterations?: number;
  /** Initial half-width of the DP band, in target sentences around the expected path. Default 40; doubled while the path touches the band edge. */
  bandWidth?: number;
  /** Weight of the lexical similarity (anchors + learned associations) against the length cost: each sentence of a bead earns up to half of it for the share of its tokens the other side explains beyond chance. Default 20. */
  lexicalWeight?: number;
  /** Largest number of sentences on one side of a bead (2 to 4). Default 4. */
  maxBeadSide?: number;
  /** Most cells the DP band may hold before it stops widening. Default `MAX_ALIGN_BAND_CELLS` (lib/config/limits.ts). */
  maxBandCells?: number;
  /**
   * A bilingual word list for the language pair (lib/align/load-seed-lexicon.ts reads the FreeDict
   * dictionaries). Its word pairs are linked like anchors, from the first pass on. Without it the
   * aligner relies on anchors and what it learns from the text pair alone.
   */
  seedLexicon?: SeedLexicon | null;
}

/** One bead: indices into the source and target sentence arrays (ascending, contiguous), and a confidence in [0, 1]. */
export interface Bead {
  source: number[];
  target: number[];
  score: number;
}

/** Fully resolved options, as used internally. */
export interface ResolvedAlignOptions {
  iterations: number;
  bandWidth: number;
  lexicalWeight: number;
  maxBeadSide: number;
  maxBandCells: number;
  seedLexicon: SeedLexicon | null;
}

/** Fills in the defaults documented on {@link AlignOptions}. */
export function resolveAlignOptions(options: AlignOptions | undefined): ResolvedAlignOptions {
  return {
    iterations: Math.max(0, Math.floor(options?.iterations ?? 1)),
    bandWidth: Math.max(4, Math.floor(options?.bandWidth ?? 40)),
    lexicalWeight: options?.lexicalWeight ?? 20,
    maxBeadSide: Math.min(4, Math.max(2, Math.floor(options?.maxBeadSide ?? 4))),
    maxBandCells: Math.max(1, Math.floor(options?.maxBandCells ?? MAX_ALIGN_BAND_CELLS)),
    seedLexicon: options?.seedLexicon ?? null,
  };
}
