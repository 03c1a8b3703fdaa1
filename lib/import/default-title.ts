import type { CleanupResult } from '../cleanup';
import { proposeSplit, type SplitProposal } from '../cleanup/split';
import { detectTxtHeading } from '../segment/segmenter/detect-txt-heading';

/** How far into the cleaned text the title is looked for: a title page, not the body of a work. */
const TITLE_SEARCH_LINES = 80;
const MAX_TITLE_LENGTH = 120;
/** A title begins with a letter or a quotation mark and holds words, numbers and a title's punctuation. */
const TITLE_CHARACTERS = /^[\p{L}‘“"«][\p{L}\p{M}\p{N} ,.'’‘“”"«»:;()!?—–-]*$/u;
/** A name with initials, a byline or a signature: `A. B. Razlatzky`, `J. STALIN`, `V. I. LENIN (1903)`. */
const BYLINE = /^(?:\p{Lu}\.[ \t]?){1,3}\p{Lu}[\p{L}'’-]+(?:[ \t]\([^()]*\))?$/u;

/**
 * The title an import starts from when the user gives none: the text's own title — the first
 * heading near its start (a Markdown `#` heading, or a plain line set apart that reads like a title:
 * words and a title's punctuation, set apart by blank lines, not an imprint's `©` nor a byline, nor
 * made of the words of lines the cleanup removed as running heads and imprints), in a volume on
 * the pages before its table of contents — else the file's name made readable. Pure; the user can
 * always change it.
 */
export function defaultTitle(cleanedText: string, filename: string | null, { furniture = [], contentsStart }: DefaultTitleHints = {}): string {
  const furnitureWords = new Set(furniture.flatMap(wordsOf));
  const isFurniture = (line: string) => furnitureWords.size > 0 && wordsOf(line).every((word) => furnitureWords.has(word));
  const titlePages = contentsStart === undefined ? cleanedText : cleanedText.slice(0, contentsStart);
  return firstHeading(titlePages, isFurniture) ?? (filename === null ? '' : titleFromFilename(filename));
}

/** What the cleanup found that tells a title from the rest. */
export interface DefaultTitleHints {
  /** Lines removed as page furniture (running heads, imprints): their words make no title. */
  furniture?: readonly string[];
  /** Where a volume's table of contents begins: its title is on the pages before it. */
  contentsStart?: number;
}

const wordsOf = (line: string) => line.toLowerCase().match(/\p{L}+/gu) ?? [];

/** Words a file's name carries about how it was made, not what it is (`-ocr`, `_final`, `v2`). */
const PROCESS_WORDS = /^(?:ocr|ocred|scan|scanned|raw|clean|cleaned|final|draft|copy|new|old|fixed|v\d+|скан|распознанный|черновик)$/iu;
/** A volume number in a file's name: `vol8`, `vol.8`, `volume8`, `v.8`, `tom8`, `том8`, `t8`. */
const VOLUME_NUMBER = /^(?:vol(?:ume)?|v|tom|том|t|т)\.?(\d{1,3})$/iu;

/**
 * A file name made readable: extension dropped, dashes and underscores as spaces, words about how
 * the file was made dropped (`ocr`, `final`, `v2`), a volume number spelled out, the first letter
 * capitalised: `stalin-works-vol8-ocr.en.txt` → `Stalin works, Volume 8`. A language suffix
 * (`.en`, `.ru-RU`) before the extension goes too.
 */
export function titleFromFilename(filename: string): string {
  const base = filename.replace(/^.*[\\/]/u, '').replace(/\.[^.]+$/u, '').replace(/\.[a-z]{2,3}(?:[-_][a-z]{2,4})?$/iu, '');
  const tokens = base.split(/[-_\s]+|\.(?!\d)/u).filter(Boolean);
  const kept = tokens.filter((token, index) => !(PROCESS_WORDS.test(token) && tokens.length > 1 && index > 0));
  const words = kept.map((token, index) => {
    const volume = VOLUME_NUMBER.exec(token);
    if (!volume || index === 0) return token;
    return `${/[а-яё]/iu.test(token) ? ', Том' : ', Volume'} ${Number(volume[1])}`;
  });
  const title = words.join(' ').replace(/ ,/gu, ',').trim();
  return title.charAt(0).toUpperCase() + title.slice(1);
}

function firstHeading(text: string, isFurniture: (line: string) => boolean): string | null {
  const lines = text.split('\n', TITLE_SEARCH_LINES);
  for (let k = 0; k < lines.length; k++) {
    const line = (lines[k] ?? '').replace(/\s+/gu, ' ').trim();
    const markdown = /^#{1,6}[ \t]+(.+?)[ \t#]*$/u.exec(line)?.[1];
    const candidate = markdown ?? line;
    if (candidate.length === 0 || candidate.length > MAX_TITLE_LENGTH) continue;
    // Words and a title's punctuation only (no imprint's `©`, no OCR debris), not a byline (`A. B. Razlatzky`).
    if (!TITLE_CHARACTERS.test(candidate) || (candidate.match(/\p{L}/gu)?.length ?? 0) < 4 || BYLINE.test(candidate)) continue;
    // The words of lines the cleanup removed as page furniture elsewhere: an imprint (`From Marx to Mao`), a running head.
    if (isFurniture(candidate)) continue;
    // Set apart: blank lines (or the text's start and end) above and below it.
    const isApart = (k === 0 || (lines[k - 1] ?? '').trim() === '') && (k + 1 >= lines.length || (lines[k + 1] ?? '').trim() === '');
    if (markdown !== undefined || (isApart && detectTxtHeading(candidate) !== null)) return candidate;
  }
  return null;
}

/**
 * {@link defaultTitle} of a cleaned upload: its furniture from the running-header rule, and the
 * start of its table of contents when it splits as a volume (`split`: the split already proposed
 * for the cleaned text, found here when not given).
 */
export function defaultTitleOf(cleaned: Pick<CleanupResult, 'text' | 'pages' | 'proposals'>, filename: string | null, split: SplitProposal | null = proposeSplit(cleaned)): string {
  const furniture = cleaned.proposals.find((proposal) => proposal.ruleId === 'running-headers')?.data?.removedLines ?? [];
  return defaultTitle(cleaned.text, filename, { furniture, contentsStart: split?.method === 'contents' ? split.contentsRange.start : undefined });
}
