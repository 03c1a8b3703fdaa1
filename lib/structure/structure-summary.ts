/**
 * What a structural change does, in one line, and why approving it would be refused now: as
 * values the interface words in its language (`structure.summary.<type>`,
 * `structure.blockers.<reason>`: components/structure/structure-text.ts), and in English, the
 * line a STRUCTURE suggestion stores as its text. Runs in the browser too.
 */

import type { StructureRefusal } from './structure-refusal';
import type { ErrorKey, ErrorValues } from '../errors/error-text';

/** The kind of a text-bearing segment, as a summary names it. */
export type SummaryKind = 'sentence' | 'heading' | 'footnote';

/** The values of a change's summary line: its operation and the excerpts of the text it acts on. */
export type StructureSummary =
  | { type: 'splitSegment'; kind: SummaryKind; before: string; after: string }
  | { type: 'mergeSegments'; kind: SummaryKind; before: string; after: string }
  | { type: 'makeHeading'; excerpt: string; level: number }
  | { type: 'makeSentence'; excerpt: string }
  | { type: 'makeFootnote'; excerpt: string; label: string }
  | { type: 'splitParagraph'; excerpt: string }
  | { type: 'joinParagraphs'; excerpt: string };

/** Why approving a structural change would be refused now. */
export type StructureBlocker =
  /** Text suggestions on its segments await review (decided first). */
  | { reason: 'openSuggestions'; count: number }
  /** The change stored with the suggestion cannot be read. */
  | { reason: 'unreadable' }
  /** The work is gone. */
  | { reason: 'workGone' }
  /** A text the change depends on changed since it was proposed. */
  | { reason: 'textChanged' }
  /** The change no longer fits the text: the planner's refusal (`refusal`, worded by the interface; `message`, its English). */
  | { reason: 'noLongerFits'; message: string; refusal?: StructureRefusal }
  /** Another refusal: the server's error (`error`, worded by the interface; `message`, its English). */
  | { reason: 'refused'; message: string; error?: { key: ErrorKey; values?: ErrorValues } };

/** The English summary line: what a STRUCTURE suggestion stores as its text. */
export function structureSummaryText(summary: StructureSummary): string {
  switch (summary.type) {
    case 'splitSegment':
      return `Split the ${summary.kind} “${summary.before}” | “${summary.after}”`;
    case 'mergeSegments':
      return `Merge the ${summary.kind}s “${summary.before}” + “${summary.after}”`;
    case 'makeHeading':
      return `Make “${summary.excerpt}” a heading (level ${summary.level})`;
    case 'makeSentence':
      return `Make the heading “${summary.excerpt}” a sentence`;
    case 'makeFootnote':
      return `Make “${summary.excerpt}” footnote ${summary.label}`;
    case 'splitParagraph':
      return `Start a new paragraph at “${summary.excerpt}”`;
    case 'joinParagraphs':
      return `Join the paragraph ending “${summary.excerpt}” with the next`;
  }
}

const KIND = '(sentence|heading|footnote)';
const READERS: readonly ((text: string) => StructureSummary | null)[] = [
  (text) => match(text, new RegExp(`^Split the ${KIND} “(.*)” \\| “(.*)”$`, 'su'), ([kind, before, after]) => ({ type: 'splitSegment', kind: kind as SummaryKind, before, after })),
  (text) => match(text, new RegExp(`^Merge the ${KIND}s “(.*)” \\+ “(.*)”$`, 'su'), ([kind, before, after]) => ({ type: 'mergeSegments', kind: kind as SummaryKind, before, after })),
  (text) => match(text, /^Make the heading “(.*)” a sentence$/su, ([excerpt]) => ({ type: 'makeSentence', excerpt })),
  (text) => match(text, /^Make “(.*)” a heading \(level (\d)\)$/su, ([excerpt, level]) => ({ type: 'makeHeading', excerpt, level: Number(level) })),
  (text) => match(text, /^Make “(.*)” footnote (\S+)$/su, ([excerpt, label]) => ({ type: 'makeFootnote', excerpt, label })),
  (text) => match(text, /^Start a new paragraph at “(.*)”$/su, ([excerpt]) => ({ type: 'splitParagraph', excerpt })),
  (text) => match(text, /^Join the paragraph ending “(.*)” with the next$/su, ([excerpt]) => ({ type: 'joinParagraphs', excerpt })),
];

/**
 * The values of a stored English summary line ({@link structureSummaryText} read back), so lists
 * of stored suggestions word it in the interface's language; null for a line it does not know.
 */
export function readStructureSummary(text: string): StructureSummary | null {
  for (const read of READERS) {
    const summary = read(text);
    if (summary && structureSummaryText(summary) === text) return summary;
  }
  return null;
}

/** `build` from the first three groups of `pattern` in `text` (empty when absent); null when it does not match. */
function match(text: string, pattern: RegExp, build: (groups: [string, string, string]) => StructureSummary): StructureSummary | null {
  const found = pattern.exec(text);
  return found ? build([found[1] ?? '', found[2] ?? '', found[3] ?? '']) : null;
}
