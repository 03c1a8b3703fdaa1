import { isSameWord, type StemmedWord } from './match-names';
import { isNameJoin, latinKey, nameWords, type NameWord } from './name-words';
import { isStopWord } from './stop-words';
import { transliterateName } from './transliterate-name';

/**
 * The seeding's reading of a work (docs/names.md, "Seeding"): the capitalised words that recur
 * in its texts as names do, grouped by word (inflected Russian forms by their stems), and the
 * source's names paired with their forms in each translation by co-occurrence in aligned
 * segments. Pure: the stems come from the caller (PostgreSQL's snowball stemmer).
 */

/** A published text of the work: its segment and words. */
export interface SeedText {
  segmentId: string;
  text: string;
}

/** A language of the work with its texts (the source's, or a translation's). */
export interface SeedSide {
  language: string;
  texts: readonly SeedText[];
}

/** What the seeding proposes: a name's forms by language, how often the source has it. */
export interface NameCandidate {
  kind: 'PERSON' | 'PLACE';
  /** The source's form first, then a translation's paired form, each the preferred form of its language. */
  forms: { text: string; language: string }[];
  /** Occurrences in the source, and every spelling they were written in (inflections). */
  occurrences: number;
  spellings: string[];
}

/** How often a word must occur, and outside the start of a sentence, to be proposed. */
export const SEED_THRESHOLDS = { occurrences: 3, insideSentence: 2, pairedOccurrences: 2, lowerCaseShare: 0.1, pairScore: 0.5 } as const;

/** The prepositions of a language: a name after one is rarely in its dictionary form (`в Москве`). */
const PREPOSITIONS: Record<string, ReadonlySet<string>> = {
  ru: new Set(['в', 'во', 'из', 'изо', 'на', 'с', 'со', 'к', 'ко', 'о', 'об', 'обо', 'от', 'до', 'для', 'по', 'под', 'над', 'при', 'про', 'без', 'у', 'за', 'перед', 'через', 'между']),
};

function primaryLanguage(language: string): string {
  return language.toLowerCase().split('-')[0] ?? '';
}

/** Words before a place more often than before a person (`в Москве`, `in Moscow`), by language. */
const PLACE_PREPOSITIONS: Record<string, ReadonlySet<string>> = {
  ru: new Set(['в', 'во', 'из', 'изо', 'под', 'над']),
  en: new Set(['in']),
  de: new Set(['in', 'nach']),
  fr: new Set(['à', 'en']),
};

interface Occurrence {
  word: StemmedWord;
  segmentId: string;
  isSentenceStart: boolean;
  previous: string | null;
  /** Followed by a period (an abbreviation always is: `Vol.`, `Russ.`). */
  hasPeriod: boolean;
  /** The next word, when it may be the second word of the same name. */
  next: StemmedWord | null;
}

interface Group {
  /** The words that read as one (by key, or by the stemmer). */
  spellings: Map<string, { word: StemmedWord; count: number }>;
  occurrences: Occurrence[];
}

/** Whether a word starts a sentence: the first of its text, or after a sentence's end or a line break (not after an initial). */
function startsSentence(text: string, words: readonly NameWord[], index: number): boolean {
  const previous = words[index - 1];
  if (!previous) return true;
  if (previous.isInitial) return false;
  return /[.!?…:;\n]/u.test(text.slice(previous.end, (words[index] as NameWord).start));
}

/** The union-find of groups by index. */
function unionFind(size: number) {
  const parent = Array.from({ length: size }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  return { find, union: (a: number, b: number) => void (parent[find(a)] = find(b)) };
}

interface SideReading {
  groups: Group[];
  /** Lower-case occurrences by key and by stem: a word written so is a common word. */
  lowerCase: Map<string, number>;
}

/**
 * Groups the capitalised words of a side's texts: Latin words by key, others by stem, then the
 * groups whose words match as a name's forms do (lib/names/match-names.ts: `Зиновьев` and
 * `Зиновьева`, whose stems differ) joined.
 */
function readSide(side: SeedSide, stemOf: (key: string) => string): SideReading {
  const byStem = new Map<string, Group>();
  const lowerCase = new Map<string, number>();
  for (const { segmentId, text } of side.texts) {
    const words: StemmedWord[] = nameWords(text).map((word) => ({ ...word, stem: word.isLatin ? word.key : stemOf(word.key) }));
    words.forEach((word, index) => {
      if (!word.isCapitalised) {
        lowerCase.set(word.key, (lowerCase.get(word.key) ?? 0) + 1);
        if (word.stem !== word.key) lowerCase.set(`\u0000${word.stem}`, (lowerCase.get(`\u0000${word.stem}`) ?? 0) + 1);
        return;
      }
      if (word.isInitial || word.isAllCaps || [...word.key].length < 2) return;
      const nextWord = words[index + 1];
      const next = nextWord && nextWord.isCapitalised && !nextWord.isInitial && !nextWord.isAllCaps && isNameJoin(text, word, nextWord) ? nextWord : null;
      const group: Group = byStem.get(word.stem) ?? { spellings: new Map(), occurrences: [] };
      byStem.set(word.stem, group);
      const spelling = group.spellings.get(word.text) ?? { word, count: 0 };
      spelling.count += 1;
      group.spellings.set(word.text, spelling);
      group.occurrences.push({ word, segmentId, isSentenceStart: startsSentence(text, words, index), previous: words[index - 1]?.key ?? null, hasPeriod: text[word.end] === '.', next });
    });
  }
  const stems = [...byStem.keys()].sort();
  const groups = stems.map((stem) => byStem.get(stem) as Group);
  const sets = unionFind(groups.length);
  const indexOfStem = new Map(stems.map((stem, i) => [stem, i]));
  groups.forEach((group, i) => {
    for (const { word } of group.spellings.values()) {
      if (word.isLatin) continue;
      // Another group's stem is this group's whole word: `Зиновьева` (stem `зиновьев`) of `Зиновьев`.
      const whole = indexOfStem.get(word.key);
      if (whole !== undefined && whole !== i) sets.union(whole, i);
    }
    // Groups whose stems extend this one's by a letter or two: joined when their words match as forms do.
    const stem = stems[i] as string;
    for (let j = i + 1; j < stems.length && (stems[j] as string).startsWith(stem); j += 1) {
      if ((stems[j] as string).length - stem.length > 2) continue;
      const other = groups[j] as Group;
      const matches = [...group.spellings.values()].some(({ word: a }) => !a.isLatin && [...other.spellings.values()].some(({ word: b }) => isSameWord(b, a) || isSameWord(a, b)));
      if (matches) sets.union(i, j);
    }
  });
  const merged = new Map<number, Group>();
  groups.forEach((group, i) => {
    const root = sets.find(i);
    const into = merged.get(root);
    if (!into) {
      merged.set(root, { spellings: new Map(group.spellings), occurrences: [...group.occurrences] });
      return;
    }
    for (const [text, spelling] of group.spellings) {
      const existing = into.spellings.get(text);
      if (existing) existing.count += spelling.count;
      else into.spellings.set(text, { ...spelling });
    }
    into.occurrences.push(...group.occurrences);
  });
  return { groups: [...merged.values()], lowerCase };
}

/**
 * The spelling a group is named by: the one the most others match as a name's form (the
 * nominative: `Троцкий` matches `Троцкого` and `Троцким`, not the other way round), then the
 * shortest, then the one the stemmer cuts shortest (the nominative `Алексей`, stem `алекс`, not
 * `Алексея`, stem `алексе`), then the one most often written after no preposition (`Москва`
 * rather than `Москве`), then the most frequent.
 */
function groupSpelling(group: Group, language: string): string {
  const spellings = [...group.spellings.values()];
  const prepositions = PREPOSITIONS[primaryLanguage(language)];
  const coverage = (form: StemmedWord) => spellings.filter(({ word }) => isSameWord(word, form)).reduce((sum, { count }) => sum + count, 0);
  const free = (text: string) => group.occurrences.filter((occurrence) => occurrence.word.text === text && !(occurrence.previous !== null && prepositions?.has(occurrence.previous))).length;
  return (
    spellings
      .map((spelling) => ({ ...spelling, coverage: coverage(spelling.word), free: free(spelling.word.text) }))
      .sort(
        (a, b) =>
          b.coverage - a.coverage ||
          a.word.text.length - b.word.text.length ||
          a.word.stem.length - b.word.stem.length ||
          b.free - a.free ||
          b.count - a.count ||
          a.word.text.localeCompare(b.word.text),
      )[0]?.word.text ?? ''
  );
}

interface Named {
  text: string;
  kind: 'PERSON' | 'PLACE';
  occurrences: Occurrence[];
  segments: Set<string>;
  spellings: string[];
}

/**
 * The names a side proposes: groups that occur at least `occurrences` times, at least
 * `insideSentence` times inside a sentence, are written in lower case in at most
 * `lowerCaseShare` of their occurrences, and are not stop words; a group whose word mostly
 * follows another's (`Степан Аркадьич`) is proposed as the two words together.
 */
function namesOfSide(side: SeedSide, reading: SideReading, thresholds: { occurrences: number; insideSentence: number }): Named[] {
  const language = side.language;
  const isEnglish = primaryLanguage(language) === 'en';
  const groupOfOccurrence = new Map<StemmedWord, Group>();
  for (const group of reading.groups) for (const occurrence of group.occurrences) groupOfOccurrence.set(occurrence.word, group);
  const passes = (group: Group, occurrences: readonly Occurrence[]) => {
    if (occurrences.length < thresholds.occurrences) return false;
    if (occurrences.filter((occurrence) => !occurrence.isSentenceStart).length < thresholds.insideSentence) return false;
    // A short word nearly always followed by a period is an abbreviation.
    if ([...group.spellings.values()].every(({ word }) => [...word.key].length <= 5) && occurrences.filter((occurrence) => occurrence.hasPeriod).length >= 0.9 * occurrences.length) return false;
    const keys = new Set<string>();
    for (const { word } of group.spellings.values()) {
      if (isStopWord(word.key, language)) return false;
      keys.add(word.key);
      if (!word.isLatin) keys.add(`\u0000${word.stem}`);
      // An English plural is a common word when its singular is written in lower case (`Rights`, `Congresses`).
      if (isEnglish && word.key.endsWith('s')) keys.add(word.key.slice(0, -1));
      if (isEnglish && word.key.endsWith('es')) keys.add(word.key.slice(0, -2));
    }
    const lower = [...keys].reduce((sum, key) => sum + (reading.lowerCase.get(key) ?? 0), 0);
    return lower <= SEED_THRESHOLDS.lowerCaseShare * occurrences.length;
  };
  const names: Named[] = [];
  const inPairs = new Set<Occurrence>();
  // Two words that go together: the second word's group mostly follows the same first word's group.
  const following = new Map<Group, Map<Group, Occurrence[]>>();
  for (const first of reading.groups) {
    for (const occurrence of first.occurrences) {
      const second = occurrence.next ? groupOfOccurrence.get(occurrence.next) : undefined;
      if (!second || second === first) continue;
      const byFirst = following.get(second) ?? new Map<Group, Occurrence[]>();
      following.set(second, byFirst);
      byFirst.set(first, [...(byFirst.get(first) ?? []), occurrence]);
    }
  }
  for (const [second, firsts] of following) {
    for (const [first, pairs] of firsts) {
      if (pairs.length < thresholds.occurrences || pairs.length * 2 < second.occurrences.length) continue;
      if (!passes(first, first.occurrences) || !passes(second, second.occurrences)) continue;
      for (const pair of pairs) inPairs.add(pair);
      const secondOccurrences = new Set(pairs.map((pair) => pair.next));
      for (const occurrence of second.occurrences) if (secondOccurrences.has(occurrence.word)) inPairs.add(occurrence);
      names.push(named(`${groupSpelling(first, language)} ${groupSpelling(second, language)}`, pairs, language, [...first.spellings.keys(), ...second.spellings.keys()]));
    }
  }
  for (const group of reading.groups) {
    const alone = group.occurrences.filter((occurrence) => !inPairs.has(occurrence));
    if (!passes(group, alone)) continue;
    names.push(named(groupSpelling(group, language), alone, language, [...group.spellings.keys()]));
  }
  if (isEnglish) {
    // An English plural of a proposed name (`the MacDonalds`, `the Thomases`) is that name.
    const byText = new Map(names.map((name) => [name.text, name]));
    for (const plural of [...names]) {
      const singular = [plural.text.replace(/s$/u, ''), plural.text.replace(/es$/u, '')].map((text) => byText.get(text)).find((name) => name && name !== plural);
      if (!singular || plural.text.includes(' ')) continue;
      singular.occurrences.push(...plural.occurrences);
      for (const segment of plural.segments) singular.segments.add(segment);
      singular.spellings.push(...plural.spellings);
      names.splice(names.indexOf(plural), 1);
    }
  }
  return names.sort((a, b) => b.occurrences.length - a.occurrences.length || a.text.localeCompare(b.text));
}

function named(text: string, occurrences: Occurrence[], language: string, spellings: string[]): Named {
  const prepositions = PLACE_PREPOSITIONS[primaryLanguage(language)];
  const afterPreposition = prepositions ? occurrences.filter((occurrence) => occurrence.previous !== null && prepositions.has(occurrence.previous)).length : 0;
  return { text, kind: afterPreposition * 3 >= occurrences.length ? 'PLACE' : 'PERSON', occurrences, segments: new Set(occurrences.map((occurrence) => occurrence.segmentId)), spellings };
}

/** How alike two names are by their letters (a transliteration of the source's next to the translation's form), 0–1. */
function spellingLikeness(source: string, target: string): number {
  const targetKey = latinKey(target);
  const keys = [latinKey(source), ...transliterateName(source).map((latin) => latinKey(latin.text))];
  let best = 0;
  for (const key of keys) {
    let shared = 0;
    while (shared < key.length && shared < targetKey.length && key[shared] === targetKey[shared]) shared += 1;
    best = Math.max(best, shared / Math.max(key.length, targetKey.length));
  }
  return best;
}

/**
 * The names a work proposes: those of its source (see {@link namesOfSide}), each paired with
 * the name of each translation that co-occurs with it in the same segments most (Dice
 * coefficient of their segments, plus how alike they are spelled once transliterated; at least
 * {@link SEED_THRESHOLDS}.pairScore and two shared segments; each translation's name paired
 * once). Most frequent first.
 */
export function findNameCandidates({ source, translations, stemOf }: { source: SeedSide; translations: readonly SeedSide[]; stemOf: (key: string, language: string) => string }): NameCandidate[] {
  const sourceNames = namesOfSide(source, readSide(source, (key) => stemOf(key, source.language)), SEED_THRESHOLDS);
  const candidates: NameCandidate[] = sourceNames.map((name) => ({ kind: name.kind, forms: [{ text: name.text, language: source.language }], occurrences: name.occurrences.length, spellings: name.spellings }));
  for (const translation of translations) {
    const targetNames = namesOfSide(translation, readSide(translation, (key) => stemOf(key, translation.language)), { occurrences: SEED_THRESHOLDS.pairedOccurrences, insideSentence: 1 });
    const pairs: { source: number; target: number; score: number }[] = [];
    sourceNames.forEach((name, s) => {
      targetNames.forEach((other, t) => {
        let shared = 0;
        for (const segment of name.segments) if (other.segments.has(segment)) shared += 1;
        if (shared < 2) return;
        const dice = (2 * shared) / (name.segments.size + other.segments.size);
        pairs.push({ source: s, target: t, score: dice + 0.5 * spellingLikeness(name.text, other.text) });
      });
    });
    const pairedSources = new Set<number>();
    const pairedTargets = new Set<number>();
    for (const pair of pairs.sort((a, b) => b.score - a.score)) {
      if (pair.score < SEED_THRESHOLDS.pairScore || pairedSources.has(pair.source) || pairedTargets.has(pair.target)) continue;
      pairedSources.add(pair.source);
      pairedTargets.add(pair.target);
      (candidates[pair.source] as NameCandidate).forms.push({ text: (targetNames[pair.target] as Named).text, language: translation.language });
    }
  }
  return candidates;
}
