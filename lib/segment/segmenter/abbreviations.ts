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
  /**
   * Units and dating after a number ("1812 г.", "5 см.", "XIX в."), which may end a sentence there:
   * `conditional` after a number, whatever their kind elsewhere ("г. Москва", "см. ниже").
   */
  afterNumber?: readonly string[];
  /**
   * Abbreviations that are also common words, each with the words (by their beginning) that it
   * follows as an abbreviation: "им." abbreviates "имени" after "завод", "библиотека"…, an acronym
   * or a number; after anything else it is the pronoun "им", which ends many a sentence.
   */
  onlyAfter?: Readonly<Record<string, readonly string[]>>;
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
    // "им." (named after), "тов." (comrade), "т. е." (that is), "т." (volume), "г." (town, Mr), "с." (page,
    // village), "гл." (chapter) precede a name, word or number.
    always: ['им', 'тов', 'гр', 'ул', 'см', 'ср', 'проф', 'акад', 'напр', 'т', 'т.е', 'т.н', 'т.к', 'стр', 'с', 'г', 'гл', 'рис', 'табл'],
    // "гг." (years), "в." (century), "т. д." / "т. п." (etc.), "др." (others), "н. э." (AD) often end a sentence.
    conditional: ['гг', 'в', 'вв', 'т.д', 'т.п', 'др', 'и.о', 'н.э', 'руб', 'коп', 'тыс', 'млн', 'млрд', 'янв', 'февр', 'авг', 'сент', 'окт', 'нояб', 'дек'],
    afterNumber: ['г', 'см', 'т', 'с', 'стр'],
    onlyAfter: {
      им: [
        'завод', 'фабрик', 'комбинат', 'университет', 'институт', 'академи', 'библиотек', 'школ', 'гимнази', 'лице', 'училищ',
        'консерватори', 'театр', 'музе', 'филармони', 'цирк', 'кинотеатр', 'галере', 'парк', 'сад', 'клуб', 'дворц', 'дворец',
        'дом', 'культур', 'больниц', 'клиник', 'госпитал', 'стадион', 'площад', 'улиц', 'проспект', 'переул', 'бульвар',
        'набережн', 'станци', 'колхоз', 'совхоз', 'фонд', 'обществ', 'кафедр', 'лаборатори', 'преми', 'стипенди', 'орден',
        'медал', 'корабл', 'пароход', 'теплоход', 'ледокол', 'судн', 'полк', 'дивизи', 'центр', 'санатори', 'гимназ', 'курс',
      ],
    },
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
  afterNumber: Set<string>;
  onlyAfter: Map<string, readonly string[]>;
}

const compiled = new Map<string, CompiledTable>();

function compile(tables: readonly AbbreviationTable[]): CompiledTable {
  const exact = new Map<string, AbbreviationKind>();
  const folded = new Map<string, AbbreviationKind>();
  const afterNumber = new Set<string>();
  const onlyAfter = new Map<string, readonly string[]>();
  for (const table of tables) {
    for (const entry of table.afterNumber ?? []) afterNumber.add(entry);
    for (const [entry, words] of Object.entries(table.onlyAfter ?? {})) onlyAfter.set(entry, words);
    for (const kind of ['conditional', 'always'] as const) {
      for (const entry of table[kind]) {
        const target = entry === entry.toLowerCase() ? folded : exact;
        // "always" is applied last so it wins when two tables disagree.
        target.set(entry, kind);
      }
    }
  }
  return { exact, folded, afterNumber, onlyAfter };
}

/** The primary language subtag ("ru-RU" → "ru"), lowercased. */
export function primaryLanguage(language: string): string {
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

/** A number as it stands before a unit or a date: "1812", "5,5", "1850-х", "1850–1860", "XIX". */
const NUMBER_WORD = /^(?:\d[\d.,–—-]*(?:-\p{L}{1,3})?|[IVXLCDM]{1,7}(?:[–—-][IVXLCDM]{1,7})?)$/u;
/** An acronym ("МГУ", "ДК"), after which "им." names what the institution is named after. */
const ACRONYM = /^\p{Lu}{2,}$/u;

/**
 * Looks up an abbreviation written without its final period and without spaces
 * (e.g. "Mr", "e.g", "т.е") for the given BCP 47 language. English/Latin
 * abbreviations are known for every language, since citations mix them in.
 * `previousWord`, the word before a single-piece abbreviation, tells a unit after
 * a number ("5 см.") from a reference ("см. ниже"), and an abbreviation that is
 * also a word ("им.") from that word; without it the abbreviation's own kind is used.
 */
export function abbreviationKind(abbreviation: string, language: string, previousWord?: string): AbbreviationKind | null {
  const table = tableFor(language);
  const kind = table.exact.get(abbreviation) ?? table.folded.get(abbreviation.toLowerCase()) ?? null;
  if (kind === null || previousWord === undefined) return kind;
  const key = abbreviation.toLowerCase();
  if (table.afterNumber.has(key) && NUMBER_WORD.test(previousWord)) return 'conditional';
  const words = table.onlyAfter.get(key);
  if (words) {
    const bare = previousWord.replace(/^\P{L}+|\P{L}+$/gu, '');
    const lower = bare.toLowerCase();
    const isAfterName = ACRONYM.test(bare) || NUMBER_WORD.test(previousWord) || words.some((word) => lower.startsWith(word));
    return isAfterName ? kind : null;
  }
  return kind;
}
