import type { InlineRun } from './types';
import type { EmphasisSpan } from '../segment/emphasis';
import { xmlSafeText } from '../segment/xml-safe-text';

/** A note's marker or a page's beginning, at an offset of a text (UTF-16 code units). */
export interface InlineMark {
  offset: number;
  run: Extract<InlineRun, { type: 'noteref' | 'page' }>;
}

/**
 * A text as runs: its words cut at every mark (in offset order; a mark past the end goes at the
 * end) and at the edges of its emphasis. Each stretch of words loses the characters no XML
 * document can carry (controls, the import's private markers) after the cut, so offsets stay
 * those of the stored text. Pure.
 */
export function buildRuns(text: string, emphasis: readonly EmphasisSpan[], marks: readonly InlineMark[]): InlineRun[] {
  const runs: InlineRun[] = [];
  const sorted = [...marks].sort((a, b) => a.offset - b.offset);
  let cursor = 0;
  for (const mark of sorted) {
    const offset = Math.min(Math.max(mark.offset, cursor), text.length);
    pushWords(runs, text, cursor, offset, emphasis);
    runs.push(mark.run);
    cursor = offset;
  }
  pushWords(runs, text, cursor, text.length, emphasis);
  return runs;
}

function pushWords(runs: InlineRun[], text: string, from: number, to: number, emphasis: readonly EmphasisSpan[]): void {
  let cursor = from;
  const push = (start: number, end: number, isEmphasis: boolean) => {
    const words = xmlSafeText(text.slice(start, end));
    if (words) runs.push({ type: 'text', text: words, isEmphasis });
  };
  for (const span of emphasis) {
    const start = Math.max(span.start, cursor);
    const end = Math.min(span.end, to);
    if (end <= start) continue;
    if (start > cursor) push(cursor, start, false);
    push(start, end, true);
    cursor = end;
  }
  if (to > cursor) push(cursor, to, false);
}

/** The words of runs alone (no markers), e.g. a heading in the table of contents. Pure. */
export function runsText(runs: readonly InlineRun[]): string {
  return runs.map((run) => (run.type === 'text' ? run.text : '')).join('');
}
