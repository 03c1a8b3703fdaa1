import { diffArrays } from 'diff';

import { MAX_DIFF_EDITS } from '../config/limits';

/** One run of a word diff: text both sides share, text only the old side has, or only the new side. */
export interface DiffOp {
  kind: 'equal' | 'delete' | 'insert';
  text: string;
}

/** A change of the old tokens [start, end) into `tokens`. */
export interface TokenEdit {
  start: number;
  end: number;
  tokens: string[];
}

/**
 * Words, single punctuation characters and runs of white space: punctuation on its own so that
 * `³ULTRA` → `“ULTRA` shows one replaced quote, white space on its own so a joined line shows as
 * one removed line break. Letters of every script count (`\p{L}`): jsdiff's own word tokenizer
 * knows Latin letters only and would cut a Russian word into single letters, and its
 * `Intl.Segmenter` option glues white space to words and splits differently between browsers.
 */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{M}\p{Nd}]+|[^\s\p{L}\p{M}\p{Nd}]/gu) ?? [];
}

/**
 * The edits that turn the tokens `before` into `after`, in order, none touching the next: the
 * shortest edit script (jsdiff's Myers diff), or, when more than {@link MAX_DIFF_EDITS} tokens
 * differ, the whole stretch between the common beginning and end as one edit.
 */
export function diffTokens(before: readonly string[], after: readonly string[]): TokenEdit[] {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix += 1;
  const a = before.slice(prefix, before.length - suffix);
  const b = after.slice(prefix, after.length - suffix);
  if (a.length === 0 && b.length === 0) return [];
  const whole = [{ start: prefix, end: prefix + a.length, tokens: b }];
  if (a.length === 0 || b.length === 0) return whole;
  const changes = diffArrays(a, b, { maxEditLength: MAX_DIFF_EDITS });
  if (!changes) return whole;

  const edits: TokenEdit[] = [];
  let open: TokenEdit | null = null;
  let i = prefix;
  let j = 0;
  for (const change of changes) {
    if (!change.added && !change.removed) {
      if (open) edits.push(open);
      open = null;
      i += change.count;
      j += change.count;
      continue;
    }
    open ??= { start: i, end: i, tokens: [] };
    if (change.removed) {
      i += change.count;
      open.end = i;
    } else {
      open.tokens.push(...b.slice(j, j + change.count));
      j += change.count;
    }
  }
  if (open) edits.push(open);
  return edits;
}

/**
 * Word-level diff of two texts. Deletions come before insertions within a change, and adjacent
 * runs of one kind are merged. Pure; bounded by {@link MAX_DIFF_EDITS}.
 */
export function diffWords(before: string, after: string): DiffOp[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const ops: DiffOp[] = [];
  const push = (kind: DiffOp['kind'], text: string) => {
    if (text) ops.push({ kind, text });
  };
  let position = 0;
  for (const edit of diffTokens(a, b)) {
    push('equal', a.slice(position, edit.start).join(''));
    push('delete', a.slice(edit.start, edit.end).join(''));
    push('insert', edit.tokens.join(''));
    position = edit.end;
  }
  push('equal', a.slice(position).join(''));
  return mergeAcrossSpaces(ops);
}

/**
 * Folds white space that separates two changes into them: `S T A L I N` → `STALIN` would
 * otherwise read as single letters struck through between kept spaces. The result is one deletion
 * and one insertion per change, neither beginning nor ending with white space both share: of
 * equally short diffs the search may pick one that keeps the space before a change rather than
 * after it, and `U N I T E !` → `UNITE !` reads best with the space after `UNITE` kept.
 */
function mergeAcrossSpaces(ops: DiffOp[]): DiffOp[] {
  const merged: DiffOp[] = [];
  let deleted = '';
  let inserted = '';
  let isInChange = false;
  const pushEqual = (text: string) => {
    const last = merged.at(-1);
    if (last?.kind === 'equal') last.text += text;
    else if (text) merged.push({ kind: 'equal', text });
  };
  const flush = () => {
    let after = '';
    if (deleted && inserted) {
      const before = sharedLeadingSpace(deleted, inserted);
      after = sharedTrailingSpace(deleted.slice(before.length), inserted.slice(before.length));
      pushEqual(before);
      deleted = deleted.slice(before.length, deleted.length - after.length);
      inserted = inserted.slice(before.length, inserted.length - after.length);
    }
    if (deleted) merged.push({ kind: 'delete', text: deleted });
    if (inserted) merged.push({ kind: 'insert', text: inserted });
    if (after) merged.push({ kind: 'equal', text: after });
    deleted = '';
    inserted = '';
    isInChange = false;
  };
  ops.forEach((op, index) => {
    if (op.kind === 'delete') {
      deleted += op.text;
      isInChange = true;
    } else if (op.kind === 'insert') {
      inserted += op.text;
      isInChange = true;
    } else if (isInChange && /^[ \t]+$/.test(op.text) && ops[index + 1] && ops[index + 1]?.kind !== 'equal') {
      deleted += op.text;
      inserted += op.text;
    } else {
      flush();
      pushEqual(op.text);
    }
  });
  flush();
  return merged;
}

/** The white space both texts begin with, as far as it agrees. */
function sharedLeadingSpace(a: string, b: string): string {
  let length = 0;
  while (length < a.length && a[length] === b[length] && /\s/u.test(a[length] ?? '')) length += 1;
  return a.slice(0, length);
}

/** The white space both texts end with, as far as it agrees. */
function sharedTrailingSpace(a: string, b: string): string {
  let length = 0;
  while (length < a.length && length < b.length && a[a.length - 1 - length] === b[b.length - 1 - length] && /\s/u.test(a[a.length - 1 - length] ?? '')) length += 1;
  return a.slice(a.length - length);
}
