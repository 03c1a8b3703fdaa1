/** One run of a word diff: text both sides share, text only the old side has, or only the new side. */
export interface DiffOp {
  kind: 'equal' | 'delete' | 'insert';
  text: string;
}

/**
 * Largest table the LCS may fill (tokens before × tokens after, once the common ends are cut off).
 * A 3,000-character excerpt has about 1,200 tokens, so an excerpt always fits; anything larger is
 * shown as one deletion and one insertion instead of freezing the page.
 */
export const MAX_DIFF_CELLS = 4_000_000;

/**
 * Words, single punctuation characters and runs of white space: punctuation on its own so that
 * `³ULTRA` → `“ULTRA` shows one replaced quote, white space on its own so a joined line shows as
 * one removed line break.
 */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{M}\p{Nd}]+|[^\s\p{L}\p{M}\p{Nd}]/gu) ?? [];
}

/**
 * Word-level diff of two short texts (longest common subsequence of tokens). Deletions come
 * before insertions within a change, and adjacent runs of one kind are merged. Pure; bounded by
 * {@link MAX_DIFF_CELLS}, so callers diff excerpts, never whole books.
 */
export function diffWords(before: string, after: string): DiffOp[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix += 1;

  const ops: DiffOp[] = [];
  const push = (kind: DiffOp['kind'], text: string) => {
    if (!text) return;
    const last = ops.at(-1);
    if (last?.kind === kind) last.text += text;
    else ops.push({ kind, text });
  };
  push('equal', a.slice(0, prefix).join(''));
  for (const op of diffMiddle(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix))) push(op.kind, op.text);
  push('equal', a.slice(a.length - suffix).join(''));
  return mergeAcrossSpaces(ops);
}

/**
 * Folds white space that separates two changes into them: `S T A L I N` → `STALIN` would
 * otherwise read as single letters struck through between kept spaces. The result is one deletion
 * and one insertion per change.
 */
function mergeAcrossSpaces(ops: DiffOp[]): DiffOp[] {
  const merged: DiffOp[] = [];
  let deleted = '';
  let inserted = '';
  let isInChange = false;
  const flush = () => {
    if (deleted) merged.push({ kind: 'delete', text: deleted });
    if (inserted) merged.push({ kind: 'insert', text: inserted });
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
      merged.push(op);
    }
  });
  flush();
  return merged;
}

function diffMiddle(a: string[], b: string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_DIFF_CELLS) {
    return [
      { kind: 'delete', text: a.join('') },
      { kind: 'insert', text: b.join('') },
    ];
  }
  // lengths[i * (m + 1) + j] = LCS length of a[i..] and b[j..], filled from the end.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[i * width + j] = a[i] === b[j] ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  // Walk forward, collecting a change's deletions and insertions separately so each change reads
  // "old, then new" rather than alternating token by token.
  const ops: DiffOp[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) ops.push({ kind: 'delete', text: deleted });
    if (inserted) ops.push({ kind: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      flush();
      ops.push({ kind: 'equal', text: a[i] ?? '' });
      i += 1;
      j += 1;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      deleted += a[i] ?? '';
      i += 1;
    } else {
      inserted += b[j] ?? '';
      j += 1;
    }
  }
  deleted += a.slice(i).join('');
  inserted += b.slice(j).join('');
  flush();
  return ops;
}
