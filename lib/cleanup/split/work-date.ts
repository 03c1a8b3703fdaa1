const EN_MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const RU_MONTH = '(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)';
const DAYS = '\\d{1,2}(?:\\s*(?:and|-|–|—|и)\\s*\\d{1,2})?';
/** A year a work of the library may be dated (1500–2099), as a regular expression's source. */
export const YEAR = '(?:1[5-9]\\d\\d|20\\d\\d)';
const ROMAN_MONTH = '(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)';
/** A date as printed: "January 22, 1926", "November 5 and 6, 1926", "March 1926", "22 января 1926 г.", "26. IV. 1926". */
const DATE = `(?:${EN_MONTH}\\s+(?:${DAYS},?\\s+)?${YEAR}|${DAYS}\\s+${RU_MONTH}\\s+${YEAR}(?:\\s*г\\.)?|\\d{1,2}\\.\\s*${ROMAN_MONTH}\\.\\s*${YEAR})`;
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
/** A line that is only a date, perhaps after its weekday (a newspaper's imprint: "Friday; March 6, 1953."). */
const DATE_LINE = new RegExp(`^(?:${WEEKDAY}[,;]?\\s+)?(${DATE})\\.?$`, 'u');
const DATE_AT_END = new RegExp(`(?:^|[,(]\\s*)(${DATE})\\)?\\.?$`, 'u');

/** How many lines at each end of a work are searched for its date. */
const EDGE_LINES = 8;
/** A line longer than this is prose, not a heading, subtitle, signature or source line. */
const MAX_LINE = 160;

const clean = (line: string) => line.replace(/\s+/gu, ' ').trim();

/** A source line ("Pravda, No. 130, June 8, 1926"): a publication's date, not the work's. */
const isSourceLine = (line: string) => /\bNo\.\s*\d|№\s*\d|\bPublished\b|\bpp?\.\s*\d/u.test(line);

/**
 * The date of one work of a volume as printed, or null: a line that is only a date among the
 * heading lines at its top (a speech's "January 22, 1926"), a date ending one of them or its
 * contents title ("…, June 8, 1926"), a date line among its last lines (a letter's date under the
 * signature), and last a date ending a source line at its foot ("Pravda, No. 130, June 8, 1926",
 * the day it was printed). Pure; English and Russian dates.
 */
export function findWorkDate(text: string, contentsTitle = ''): string | null {
  const lines = text.split('\n').map(clean).filter(Boolean);
  const head = lines.slice(0, EDGE_LINES).filter((line) => line.length <= MAX_LINE);
  const tail = lines.slice(-EDGE_LINES).filter((line) => line.length <= MAX_LINE);
  // A closing full stop is the line's (the date keeps the one of Russian «г.», year); a weekday is no part of the date.
  const wholeLine = (line: string) => DATE_LINE.exec(line)?.[1] ?? null;
  const ending = (line: string) => DATE_AT_END.exec(line)?.[1] ?? null;
  for (const line of head) {
    const date = wholeLine(line);
    if (date) return date;
  }
  for (const line of [...head.filter((line) => !isSourceLine(line)), clean(contentsTitle)]) {
    const date = ending(line);
    if (date) return date;
  }
  for (const line of [...tail].reverse()) {
    const date = wholeLine(line);
    if (date) return date;
  }
  for (const line of [...tail].reverse()) {
    const date = isSourceLine(line) ? ending(line) : null;
    if (date) return date;
  }
  return null;
}
