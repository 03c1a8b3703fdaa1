import type { useTranslations } from 'next-intl';

/**
 * Where a source text may be cut (or a footnote reference placed): the gaps between its words, and
 * the places where OCR glued two sentences together ("late.Anna"). Pure, so the picker and its
 * tests share it.
 */
export interface SplitPoint {
  /** UTF-16 index into the text: the first character of the whitespace between two words, right after a glued sentence end, or the text's end. */
  offset: number;
  /** The text before ends a sentence here (".", "!", "?", "…", maybe followed by a closing quote or bracket). */
  isSentenceEnd: boolean;
}

const SENTENCE_END = /[.!?…。！？][”’"'»)\]]*$/u;
/** A glued sentence goes on with a capital letter, or an opening quote or bracket. */
const GLUED_START = /^[\p{Lu}“‘«(\[]/u;

/**
 * The points of `text`, in order: every run of whitespace between two words (its first
 * character), every sentence end followed at once by the next sentence, and, with `includeEnd`,
 * the end of the text (where a footnote reference goes by default).
 */
export function splitPoints(text: string, { includeEnd = false }: { includeEnd?: boolean } = {}): SplitPoint[] {
  const points: SplitPoint[] = [];
  const isSentenceEnd = (offset: number) => SENTENCE_END.test(text.slice(Math.max(0, offset - 8), offset));
  for (const match of text.matchAll(/\s+|(?<=[.!?…][”’"'»)\]]*)(?=\S)/gu)) {
    const offset = match.index;
    const isSpace = match[0].length > 0;
    if (offset === 0 || offset + match[0].length >= text.length) continue;
    // Between words: a run of whitespace. Glued: right after a sentence end, before a new sentence.
    if (isSpace) points.push({ offset, isSentenceEnd: isSentenceEnd(offset) });
    else if (GLUED_START.test(text.slice(offset)) && !/\s/u.test(text[offset - 1] ?? '')) points.push({ offset, isSentenceEnd: true });
  }
  const trimmedEnd = text.trimEnd().length;
  if (includeEnd && trimmedEnd > 0) points.push({ offset: trimmedEnd, isSentenceEnd: isSentenceEnd(trimmedEnd) });
  return points;
}

/** Where one sentence glued to the next ends inside a "word" ("dawn.The"). */
const GLUED_END = /[.!?…][”’"'»)\]]*(?=[\p{Lu}“‘«(\[])/gu;

/** The messages that name a point (`useTranslations('structure.points')`). */
export type PointTranslator = ReturnType<typeof useTranslations<'structure.points'>>;

/** The word before and the word after `offset` (glued sentences count as two words), to name a point to screen readers ("after “dawn.”, before “The”"). */
export function describePoint(text: string, offset: number, t: PointTranslator): string {
  const beforeRun = /(\S+)\s*$/u.exec(text.slice(0, offset))?.[1];
  const afterRun = /^\s*(\S+)/u.exec(text.slice(offset))?.[1];
  const lastGlued = beforeRun ? [...beforeRun.slice(0, -1).matchAll(GLUED_END)].at(-1) : undefined;
  const before = beforeRun && lastGlued ? beforeRun.slice(lastGlued.index + lastGlued[0].length) : beforeRun;
  const firstGlued = afterRun ? [...afterRun.matchAll(GLUED_END)][0] : undefined;
  const after = afterRun && firstGlued ? afterRun.slice(0, firstGlued.index + firstGlued[0].length) : afterRun;
  if (before && after) return t('between', { before, after });
  if (before) return t('atEnd', { before });
  return after ? t('atStart', { after }) : t('empty');
}

/** The point nearest to the middle, or the first sentence end when there is one: where the cut starts. */
export function initialPoint(points: readonly SplitPoint[], textLength: number, { preferEnd = false } = {}): number {
  if (points.length === 0) return -1;
  if (preferEnd) return points.length - 1;
  const sentenceEnd = points.findIndex((point) => point.isSentenceEnd);
  if (sentenceEnd >= 0) return sentenceEnd;
  let best = 0;
  for (let index = 1; index < points.length; index += 1) {
    if (Math.abs((points[index]?.offset ?? 0) - textLength / 2) < Math.abs((points[best]?.offset ?? 0) - textLength / 2)) best = index;
  }
  return best;
}
