import 'server-only';

import { Cite, type CSLName } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { parse as parseDate } from '@citation-js/date';
import { parse as parseName } from '@citation-js/name';

/** What a citation of a work (or of one passage of it) is made from. */
export interface CitationSource {
  workId: string;
  title: string;
  /** As the work records it: one name or several ("H. G. Wells and J. V. Stalin"); may be empty. */
  author: string;
  /** The work's date as printed ("January 22, 1926"); may be empty. */
  dateText: string;
  /** The edition the source text was printed in, as recorded; may be empty. */
  edition: string;
  /** The web page the source text was taken from, as recorded; may be empty. */
  sourceUrl?: string;
  /** BCP 47 tag of the language cited. */
  language: string;
  /** Set when the language cited is a translation: who translated it (null: not recorded) and its edition, if printed. */
  translation: { translator: string | null; edition: string | null } | null;
  /** Printed pages of the source edition the passage lies on (null: no page known). */
  pages: { first: string; last: string } | null;
  /** Absolute address of what is cited (the page's or the passage's link, else the work's). */
  url: string;
  /** When it was looked at. */
  accessed: Date;
}

/** A CSL-JSON item (the Citation Style Language's data format), as exported. */
export type CslItem = Record<string, unknown> & { id: string; type: string; title: string };

/** One citation in the formats the reader offers. */
export interface FormattedCitation {
  /** Chicago Manual of Style (17th ed.), notes and bibliography: the note and the bibliography entry. */
  chicago: { note: string; bibliography: string };
  bibtex: string;
  csl: CslItem;
}

const SEPARATOR = /\s+(?:and|&|и)\s+|\s*;\s*/u;

/** The work's authors as CSL names; a name that does not parse is kept whole. */
function authorsOf(author: string): CSLName[] {
  return author
    .split(SEPARATOR)
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => {
      const parsed = parseName(name);
      return parsed.family && parsed.given && !parsed['non-dropping-particle'] ? { family: parsed.family, given: parsed.given } : { literal: name };
    });
}

/** The date as CSL: parsed when it is one of the common forms, else its year(s) with the text kept. */
function issuedOf(dateText: string): Record<string, unknown> | undefined {
  const text = dateText.trim();
  if (!text) return undefined;
  const parsed = parseDate(text);
  // "1917-1923" and "1926-27" parse as a year and a "month": only real months and days are kept.
  const isDate = (parts: readonly (string | number)[]) => {
    const [, month, day] = parts.map(Number);
    return (month === undefined || (month >= 1 && month <= 12)) && (day === undefined || (day >= 1 && day <= 31));
  };
  if (parsed['date-parts']?.every(isDate)) return { 'date-parts': parsed['date-parts'] };
  const years = text.match(/\b(1[0-9]{3}|20[0-9]{2})\b/gu);
  if (!years) return { literal: text };
  return { 'date-parts': years.slice(0, 2).map((year) => [Number(year)]), literal: text };
}

/** "14", or "14–15" when the passage runs over a page break. */
function pageRange(pages: CitationSource['pages']): string | null {
  if (!pages) return null;
  return pages.first === pages.last ? pages.first : `${pages.first}–${pages.last}`;
}

const nameInOrder = (name: CSLName) => name.literal ?? [name.given, name.family].filter(Boolean).join(' ');
const nameInverted = (name: CSLName) => name.literal ?? [name.family, name.given].filter(Boolean).join(', ');

/** Names joined as prose: "A", "A and B", "A, B, and C". */
function joinNames(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')}, and ${names.at(-1)}`;
}

/** A title inside double quotes: its own double quotes become single ones (Chicago 13.30). */
function quotedTitle(title: string, closing: ',' | '.'): string {
  const inner = title.trim().replace(/[“"]([^”"]*)[”"]/gu, '‘$1’');
  // A title's own ? or ! closes it, and its own full stop (an abbreviation: "E.C.C.I.") ends a sentence.
  const ends = /[?!]$/u.test(inner) || (closing === '.' && inner.endsWith('.'));
  return `“${inner}${ends ? '' : closing}”`;
}

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '#': '\\#',
  '&': '\\&',
  $: '\\$',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * A name ready for citation-js's BibTeX: it escapes a name with a given name itself, but writes a
 * name it keeps whole (a literal, or a family name alone) as it is, so those are escaped here.
 */
function latexName(name: CSLName): CSLName {
  if (name.given && !name.literal) return name;
  return Object.fromEntries(Object.entries(name).map(([key, value]) => [key, typeof value === 'string' ? value.replace(/[\\{}%#&$_~^]/gu, (special) => LATEX_SPECIALS[special] ?? special) : value]));
}

/** Closes a sentence of a bibliography entry with a full stop unless it ends with one already. */
const sentence = (text: string) => (/[.?!]$/u.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/**
 * A work (or a passage with its pages) as a Chicago note and bibliography entry, BibTeX (by
 * citation-js, which escapes for LaTeX) and CSL-JSON. The page numbers are those of the printed
 * source edition; a translation is cited with its translator. Pure.
 */
export function formatCitation(source: CitationSource): FormattedCitation {
  const authors = authorsOf(source.author);
  const pages = pageRange(source.pages);
  const edition = source.edition.trim();
  const date = source.dateText.trim();
  const translator = source.translation?.translator?.trim() || null;
  const sourceUrl = source.sourceUrl?.trim() ?? '';

  const csl: CslItem = {
    id: source.workId,
    type: edition ? 'chapter' : 'document',
    title: source.title,
    ...(authors.length ? { author: authors } : {}),
    ...(issuedOf(date) ? { issued: issuedOf(date) } : {}),
    ...(edition ? { 'container-title': edition } : {}),
    ...(pages ? { page: pages } : {}),
    ...(translator ? { translator: authorsOf(translator) } : {}),
    ...(source.translation?.edition ? { note: `Translation: ${source.translation.edition}` } : {}),
    // CSL's "source": where the item was found (the page the text was taken from).
    ...(sourceUrl ? { source: sourceUrl } : {}),
    language: source.language,
    URL: source.url,
    accessed: { 'date-parts': [[source.accessed.getUTCFullYear(), source.accessed.getUTCMonth() + 1, source.accessed.getUTCDate()]] },
  };

  // Chicago 14.103–14.107: names in order, the title in quotes, then what places it, the page cited and the address.
  const placing = [date, translator ? `trans. ${translator}` : '', edition ? `in ${edition}` : '', pages ?? '', sourceUrl ? `text from ${sourceUrl}` : '', source.url].filter(Boolean);
  const note = `${authors.length ? `${joinNames(authors.map(nameInOrder))}, ` : ''}${quotedTitle(source.title, ',')} ${placing.join(', ')}.`;

  const [first, ...others] = authors;
  const byline = first ? [nameInverted(first), ...others.map(nameInOrder)] : [];
  const bibliography = [
    byline.length ? sentence(byline.length === 1 ? byline[0] as string : `${byline.slice(0, -1).join(', ')}, and ${byline.at(-1)}`) : '',
    quotedTitle(source.title, '.'),
    date ? sentence(date) : '',
    translator ? sentence(`Translated by ${translator}`) : '',
    edition ? sentence(`In ${edition}${pages ? `, ${pages}` : ''}`) : pages ? sentence(pages) : '',
    sourceUrl ? sentence(`Text from ${sourceUrl}`) : '',
    sentence(source.url),
  ]
    .filter(Boolean)
    .join(' ');

  // A brace in a name written as it is could close the field and forge others, a % comment out
  // the rest of the line.
  const forBibtex = { ...csl, ...(authors.length ? { author: authors.map(latexName) } : {}), ...(translator ? { translator: authorsOf(translator).map(latexName) } : {}) };
  const bibtex = new Cite([forBibtex]).format('bibtex', { format: 'text' });
  return { chicago: { note, bibliography }, bibtex: String(bibtex).trim(), csl };
}
