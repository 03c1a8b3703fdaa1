/**
 * The lines that frame the pieces of an anthology (a collection of short texts without a table of
 * contents): a piece's attribution (`V. I. LENIN (1903)`), its source line (`Source: Iskra, No. 51,
 * …`, `Available at http://…`), a byline under its title (`by ANDREW ROTHSTEIN, …`) and its tags.
 * Pure and linear: every pattern is anchored, and lines longer than {@link MAX_FRAME_LINE} are
 * never read as any of them.
 */

import { YEAR } from './work-date';
import { MAX_SOURCE_URL } from '../../config/limits';

/** A line longer than this is text, never an attribution, source, byline, tags or title line. */
export const MAX_FRAME_LINE = 600;
/** Longest title line of a piece. */
const MAX_TITLE = 200;
/** Most words of a title line. */
const MAX_TITLE_WORDS = 25;
/** Most words and characters of a tags line. */
const MAX_TAG_WORDS = 10;
const MAX_TAGS_LINE = 100;
/** Most tags kept from a tags line, and the longest tag. */
const MAX_TAGS = 20;
const MAX_TAG = 80;
/** Longest source citation kept. */
const MAX_CITATION = 1000;

/** What a piece's attribution line says. */
export interface Attribution {
  /** The author as printed, in readable case (`V. I. Lenin`). */
  author: string;
  /** What the brackets give: a year, a year range or a date (`1903`, `October 1903`). */
  dateText: string;
  /** A citation after the year (`, “Respecting the Forerunners…”`), or null. */
  citation: string | null;
}

/** What a source line says: the publication cited, and a web address. */
export interface SourceLine {
  citation: string | null;
  url: string | null;
}

/** What an attribution's brackets hold: a year or a range, perhaps after a day and a month. */
const DATE_IN_BRACKETS = new RegExp(`^(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:\\p{L}{3,12}\\.?,?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?${YEAR}(?:\\s*[–-]\\s*\\d{2,4})?$`, 'u');
/** Name, brackets, and what follows them: the name part is bounded, so the lazy match stays short. */
const ATTRIBUTION = /^(?:[—–-]\s*)?([^()\n]{1,80}?)\s*\(([^()\n]{4,40})\)(.{0,500})$/u;
/** One word of a person's name: an initial, a capitalised or capital word, or a short particle ("il", "de", "von"). */
const NAME_WORD = /^(?:\p{Lu}\.(?:\p{Lu}\.)*|\p{Lu}[\p{L}'’-]{0,30}\.?|\p{Ll}{1,3})$/u;
/** Honorifics left out of an author's name. */
const HONORIFIC = /^(?:Prof|Professor|Dr|Mr|Mrs|Ms|Comrade|Com|Sir|Dame)\.?$/iu;
const SOURCE = /^(?:sources?|источники?)\s*:\s*(.{1,1000})$/iu;
const AVAILABLE = /^(?:available|retrieved|accessed|originally published)\s+(?:at|from|on|in)\s*:?\s*(.{1,1000})$/iu;
const BYLINE = /^[Bb][Yy]\s+(\p{Lu}.{1,150})$/u;
const URL = /https?:\/\/[^\s<>"“”‘’«»]{1,2100}/iu;
/** Words left at the end of a citation once its address is taken out (read on its last characters only). */
const DANGLING = /\b(?:retrieved|available|accessed|archived)(?:\s+(?:at|from|on))?$/iu;
/** Punctuation trimmed from the ends of a citation. */
const LOOSE = new Set([...' ,;:.–—-']);
/** Punctuation that closes a sentence around a web address rather than belonging to it. */
const AFTER_URL = new Set([...'.,;:!?)]}\'’']);

/** `text` without the characters of `set` at its end (a loop: a pattern would retry every run). */
function trimEnd(text: string, set: ReadonlySet<string>): string {
  let end = text.length;
  while (end > 0 && set.has(text[end - 1] as string)) end -= 1;
  return text.slice(0, end);
}

/** `text` without the characters of `set` at its start. */
function trimStart(text: string, set: ReadonlySet<string>): string {
  let start = 0;
  while (start < text.length && set.has(text[start] as string)) start += 1;
  return text.slice(start);
}

const squeeze = (text: string) => text.replace(/\s+/gu, ' ').trim();

/**
 * A person's name as words (honorifics and a final full stop left out), or null when the text does
 * not read as one: one to six words, the first capitalised, at least one a capitalised word of two
 * letters or more (not only initials or particles).
 */
function nameWords(text: string): string[] | null {
  const words = squeeze(text).split(' ').filter((word) => word !== '');
  if (words.length === 0 || words.length > 7) return null;
  if (!words.every((word) => NAME_WORD.test(word))) return null;
  const named = words.filter((word, index) => !(index === 0 && HONORIFIC.test(word) && words.length > 1));
  if (named.length > 6 || !/^\p{Lu}/u.test(named[0] ?? '')) return null;
  if (!named.some((word) => /^\p{Lu}[\p{L}'’-]+\.?$/u.test(word) && !HONORIFIC.test(word))) return null;
  return named;
}

/**
 * A name written in capitals (`V. I. LENIN`, `ANDREW ROTHSTEIN`) in readable case (`V. I. Lenin`,
 * `Andrew Rothstein`); a name with small letters is kept as written (`Kim Jong il`). Roman numerals
 * stay capitals (`HENRY VIII` → `Henry VIII`).
 */
export function readableName(name: string): string {
  const text = squeeze(name);
  if (/\p{Ll}/u.test(text)) return text;
  return text
    .split(' ')
    .map((word) => (/^[IVX]{2,}$/u.test(word) ? word : word.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())))
    .join(' ');
}

/** A piece's attribution line (`V. I. LENIN (1903)`, `N. Krupskaya (1936).`), or null. */
export function parseAttribution(line: string): Attribution | null {
  const text = squeeze(line);
  if (text.length > MAX_FRAME_LINE) return null;
  const match = ATTRIBUTION.exec(text);
  if (!match) return null;
  const [, name = '', date = '', rest = ''] = match;
  const words = nameWords(name.replace(/[,:]$/u, ''));
  const dateText = squeeze(date);
  if (!words || !DATE_IN_BRACKETS.test(dateText)) return null;
  // After the brackets: nothing, a full stop, or a citation after a comma, colon or dash.
  const after = rest.trim();
  if (after !== '' && after !== '.' && !/^[,:;.–—-]\s*\S/u.test(after)) return null;
  const citation = cleanCitation(after.replace(/^[,:;.–—-]\s*/u, ''));
  return { author: readableName(words.join(' ')), dateText, citation };
}

/** A source line (`Source: …`, `Available at http://…`): its citation and web address, or null. */
export function parseSourceLine(line: string): SourceLine | null {
  const text = squeeze(line);
  if (text.length > MAX_FRAME_LINE) return null;
  const body = SOURCE.exec(text)?.[1] ?? AVAILABLE.exec(text)?.[1];
  if (body === undefined) return null;
  const url = URL.exec(body)?.[0] ?? null;
  const citation = cleanCitation(url === null ? body : body.replace(url, ' '));
  const link = url === null ? null : sourceUrl(url);
  if (citation === null && link === null) return null;
  return { citation, url: link };
}

/** A byline under a title (`by ANDREW ROTHSTEIN, author of …`, `By Prof. Vijay Singh`): the author, or null. */
export function parseByline(line: string): string | null {
  const text = squeeze(line);
  if (text.length > 160) return null;
  const body = BYLINE.exec(text)?.[1];
  if (body === undefined) return null;
  // The name runs to the first comma or bracket: "author of a History of the USSR" describes them.
  const words = nameWords(body.split(/[,(;]/u)[0] ?? '');
  return words ? readableName(words.join(' ')) : null;
}

/**
 * A web address as a piece's source link: http or https only, at most {@link MAX_SOURCE_URL}
 * characters, parsed by the URL standard (its closing punctuation left out). Null otherwise.
 */
export function sourceUrl(candidate: string): string | null {
  const trimmed = trimEnd(candidate, AFTER_URL);
  if (trimmed.length > MAX_SOURCE_URL || !/^https?:\/\//iu.test(trimmed)) return null;
  try {
    // Checked by the URL standard, kept as printed (its normal form would add a slash to a bare host).
    const parsed = new globalThis.URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? trimmed : null;
  } catch {
    return null;
  }
}

/** A citation without the words that introduced its address and the punctuation left around it; null when nothing is left. */
function cleanCitation(text: string): string | null {
  let cleaned = trimStart(trimEnd(squeeze(text), LOOSE), LOOSE);
  // "… No. 224. Retrieved from" once the address is out; twice for "Retrieved from …, accessed on".
  for (let round = 0; round < 2; round += 1) {
    const tail = DANGLING.exec(cleaned.slice(-30));
    if (!tail) break;
    cleaned = trimEnd(cleaned.slice(0, cleaned.length - tail[0].length), LOOSE);
  }
  if (!/\p{L}/u.test(cleaned)) return null;
  return cleaned.length > MAX_CITATION ? `${cleaned.slice(0, MAX_CITATION - 1)}…` : cleaned;
}

/**
 * Whether a line can be a piece's title: short, a few words, starting with a letter, a digit or a
 * quotation mark, not ending like a sentence or an introduction (`.`, `,`, `;`, `:`), and no
 * attribution, source line or byline.
 */
export function isTitleLine(line: string): boolean {
  return hasTitleShape(line) && parseAttribution(line) === null && parseSourceLine(line) === null && parseByline(line) === null;
}

/** {@link isTitleLine} without ruling out the attribution, source and byline lines (the caller has read them). */
export function hasTitleShape(line: string): boolean {
  const text = squeeze(line);
  if (text.length < 2 || text.length > MAX_TITLE) return false;
  if (!/^[\p{L}\p{N}“"‘'«(]/u.test(text) || /[.,;:]$/u.test(text)) return false;
  return text.split(' ').length <= MAX_TITLE_WORDS;
}

/** Whether a title line can be a tags line instead: a few words, without a question or exclamation. */
export function isTagsLine(line: string): boolean {
  const text = squeeze(line);
  return text.length <= MAX_TAGS_LINE && text.split(' ').length <= MAX_TAG_WORDS && !/[?!]$/u.test(text) && isTitleLine(text);
}

/**
 * The tags of a tags line: separated by commas, semicolons, bars, middle dots or runs of two or
 * more spaces (`Lenin  Israel`); a tag of several words stays one (`Krupskaya and Stalin`).
 */
export function parseTags(line: string): string[] {
  const tags = line
    .split(/\s*[,;|·•]\s*|[\s\u00a0]{2,}/u)
    .map(squeeze)
    .filter((tag) => tag !== '' && tag.length <= MAX_TAG);
  return [...new Set(tags)].slice(0, MAX_TAGS);
}

/** Two title lines that say the same (a page that printed its title twice). */
export function sameTitle(a: string, b: string): boolean {
  const key = (text: string) => squeeze(text).toLowerCase();
  return key(a) === key(b);
}
