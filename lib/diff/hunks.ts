import type { DiffOp } from './word-diff';

/** A word diff cut into what both texts share and the changes between them, each change a hunk a reviewer may keep or turn down. */
export type DiffPart = { kind: 'equal'; text: string } | { kind: 'change'; hunk: number; deleted: string; inserted: string };

/** Groups the runs of a word diff into hunks: every removal and addition between two shared runs is one change. */
export function toHunks(ops: readonly DiffOp[]): DiffPart[] {
  const parts: DiffPart[] = [];
  let hunk = 0;
  for (const op of ops) {
    const last = parts.at(-1);
    if (op.kind === 'equal') {
      if (last?.kind === 'equal') last.text += op.text;
      else parts.push({ kind: 'equal', text: op.text });
    } else if (last?.kind === 'change') {
      if (op.kind === 'delete') last.deleted += op.text;
      else last.inserted += op.text;
    } else {
      parts.push({ kind: 'change', hunk: hunk++, deleted: op.kind === 'delete' ? op.text : '', inserted: op.kind === 'insert' ? op.text : '' });
    }
  }
  return parts;
}

/** The number of hunks in `parts`. */
export function hunkCount(parts: readonly DiffPart[]): number {
  return parts.filter((part) => part.kind === 'change').length;
}

/**
 * The text with every hunk applied except the `rejected` ones, which keep the old words: what a
 * reviewer publishes when accepting part of a suggestion.
 */
export function composeText(parts: readonly DiffPart[], rejected: ReadonlySet<number>): string {
  return parts.map((part) => (part.kind === 'equal' ? part.text : rejected.has(part.hunk) ? part.deleted : part.inserted)).join('');
}

/** A hunk as one line for a rejection record: "old → new". */
export function hunkExcerpt(part: Extract<DiffPart, { kind: 'change' }>): string {
  return `${part.deleted.trim() || '∅'} → ${part.inserted.trim() || '∅'}`;
}
