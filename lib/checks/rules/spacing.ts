import { baseLanguage, excerptAround, wordBefore } from '../text';
import type { CheckMessage, CheckSegment, Finding } from '../types';

/** A space of any width that is not a line break (U+00A0 no-break, U+202F narrow no-break, U+2009 thin). */
const NO_BREAK = '\u00A0\u202F';

interface Slip {
  rule: string;
  offset: number;
  length: number;
  message: CheckMessage;
}

/** Marks before which no language but French puts a space. */
const NO_SPACE_BEFORE = /(?<=\S)[ \u00A0\u202F\u2009]+(?=[,.;:!?)\]])/gu;
/** French: the high marks take a (narrow) no-break space before them. */
const FRENCH_HIGH = /[;:!?»]/gu;

function slipsOf(text: string, language: string): Slip[] {
  const slips: Slip[] = [];
  const lang = baseLanguage(language);
  const leading = /^\s+/u.exec(text);
  if (leading) slips.push({ rule: 'leading-space', offset: 0, length: leading[0].length, message: { key: 'spacing.leadingSpace' } });
  const trailing = /\s+$/u.exec(text);
  if (trailing && trailing.index > 0) slips.push({ rule: 'trailing-space', offset: trailing.index, length: trailing[0].length, message: { key: 'spacing.trailingSpace' } });
  for (const match of text.matchAll(/(?<=\S)[ \u00A0\u202F\u2009]{2,}(?=\S)/gu)) {
    slips.push({ rule: 'double-space', offset: match.index, length: match[0].length, message: { key: 'spacing.doubleSpace', values: { excerpt: excerptAround(text, match.index, match.index + match[0].length) } } });
  }
  for (const match of text.matchAll(/\t|\r|\n/gu)) slips.push({ rule: 'line-break', offset: match.index, length: 1, message: { key: 'spacing.lineBreak' } });

  for (const match of text.matchAll(NO_SPACE_BEFORE)) {
    const mark = text[match.index + match[0].length] ?? '';
    // French spaces its high marks (checked below); a spaced ellipsis ". . ." is a style.
    if (lang === 'fr' && /[;:!?]/u.test(mark)) continue;
    if (mark === '.' && (text[match.index - 1] === '.' || /^\s*\.\s+\./u.test(text.slice(match.index, match.index + 8)))) continue;
    if (mark === '.' && text.slice(match.index + match[0].length, match.index + match[0].length + 3) === '...') continue;
    slips.push({ rule: 'space-before-punctuation', offset: match.index, length: match[0].length, message: { key: 'spacing.spaceBeforePunctuation', values: { mark, excerpt: excerptAround(text, match.index, match.index + match[0].length + 1) } } });
  }
  for (const match of text.matchAll(/[([](?=[ \u00A0])/gu)) {
    slips.push({ rule: 'space-after-bracket', offset: match.index + 1, length: 1, message: { key: 'spacing.spaceAfterBracket', values: { mark: match[0], excerpt: excerptAround(text, match.index, match.index + 2) } } });
  }

  if (lang === 'fr') frenchSlips(text, slips);
  else {
    // Closing quotes (» in Russian and French-style quoting, ” in English) take no space before, opening ones none after.
    for (const match of text.matchAll(/(?<=\S) +(?=[»”])|(?<=[«„“])(?= )/gu)) {
      const isClosing = /[»”]/u.test(text[match.index + match[0].length] ?? '');
      // “ opens in English and closes in Russian and German: only « and „ are always opening.
      if (!isClosing && text[match.index - 1] === '“' && lang !== 'en') continue;
      slips.push({ rule: 'space-inside-quotes', offset: match.index, length: Math.max(1, match[0].length), message: { key: 'spacing.spaceInsideQuotes', values: { excerpt: excerptAround(text, match.index, match.index + 1) } } });
    }
  }
  if (lang === 'ru') russianSlips(text, slips);
  return slips;
}

function frenchSlips(text: string, slips: Slip[]): void {
  for (const match of text.matchAll(FRENCH_HIGH)) {
    const offset = match.index;
    const before = text[offset - 1];
    if (before === undefined) continue;
    // ?! and !!: one space before the first; 10:30, http://, and the » closing « » of a German text are not French punctuation.
    if ((/[!?]/u.test(before) && /[!?]/u.test(match[0])) || (match[0] === ':' && (/\d/u.test(before) || text[offset + 1] === '/'))) continue;
    if (before === ' ') slips.push({ rule: 'fr-breaking-space', offset: offset - 1, length: 1, message: { key: 'spacing.frBreakingSpace', values: { mark: match[0], excerpt: excerptAround(text, offset - 1, offset + 1) } } });
    else if (!NO_BREAK.includes(before)) slips.push({ rule: 'fr-missing-space', offset, length: 0, message: { key: 'spacing.frMissingSpace', values: { mark: match[0], excerpt: excerptAround(text, offset, offset + 1) } } });
  }
  for (const match of text.matchAll(/«/gu)) {
    const after = text[match.index + 1];
    if (after === ' ') slips.push({ rule: 'fr-breaking-space', offset: match.index + 1, length: 1, message: { key: 'spacing.frSpaceAfterQuote', values: { excerpt: excerptAround(text, match.index, match.index + 2) } } });
    else if (after !== undefined && !NO_BREAK.includes(after)) slips.push({ rule: 'fr-missing-space', offset: match.index + 1, length: 0, message: { key: 'spacing.frSpaceAfterQuote', values: { excerpt: excerptAround(text, match.index, match.index + 2) } } });
  }
}

function russianSlips(text: string, slips: Slip[]): void {
  // A hyphen or en dash standing between words (or opening a reply) is a dash: — with spaces.
  for (const match of text.matchAll(/(?:^|(?<=\s))(?:-{1,2}|–)(?=\s)|--/gu)) {
    slips.push({ rule: 'ru-dash', offset: match.index, length: match[0].length, message: { key: 'spacing.ruDash', values: { mark: match[0], excerpt: excerptAround(text, match.index, match.index + match[0].length) } } });
  }
  // A dash between words needs its spaces (1917—1918 and 5—6 are ranges).
  for (const match of text.matchAll(/(?<=[\p{L}.,!?»…])—|—(?=\p{L})/gu)) {
    if (/\d/u.test(text[match.index - 1] ?? '') && /\d/u.test(text[match.index + 1] ?? '')) continue;
    if (match.index === 0) continue;
    slips.push({ rule: 'ru-dash-spaces', offset: match.index, length: 1, message: { key: 'spacing.ruDashSpaces', values: { excerpt: excerptAround(text, match.index, match.index + 1) } } });
  }
  if (text.includes('"')) {
    const offset = text.indexOf('"');
    slips.push({ rule: 'ru-quotes', offset, length: 1, message: { key: 'spacing.ruStraightQuotes', values: { excerpt: excerptAround(text, offset, offset + 1) } } });
  } else if (/”/u.test(text) || (/“/u.test(text) && !/„/u.test(text))) {
    const offset = text.search(/[“”]/u);
    slips.push({ rule: 'ru-quotes', offset, length: 1, message: { key: 'spacing.ruEnglishQuotes', values: { excerpt: excerptAround(text, offset, offset + 1) } } });
  }
}

/**
 * Spaces and typography of the translation's language: spaces at the ends, doubled, before
 * punctuation or inside brackets and quotes; French no-break spaces before ; : ! ? » and after «;
 * Russian dashes (— with spaces, never a hyphen) and quotation marks («» with „“ inside). One
 * finding per rule and place; the key is the rule and the word before the place, so an edit
 * elsewhere keeps a dismissal.
 */
export function checkSpacing(segment: CheckSegment): Finding[] {
  const findings: Finding[] = [];
  const keys = new Set<string>();
  for (const slip of slipsOf(segment.target, segment.targetLanguage).sort((a, b) => a.offset - b.offset)) {
    const key = `${slip.rule}:${wordBefore(segment.target, slip.offset)}`;
    if (keys.has(key)) continue;
    keys.add(key);
    findings.push({ check: 'spacing', severity: 'warning', key, message: slip.message, targetRange: { start: slip.offset, end: slip.offset + slip.length } });
  }
  return findings;
}
