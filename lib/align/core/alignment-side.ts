import { isWord } from './association-lexicon';
import { tokenizeForAlignment } from './tokenize-for-alignment';

/**
 * One side of a text pair, prepared for the DP: per unit (sentence or paragraph) its
 * length in characters and its distinct token types as integer ids, plus an inverted
 * index from type to the (ascending) units that hold it.
 */
export interface AlignmentSide {
  /** Number of units. */
  count: number;
  /** Characters per unit (spaces excluded, so tokenised and untokenised text measure alike). */
  lengths: Float64Array;
  /** Distinct token type ids per unit. */
  tokens: Int32Array[];
  /** Type id → token string. */
  vocabulary: string[];
  /** Type id → ascending unit indices holding it. */
  postings: Int32Array[];
  /**
   * 1 for a unit of OCR debris: no word of two letters or more and no capital letter (`.....`,
   * `24 a !`, `h * "`, `.:-- , .`). A capital keeps short real sentences out (`I...`, `-- А!`,
   * whose one-letter words the tokeniser drops).
   */
  debris: Uint8Array;
}

/** Builds an {@link AlignmentSide} from units given as lists of sentences (one sentence per unit for sentence alignment). */
export function buildAlignmentSide(units: readonly (readonly string[])[]): AlignmentSide {
  const ids = new Map<string, number>();
  const vocabulary: string[] = [];
  const postingLists: number[][] = [];
  const lengths = new Float64Array(units.length);
  const tokens: Int32Array[] = [];
  const debris = new Uint8Array(units.length);
  units.forEach((sentences, unit) => {
    const seen = new Set<number>();
    let length = 0;
    let junk = sentences.length > 0;
    for (const sentence of sentences) {
      length += sentence.replace(WHITESPACE, '').length;
      if (CAPITAL.test(sentence)) junk = false;
      for (const token of tokenizeForAlignment(sentence)) {
        if (junk && isWord(token)) junk = false;
        let id = ids.get(token);
        if (id === undefined) {
          id = vocabulary.length;
          ids.set(token, id);
          vocabulary.push(token);
          postingLists.push([]);
        }
        if (!seen.has(id)) {
          seen.add(id);
          postingLists[id]!.push(unit);
        }
      }
    }
    lengths[unit] = length;
    debris[unit] = junk ? 1 : 0;
    tokens.push(Int32Array.from(seen));
  });
  return { count: units.length, lengths, tokens, vocabulary, postings: postingLists.map((list) => Int32Array.from(list)), debris };
}

const WHITESPACE = /\s+/g;
const CAPITAL = /\p{Lu}/u;
