import { MINOR_WORDS, SECTION_NUMBER } from './detect-txt-heading';
import { MARK } from './page-marks';

/** A title wrapped by the printer rarely takes more lines than this, nor more characters. */
const MAX_TITLE_LINES = 6;
const MAX_TITLE_LENGTH = 300;

/** A heading block of plain text as the segmenter reads it: one line, `raw` may hold page marks. */
interface HeadingLine {
  kind: 'heading';
  level: number;
  raw: string;
}

/**
 * Joins consecutive capital heading lines that are one title wrapped over several lines
 * (`CONCERNING QUESTIONS` / `OF LENINISM`). A line continues the title above it when the
 * title's last word or the line's first word is a function word (`OF`, `AND`, `THE`, `IN`…),
 * or when both together begin one of the known `titles` (a volume's table of contents). A
 * byline or a dedication in capitals under a title (`J. STALIN`) meets neither and stays apart;
 * a numbered section (`I`, `II. THE STAGES`) never continues a title.
 */
export function joinHeadingLines<T extends { kind: string }>(blocks: T[], titles: readonly string[] = []): (T | HeadingLine)[] {
  const known = titles.map(titleWords).filter((words) => words.length > 0);
  const out: (T | HeadingLine)[] = [];
  let lines = 0;
  for (const block of blocks) {
    const above = out[out.length - 1];
    if (isCapitalLine(block) && above !== undefined && isCapitalLine(above) && lines < MAX_TITLE_LINES && continuesTitle(plain(above.raw), plain(block.raw), known)) {
      out[out.length - 1] = { kind: 'heading', level: above.level, raw: `${above.raw}\n${block.raw}` };
      lines += 1;
      continue;
    }
    out.push(block);
    lines = 1;
  }
  return out;
}

/** The line's words as printed: without page marks nor footnote references (`[^5]`). */
function plain(raw: string): string {
  return raw.replaceAll(MARK, ' ').replace(/\[\^[^[\]\s]+\]/gu, ' ').replace(/\s+/gu, ' ').trim();
}

/** A level-1 (all-capitals) heading that is not a numbered section. */
function isCapitalLine(block: { kind: string }): block is HeadingLine {
  if (block.kind !== 'heading') return false;
  const heading = block as HeadingLine;
  return heading.level === 1 && !SECTION_NUMBER.test(plain(heading.raw));
}

function continuesTitle(title: string, line: string, known: readonly string[][]): boolean {
  if (title.length + line.length + 1 > MAX_TITLE_LENGTH) return false;
  const before = titleWords(title);
  const after = titleWords(line);
  const last = before[before.length - 1];
  const first = after[0];
  if (last === undefined || first === undefined) return false;
  if (isFunctionWord(title.split(' ').pop() ?? '') || isFunctionWord(line.split(' ')[0] ?? '')) return true;
  const joined = [...before, ...after];
  return known.some((words) => words.length >= joined.length && joined.every((word, k) => words[k] === word));
}

/** `OF`, `“THE`; not an initial (`A.` of `A. B. SMITH`). */
function isFunctionWord(token: string): boolean {
  return !/\.$/u.test(token) && MINOR_WORDS.has(titleWords(token)[0] ?? '');
}

/** Lower-case words without the punctuation around them (quotation marks, brackets, commas). */
function titleWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word !== '');
}
