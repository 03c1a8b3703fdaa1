import 'server-only';

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

import { seedKey, type SeedLexicon } from './core/seed-lexicon';
import { tokenizeForAlignment } from './core/tokenize-for-alignment';
import { getEnv } from '../config/env';

/** Letters of a word that make its key (docs/alignment.md: tuned on the 1957 dev set). */
const KEY_LENGTH = 5;
/** Largest compressed dictionary read (the German–French one is 2.8 MB). */
const MAX_COMPRESSED_BYTES = 32 * 1024 * 1024;
/** Largest uncompressed dictionary or index (the German–French dictionary is 6.7 MB). */
const MAX_TEXT_BYTES = 64 * 1024 * 1024;
/** Most entries read from one dictionary. */
const MAX_ENTRIES = 500_000;
/**
 * Fewest one-word headwords (both directions together) for a pair's dictionaries to be used. A
 * small dictionary is mostly the commonest words ("her" → "она", "in" → "в"), which link in every
 * sentence of a scene: the English–Russian one (about 1,500 headwords) changed nothing on the
 * book read from its gold sentences and cost about 0.001 from raw text (docs/alignment.md).
 */
const MIN_HEADWORDS = 5_000;
/** Most translations kept per source key. */
const MAX_TRANSLATIONS = 12;

/** ISO 639-3 codes of FreeDict's file names, by the primary subtag of a BCP 47 code. */
const FREEDICT_CODES: Record<string, string> = {
  af: 'afr', ar: 'ara', bg: 'bul', ca: 'cat', cs: 'ces', cy: 'cym', da: 'dan', de: 'deu', el: 'ell', en: 'eng', eo: 'epo', es: 'spa',
  fi: 'fin', fr: 'fra', ga: 'gle', hr: 'hrv', hu: 'hun', is: 'isl', it: 'ita', ja: 'jpn', la: 'lat', lt: 'lit', nl: 'nld', nb: 'nob',
  no: 'nor', pl: 'pol', pt: 'por', ro: 'ron', ru: 'rus', sk: 'slk', sl: 'slv', sr: 'srp', sv: 'swe', tr: 'tur', uk: 'ukr',
};

/** Options of {@link loadSeedLexicon}. */
export interface SeedLexiconSource {
  /** Folder holding `freedict-<src>-<tgt>.index` and `.dict.dz`; `off` for none. Default `ALIGN_DICTIONARY_DIR` (lib/config/env.ts). */
  directory?: string;
  /** Letters of a word that make its key. */
  keyLength?: number;
}

const cache = new Map<string, SeedLexicon | null>();

/**
 * The bilingual word list for a language pair, from the FreeDict dictionaries in both directions
 * (`freedict-deu-fra` and `freedict-fra-deu` for German → French), or null when neither is
 * installed, they hold fewer than {@link MIN_HEADWORDS} one-word headwords, or the languages have
 * no FreeDict code. Loaded once per process and kept; a
 * dictionary that cannot be read counts as absent, so the aligner runs as without it.
 *
 * Loading reads only the index and the decompressed entries: an entry is parsed when a text first
 * asks for its headword, so a text pays for its own vocabulary, not for the dictionary's.
 */
export function loadSeedLexicon(sourceLanguage: string | undefined, targetLanguage: string | undefined, options: SeedLexiconSource = {}): SeedLexicon | null {
  const source = freedictCode(sourceLanguage);
  const target = freedictCode(targetLanguage);
  if (!source || !target || source === target) return null;
  const directory = options.directory ?? getEnv().ALIGN_DICTIONARY_DIR;
  if (directory === 'off') return null;
  const keyLength = options.keyLength ?? KEY_LENGTH;
  const cacheKey = JSON.stringify([directory, source, target, keyLength]);
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const forward = openDictionary(directory, `freedict-${source}-${target}`, keyLength);
  const backward = openDictionary(directory, `freedict-${target}-${source}`, keyLength);
  const headwords = (forward?.headwords ?? 0) + (backward?.headwords ?? 0);
  const lexicon: SeedLexicon | null =
    headwords >= MIN_HEADWORDS ? { keyLength, targetsOf: (key) => forward?.translationsOf(key) ?? NONE, sourcesOf: (key) => backward?.translationsOf(key) ?? NONE } : null;
  cache.set(cacheKey, lexicon);
  return lexicon;
}

const NONE: readonly string[] = [];

function freedictCode(language: string | undefined): string | null {
  if (!language) return null;
  const primary = language.toLowerCase().split(/[-_]/u)[0]!;
  if (/^[a-z]{3}$/u.test(primary)) return primary;
  return FREEDICT_CODES[primary] ?? null;
}

/** One dictd dictionary, its entries found by the key of their headword. */
interface Dictionary {
  /** One-word headwords indexed. */
  headwords: number;
  /** Keys of the one-word translations of the headwords with this key (at most {@link MAX_TRANSLATIONS}). */
  translationsOf(key: string): readonly string[];
}

/**
 * Opens one dictd dictionary: an index of `headword TAB offset TAB length` (the numbers in dictd's
 * base 64) into the gzip-compressed entries (a dictzip file is a gzip file). Only one-word
 * headwords are indexed: the aligner compares words, not phrases ("maison de repos"). Null when
 * the files are missing, too large or unreadable.
 */
function openDictionary(directory: string, name: string, keyLength: number): Dictionary | null {
  let index: string;
  let entries: Buffer;
  try {
    index = readBounded(path.join(directory, `${name}.index`), MAX_TEXT_BYTES).toString('utf8');
    entries = gunzipSync(readBounded(path.join(directory, `${name}.dict.dz`), MAX_COMPRESSED_BYTES), { maxOutputLength: MAX_TEXT_BYTES });
  } catch {
    return null;
  }
  const keys = new Map<string, string | null>();
  const keyOf = (word: string): string | null => {
    let key = keys.get(word);
    if (key === undefined) {
      key = wordKey(word, keyLength);
      keys.set(word, key);
    }
    return key;
  };
  // Key → byte ranges of its entries, as [start, end, start, end, …].
  const ranges = new Map<string, number[]>();
  let count = 0;
  let headwords = 0;
  for (const line of index.split('\n')) {
    if (++count > MAX_ENTRIES) break;
    const first = line.indexOf('\t');
    const second = line.indexOf('\t', first + 1);
    if (first <= 0 || second < 0 || line.startsWith('00database')) continue;
    const key = indexKey(line, first, keyLength);
    const offset = decodeDictNumber(line.slice(first + 1, second));
    const length = decodeDictNumber(line.slice(second + 1));
    if (!key || offset < 0 || length <= 0 || offset + length > entries.length) continue;
    headwords++;
    const list = ranges.get(key);
    if (list) list.push(offset, offset + length);
    else ranges.set(key, [offset, offset + length]);
  }
  const parsed = new Map<string, readonly string[]>();
  return {
    headwords,
    translationsOf(key) {
      let translations = parsed.get(key);
      if (translations) return translations;
      // A key the dictionary does not have is not remembered: the cache holds its entries' keys at
      // most, not every word prefix of every text aligned in a long-running server.
      const list = ranges.get(key);
      if (!list) return NONE;
      const found: string[] = [];
      for (let k = 0; k < list.length && found.length < MAX_TRANSLATIONS; k += 2) {
        const entry = entries.toString('utf8', list[k], list[k + 1]);
        const headEnd = entry.indexOf('\n');
        if (headEnd < 0) continue;
        for (const translation of entryTranslations(entry, headEnd)) {
          const translated = keyOf(translation);
          if (translated && found.length < MAX_TRANSLATIONS && !found.includes(translated)) found.push(translated);
        }
      }
      translations = found;
      parsed.set(key, translations);
      return translations;
    },
  };
}


/**
 * The key of an index line's headword (its first `end` characters). dictd's index holds most
 * headwords in plain lower-case ASCII: those are cut without the tokeniser's normalisation.
 */
function indexKey(line: string, end: number, keyLength: number): string | null {
  for (let k = 0; k < end; k++) {
    const code = line.charCodeAt(k);
    if (code < 97 || code > 122) return wordKey(line.slice(0, end), keyLength);
  }
  return end > 1 ? line.slice(0, Math.min(end, keyLength)) : null;
}

/**
 * The key of a one-word phrase under the tokeniser's normalisation (lower case, Cyrillic
 * transliterated, no diacritics), or null for a phrase of several words, a number or a single letter.
 */
function wordKey(word: string, keyLength: number): string | null {
  const lower = word.toLowerCase();
  const tokens = ASCII_WORD.test(lower) ? [lower] : SINGLE_WORD.test(word) ? tokenizeForAlignment(word) : [];
  return tokens.length === 1 && tokens[0]!.length > 1 ? seedKey(tokens[0]!, keyLength) : null;
}

const SINGLE_WORD = /^\p{L}+$/u;
const ASCII_WORD = /^[a-z]+$/u;

function readBounded(file: string, limit: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > limit) throw new Error(`${file} is larger than ${limit} bytes`);
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const got = readSync(fd, buffer, read, size - read, read);
      if (got === 0) break;
      read += got;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

const DICT_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** dictd's base-64 numbers (most significant digit first); -1 when malformed. */
function decodeDictNumber(text: string): number {
  if (text.length === 0 || text.length > 8) return -1;
  let value = 0;
  for (const char of text) {
    const digit = DICT_DIGITS.indexOf(char);
    if (digit < 0) return -1;
    value = value * 64 + digit;
  }
  return value;
}

/**
 * The translations of one FreeDict entry, whose headword line ends at `headEnd`: either one line
 * of translations followed by glosses in the headword's language, or numbered senses
 * (`1. montagne, mont`), each followed by its gloss. Translations are separated by commas.
 */
function entryTranslations(entry: string, headEnd: number): string[] {
  const translations: string[] = [];
  const addSense = (sense: string): void => {
    for (const part of sense.replace(SENSE_TAIL, '').replace(PARENTHESES, '').split(SEPARATORS)) {
      const translation = part.trim();
      if (translation) translations.push(translation);
    }
  };
  let start = headEnd + 1;
  let end = entry.indexOf('\n', start);
  if (!entry.startsWith('1. ', start)) {
    addSense(entry.slice(start, end < 0 ? entry.length : end));
    return translations;
  }
  for (let next = 1; start < entry.length; ) {
    if (end < 0) end = entry.length;
    const prefix = `${next}. `;
    if (entry.startsWith(prefix, start)) {
      addSense(entry.slice(start + prefix.length, end));
      next++;
    }
    start = end + 1;
    end = entry.indexOf('\n', start);
  }
  return translations;
}

/** A dangling sense number (`et 2.`), parenthesised labels (`(Religion)`), and the separators of translations. */
const SENSE_TAIL = /\s+\d+\.\s*$/u;
const PARENTHESES = /\([^)]*\)/gu;
const SEPARATORS = /[,;]/u;
