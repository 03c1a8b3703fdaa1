import { baseLanguage, wordsOf } from '../text';

/**
 * A number or a month of a date found in a text. `values` are the readings it may have ("1.000"
 * is a thousand in German and one in English: both), as canonical strings: digits without
 * separators or leading zeros, a decimal part after a point (`3.5`), `month:3` for March.
 */
export interface NumberToken {
  text: string;
  start: number;
  end: number;
  values: string[];
  kind: 'number' | 'roman' | 'month';
}

/** Day, month and year in digits: 12.03.1917, 12/3/17. */
const NUMERIC_DATE = /(?<![\d.,/])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\d.,/]?\d)/gu;

/** A time of day: 20:30, or 20.30 Uhr / 20.30 h (a point alone would be a decimal). */
const TIME = /(?<![\d.,:])([01]?\d|2[0-4])(?::([0-5]\d)|\.([0-5]\d)(?=\s*(?:Uhr|h\b|ч\b|час)))(?![\d.,:]?\d)/gu;

/**
 * A number in digits: an integer part (groups of three after the first, separated by a comma, a
 * point, an apostrophe or a space of any width), then perhaps a decimal part. Not inside a word
 * (B12), nor raised digits (footnote markers are not numbers). The groups are read by
 * {@link readingsOf} according to the language.
 */
const NUMBER = /(?<![\p{L}\d])(\d{1,3}(?:[,.'’\u00A0\u202F\u2009 ]\d{3})+(?!\d)|\d+)(?:([.,])(\d+))?/gu;

/** A Roman numeral of letters up to L (centuries, congresses, chapters); Cyrillic Х and І typed for X and I are read too. */
const ROMAN = /(?<![\p{L}\p{N}])([IVXLХІ]{1,8})(?:-[а-яё]{1,3}|e|er|ème|es)?(?![\p{L}\p{N}])/gu;

/** Words after (or before) which a single Roman letter is a number: "V съезд", "Chapter I", "XV век". */
const ROMAN_CONTEXT = /^(?:век|века|веке|веков|столети|съезд|конгресс|конференц|пленум|интернационал|глав|част|том|книг|century|centuries|congress|conference|plenum|international|chapter|part|volume|book|siècle|congrès|conférence|chapitre|partie|tome|livre|jahrhundert|kongress|parteitag|konferenz|kapitel|teil|band|buch)/u;

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

/** The value of a Roman numeral written canonically (XIV, not XIIII), or null. */
export function romanValue(numeral: string): number | null {
  const latin = numeral.replace(/Х/gu, 'X').replace(/І/gu, 'I');
  let total = 0;
  for (let i = 0; i < latin.length; i += 1) {
    const value = ROMAN_VALUES[latin[i] ?? ''] ?? 0;
    const next = ROMAN_VALUES[latin[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 && toRoman(total) === latin ? total : null;
}

function toRoman(value: number): string {
  const steps: [number, string][] = [[50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = value;
  let out = '';
  for (const [step, letters] of steps) {
    while (rest >= step) {
      out += letters;
      rest -= step;
    }
  }
  return out;
}

/** Month names per language, lower-cased: whole words, or (ending in `*`) the beginning of inflected forms. */
const MONTHS: Record<string, readonly (readonly string[])[]> = {
  en: [['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'], ['july', 'jul'], ['august', 'aug'], ['september', 'sept', 'sep'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec']],
  ru: [['январ*', 'янв'], ['феврал*', 'февр'], ['март', 'марта', 'марте'], ['апрел*', 'апр'], ['май', 'мая', 'мае'], ['июнь', 'июня', 'июне'], ['июль', 'июля', 'июле'], ['август', 'августа', 'августе', 'авг'], ['сентябр*', 'сент'], ['октябр*', 'окт'], ['ноябр*', 'нояб'], ['декабр*', 'дек']],
  de: [['januar', 'jänner', 'jan'], ['februar', 'feb'], ['märz'], ['april', 'apr'], ['mai'], ['juni'], ['juli'], ['august', 'aug'], ['september', 'sept', 'sep'], ['oktober', 'okt'], ['november', 'nov'], ['dezember', 'dez']],
  fr: [['janvier', 'janv'], ['février', 'févr'], ['mars'], ['avril'], ['mai'], ['juin'], ['juillet', 'juil'], ['août'], ['septembre', 'sept'], ['octobre', 'oct'], ['novembre', 'nov'], ['décembre', 'déc']],
};

/** The month a word names in `language` (1–12), or null. Month names that are also words (May, mars, Mai) count only next to a number. */
function monthOf(word: string, language: string): number | null {
  const table = MONTHS[baseLanguage(language)];
  if (!table) return null;
  const lower = word.toLowerCase();
  for (let month = 0; month < table.length; month += 1) {
    for (const name of table[month] ?? []) {
      if (name.endsWith('*') ? lower.startsWith(name.slice(0, -1)) : lower === name) return month + 1;
    }
  }
  return null;
}

function canonical(integer: string, decimal = ''): string {
  const whole = integer.replace(/^0+(?=\d)/u, '');
  const fraction = decimal.replace(/0+$/u, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

const GROUP_SEPARATOR = /[,.'’\u00A0\u202F\u2009 ]/u;

/**
 * The readings of a number: `1 000` and `1.000.000` have one; `1,000` and `1.000` are a thousand
 * in one language and one (with a decimal part) in another, and a translator may type either
 * convention by habit, so a single comma or point before exactly three digits gives both readings.
 * `3,5` and `3.5` are the same decimal.
 */
function readingsOf(integerPart: string, decimals: string | undefined): string[] {
  const groups = integerPart.split(GROUP_SEPARATOR);
  const separators = integerPart.match(new RegExp(GROUP_SEPARATOR.source, 'gu')) ?? [];
  const digits = groups.join('');
  if (separators.length === 0) {
    if (decimals === undefined) return [canonical(digits)];
    // 3.500 read as a decimal, and as three thousand five hundred.
    return decimals.length === 3 ? [canonical(digits, decimals), canonical(digits + decimals)] : [canonical(digits, decimals)];
  }
  // 1,000.5 / 1 000,5 / 1.000,5: the last separator is the decimal one.
  if (decimals !== undefined) return [canonical(digits, decimals)];
  const isSingleAmbiguous = separators.length === 1 && (separators[0] === ',' || separators[0] === '.');
  return isSingleAmbiguous ? [canonical(digits), canonical(groups[0] ?? '', groups[1] ?? '')] : [canonical(digits)];
}

/** Text right before a month name that dates it: "5 ", "5th of ", "5-го ", "1er ", "5. ". */
const DAY_BEFORE = /\d(?:st|nd|rd|th|-?[а-яё]{1,3}|er|e)?\.?\s+(?:of\s+)?$/u;
/** Text right after a month name that dates it: " 5", ", 1917". */
const NUMBER_AFTER = /^\.?,?\s+\d/u;

/** The months a text names anywhere, dated or not ("the thirtieth of September"). */
export function monthsNamed(text: string, language: string): Set<number> {
  const months = new Set<number>();
  for (const word of wordsOf(text)) {
    const month = monthOf(word.text, language);
    if (month !== null) months.add(month);
  }
  return months;
}

/**
 * The numbers of a text: numeric dates (day, month, year), numbers in digits with every reading,
 * Roman numerals (two letters or more, or one next to a word such as "century" or "съезд"), and
 * month names standing next to a number (5 March, марта 1917) — May or mars alone is a word.
 * Linear in the text's length.
 */
export function extractNumbers(text: string, language: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  const taken: [number, number][] = [];
  for (const match of text.matchAll(NUMERIC_DATE)) {
    const [whole, day = '', , month = '', year = ''] = match;
    const monthNumber = Number(month);
    if (Number(day) < 1 || Number(day) > 31 || monthNumber < 1 || monthNumber > 12) continue;
    const start = match.index;
    tokens.push({ text: day, start, end: start + day.length, values: [canonical(day)], kind: 'number' });
    tokens.push({ text: month, start: start + day.length + 1, end: start + day.length + 1 + month.length, values: [`month:${monthNumber}`], kind: 'month' });
    tokens.push({ text: year, start: start + whole.length - year.length, end: start + whole.length, values: [canonical(year)], kind: 'number' });
    taken.push([start, start + whole.length]);
  }
  const isTaken = (offset: number) => taken.some(([from, to]) => offset >= from && offset < to);
  // Hours and minutes as two numbers: "20:30" = "20 h 30" = "20.30 Uhr".
  for (const match of text.matchAll(TIME)) {
    if (isTaken(match.index)) continue;
    const [whole, hours = '', colonMinutes, pointMinutes] = match;
    const minutes = colonMinutes ?? pointMinutes ?? '';
    const start = match.index;
    tokens.push({ text: hours, start, end: start + hours.length, values: [canonical(hours)], kind: 'number' });
    tokens.push({ text: minutes, start: start + whole.length - minutes.length, end: start + whole.length, values: [canonical(minutes)], kind: 'number' });
    taken.push([start, start + whole.length]);
  }
  for (const match of text.matchAll(NUMBER)) {
    if (isTaken(match.index)) continue;
    const [whole, integerPart = '', , decimals] = match;
    tokens.push({ text: whole, start: match.index, end: match.index + whole.length, values: readingsOf(integerPart, decimals), kind: 'number' });
  }
  const words = wordsOf(text);
  const lowerWords = words.map((word) => word.text.toLowerCase());
  for (const match of text.matchAll(ROMAN)) {
    const numeral = match[1] ?? '';
    const value = romanValue(numeral);
    if (value === null) continue;
    const isCyrillicTyped = /[ХІ]/u.test(numeral);
    // A single letter (and the Cyrillic look-alikes, which are words too) needs a word that makes
    // it a number; L alone (the 50th century, "Le siècle") never is one.
    if (numeral.length === 1 && !/^[IVXХІ]$/u.test(numeral)) continue;
    // A text that is a Roman numeral and nothing else (a chapter's heading: "V", "XII.") is one.
    const isAlone = text.trim().replace(/\.$/u, '') === numeral;
    if ((numeral.length === 1 || isCyrillicTyped) && !isAlone) {
      const index = words.findIndex((word) => word.start === match.index);
      const neighbours = [lowerWords[index - 1], lowerWords[index - 2], lowerWords[index + 1], lowerWords[index + 2]];
      if (!neighbours.some((word) => word !== undefined && ROMAN_CONTEXT.test(word))) continue;
      // "I" as the English pronoun before "century" never happens; "Chapter I" does.
      if (numeral === 'I' && baseLanguage(language) === 'en' && !ROMAN_CONTEXT.test(lowerWords[index - 1] ?? '')) continue;
    }
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length, values: [String(value)], kind: 'roman' });
  }
  for (const word of words) {
    const month = monthOf(word.text, language);
    if (month === null) continue;
    const isDated = DAY_BEFORE.test(text.slice(Math.max(0, word.start - 16), word.start)) || NUMBER_AFTER.test(text.slice(word.end, word.end + 4));
    if (isDated) tokens.push({ text: word.text, start: word.start, end: word.end, values: [`month:${month}`], kind: 'month' });
  }
  return tokens.sort((a, b) => a.start - b.start);
}
