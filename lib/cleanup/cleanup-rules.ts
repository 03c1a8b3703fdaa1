import { detectBlockQuotes } from './rules/block-quotes';
import { detectCharsetPunctuation } from './rules/charset-punctuation';
import { detectDehyphenation } from './rules/dehyphenation';
import { detectEllipses } from './rules/ellipses';
import { detectFootnoteMarkers } from './rules/footnote-markers';
import { detectInlinePageMarkers } from './rules/inline-page-markers';
import { detectLetterSpacing } from './rules/letter-spacing';
import { detectLineJoins } from './rules/line-joins';
import { detectLists } from './rules/lists';
import { detectPageNumbers } from './rules/page-numbers';
import { detectQuotationMarks } from './rules/quotation-marks';
import { detectRunningHeaders } from './rules/running-headers';
import { detectSpeakerTurns } from './rules/speaker-turns';
import { detectWebBoilerplate } from './rules/web-boilerplate';
import type { CleanupRule } from './types';

/**
 * Every cleanup rule, in the order the pipeline runs them. The order matters:
 * - boilerplate first, so menus do not feed the vocabulary or character statistics;
 * - stray ellipses before the charset repair, whose statistics would read their full stops as
 *   some other punctuation;
 * - charset repair and letter-spacing before headers, so `J. V. S T A L I N 2` and
 *   `J. V. STALIN 3` normalise to the same running header;
 * - inline markers, headers and page numbers before line work, so a paragraph broken by a page
 *   flows together again and a word hyphenated across pages can be rejoined;
 * - de-hyphenation before line joins (it removes its own line breaks, deciding hyphens);
 * - quotation marks turned after the line work, on whole paragraphs, and before the footnote
 *   markers and block quotations, which read closing and opening marks;
 * - footnote markers after the line work, on the final lines, so their links need no further mapping;
 * - the structure rules (lists, block quotations, speaker turns) last, on the final paragraphs:
 *   they edit nothing and only mark paragraphs; where two claim one paragraph, the earlier wins,
 *   so a list item or a quotation inside a dialogue keeps its own layout.
 */
export const CLEANUP_RULES: readonly CleanupRule[] = [
  {
    id: 'web-boilerplate',
    title: 'Web page boilerplate',
    description: 'Drops menus, language switchers, subscribe links, counters and ads around the article of a scraped page.',
    defaultEnabled: true,
    detect: detectWebBoilerplate,
  },
  {
    id: 'ellipses',
    title: 'Ellipses in another script',
    description: 'Replaces runs of another script’s full stops used as an ellipsis ("۔۔۔", "。。。") by "…", where the text around them is Latin, Cyrillic or Greek.',
    defaultEnabled: true,
    detect: detectEllipses,
  },
  {
    id: 'charset-punctuation',
    title: 'Punctuation read in the wrong character set',
    description: 'Learns which stray characters stand for quotes, apostrophes and dashes from how the text uses them, and replaces them.',
    defaultEnabled: true,
    detect: detectCharsetPunctuation,
  },
  {
    id: 'letter-spacing',
    title: 'Letter-spaced words and stray capitals',
    description: 'Rejoins words printed with spaces between the letters, using the text’s own vocabulary for word boundaries, and lowers a capital read inside a word the text writes in lowercase elsewhere ("necesSary").',
    defaultEnabled: true,
    detect: detectLetterSpacing,
  },
  {
    id: 'inline-page-markers',
    title: 'Inline page markers',
    description: 'Removes markers such as [Page 521] from the text and keeps them as page anchors.',
    defaultEnabled: true,
    detect: detectInlinePageMarkers,
  },
  {
    id: 'running-headers',
    title: 'Running headers',
    description: 'Removes lines repeated at the top of pages with varying page numbers, keeping the page numbers as anchors.',
    defaultEnabled: true,
    detect: detectRunningHeaders,
  },
  {
    id: 'page-numbers',
    title: 'Page numbers',
    description: 'Removes bare page numbers at page breaks, keeping them as page anchors.',
    defaultEnabled: true,
    detect: detectPageNumbers,
  },
  {
    id: 'dehyphenation',
    title: 'Words broken across lines',
    description: 'Rejoins words hyphenated at a line end, keeping the hyphen when the text writes the word with one elsewhere.',
    defaultEnabled: true,
    detect: detectDehyphenation,
  },
  {
    id: 'line-joins',
    title: 'Hard line breaks',
    description: 'Joins lines wrapped inside a paragraph; paragraph ends, headings, lists and notes keep their breaks.',
    defaultEnabled: true,
    detect: detectLineJoins,
  },
  {
    id: 'quotation-marks',
    title: 'Quotation marks the wrong way round',
    description: 'Turns a closing mark that opens a quotation ("” But…") into an opening one, and an opening mark that closes one ("liberty “.") into a closing one, reading each paragraph’s quotations in order.',
    defaultEnabled: true,
    detect: detectQuotationMarks,
  },
  {
    id: 'footnote-markers',
    title: 'Footnote markers',
    description: 'Detaches footnote numbers glued to words or their closing punctuation ("crisis,1", "deviations.”3") or bracketed ("[1]") and links them to their notes.',
    defaultEnabled: true,
    detect: detectFootnoteMarkers,
  },
  {
    id: 'lists',
    title: 'Lists',
    description: 'Reads lines that begin with "•", "-", "1.", "2)", "(a)" or "iv." as the items of a list when they follow each other in order; the marker is shown beside the item, not translated.',
    defaultEnabled: true,
    detect: detectLists,
  },
  {
    id: 'block-quotes',
    title: 'Block quotations',
    description: 'Sets apart as quotations the passages indented further than the text, and the paragraphs in quotation marks that follow an introduction ending with a colon.',
    defaultEnabled: true,
    detect: detectBlockQuotes,
  },
  {
    id: 'speaker-turns',
    title: 'Speaker turns',
    description: 'Reads a dialogue whose paragraphs begin with a speaker’s name ("Wells.", "STALIN:") taken in turns by a few names: the name becomes the turn’s speaker, shown beside the text and not translated.',
    defaultEnabled: true,
    detect: detectSpeakerTurns,
  },
];
