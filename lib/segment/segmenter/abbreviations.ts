/**
 * Abbreviations that end in a period without ending the sentence.
 *
 * `Intl.Segmenter` (ICU) breaks after any "word. Capital", so it splits
 * "Mr. Stalin" and "J. V. Stalin". These tables drive the repair pass in
 * split-sentences.ts. Keys are written without the final period and without
 * internal spaces ("e. g." → "e.g").
 */

/**
 * How an abbreviation behaves before the next word:
 * - `always`: never ends a sentence ("Mr.", "cf.", "e. g.") — the break is removed whatever follows;
 * - `conditional`: may end a sentence ("etc.", "ibid.", "Jan.") — the break is removed only when
 *   the next segment starts with a lowercase letter, a digit or punctuation.
 */
export type AbbreviationKind = 'always' | 'conditional';

interface AbbreviationTable {
  always: readonly string[];
  conditional: readonly string[];
}

// Entries in lowercase match case-insensitively; entries with capitals match exactly, because their
// lowercase forms are ordinary words that do end sentences ("gen.", "col.", "rev.", "me.").
const COMMON: AbbreviationTable = {
  always: [
    'mr', 'mrs', 'ms', 'messrs', 'mme', 'mlle', 'dr', 'st', 'prof', 'Gen', 'Col', 'Capt', 'Lt', 'Sgt', 'Rev', 'Hon',
    'Gov', 'Sen', 'Rep', 'Fr', 'Mt',
    'cf', 'viz', 'vs', 'e.g', 'i.e', 'op', 'p', 'pp', 'vol', 'vols', 'nos', 'ch', 'chap', 'fig', 'para', 'paras',
    'approx', 'ca',
  ],
  conditional: [
    'no', 'art', 'arts', 'sec', 'ed', 'eds', 'trans', 'ff', 'ibid', 'id', 'loc', 'cit', 'etc', 'al', 'seq', 'esp',
    'incl', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'dept', 'a.m', 'p.m', 'n.b', 'jan', 'feb', 'mar', 'apr',
    'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  ],
};

const BY_LANGUAGE: Record<string, AbbreviationTable> = {
  ru: {
    // "им." (named after), "тов." (comrade), "т. е." (that is), "т." (volume) precede a name, word or number.
    always: ['им', 'тов', 'гр', 'ул', 'см', 'ср', 'проф', 'акад', 'напр', 'т', 'т.е', 'т.н', 'т.к', 'стр', 'с'],
    // "г." (year), "т. д." / "т. п." (etc.), "др." (others) often end a sentence.
    conditional: ['г', 'гг', 'в', 'вв', 'т.д', 'т.п', 'др', 'и.о', 'руб', 'коп', 'янв', 'февр', 'авг', 'сент', 'окт', 'нояб', 'дек'],
  },
  de: {
    // German capitalises nouns, so "d. h. Marx" cannot rely on the lowercase rule.
    always: ['z.B', 'd.h', 'vgl', 'bzw', 'nr', 'hr', 'hrn', 'sog', 'evtl', 'ggf', 'bd', 'bde', 'abs', 'anm', 'u.a'],
    conditional: ['usw', 'u.ä', 'jh', 'jhd', 'f', 'ff', 'ebd'],
  },
  fr: {
    always: ['M', 'MM', 'cf', 'env', 'éd', 'chap'],
    conditional: ['etc', 'av', 'apr', 'J.-C', 'ex', 'c.-à-d', 't'],
  },
};

interface CompiledTable {
  exact: Map<string, AbbreviationKind>;
  folded: Map<string, AbbreviationKind>;
}

const compiled = new Map<string, CompiledTable>();

function compile(tables: readonly AbbreviationTable[]): CompiledTable {
  const exact = new Map<string, AbbreviationKind>();
  const folded = new Map<string, AbbreviationKind>();
  for (const table of tables) {
    for (const kind of ['conditional', 'always'] as const) {
      for (const entry of table[kind]) {
        const target = entry === entry.toLowerCase() ? folded : exact;
        // "always" is applied last so it wins when two tables disagree.
        target.set(entry, kind);
      }
    }
  }
  return { exact, folded };
}

/** The primary language subtag ("ru-RU" → "ru"), lowercased. */
function primaryLanguage(language: string): string {
  return (language.split(/[-_]/)[0] ?? '').toLowerCase();
}

function tableFor(language: string): CompiledTable {
  const primary = primaryLanguage(language);
  let table = compiled.get(primary);
  if (!table) {
    const specific = BY_LANGUAGE[primary];
    table = compile(specific ? [COMMON, specific] : [COMMON]);
    compiled.set(primary, table);
  }
  return table;
}

/**
 * Looks up an abbreviation written without its final period and without spaces
 * (e.g. "Mr", "e.g", "т.е") for the given BCP 47 language. English/Latin
 * abbreviations are known for every language, since citations mix them in.
 */
export function abbreviationKind(abbreviation: string, language: string): AbbreviationKind | null {
  const table = tableFor(language);
  return table.exact.get(abbreviation) ?? table.folded.get(abbreviation.toLowerCase()) ?? null;
}
