/**
 * Text changes between two versions of a draft, and carets carried through changes made by
 * others. Pure, so the editor's textarea binding and the unit tests share it.
 */

/** One contiguous replacement: remove `remove` characters at `index`, then insert `insert` there. */
export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

/** A Yjs text delta, as `Y.YTextEvent.delta` reports it. */
export type TextDelta = ReadonlyArray<{ insert?: string | object; retain?: number; delete?: number }>;

/**
 * The smallest single replacement that turns `before` into `after`, or null when they are equal.
 * `caret` (where the caret is in `after`) decides between equally small answers: typing "a" after
 * "a" in "aa" is an insertion before the caret, not at the start of the run. Surrogate pairs are
 * never cut in two.
 */
export function diffText(before: string, after: string, caret: number = after.length): TextChange | null {
  if (before === after) return null;
  const shortest = Math.min(before.length, after.length);
  // The common suffix may not reach left of the caret, so an ambiguous change ends at the caret.
  const suffixLimit = Math.max(0, Math.min(shortest, after.length - Math.min(Math.max(caret, 0), after.length)));
  let suffix = 0;
  while (suffix < suffixLimit && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix += 1;
  let prefix = 0;
  const prefixLimit = shortest - suffix;
  while (prefix < prefixLimit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix -= 1;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix -= 1;
  return { index: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) };
}

/** `text` with `change` applied. */
export function applyTextChange(text: string, change: TextChange): string {
  return text.slice(0, change.index) + change.insert + text.slice(change.index + change.remove);
}

/**
 * Where position `index` of the old text is in the new one, after the change described by a Yjs
 * delta. Text inserted exactly at `index` goes after it with `assoc` -1 (a caret stays before what
 * someone else typed at it) and before it with `assoc` 1; a position inside a deleted range
 * lands where the range was.
 */
export function mapIndexThroughDelta(index: number, delta: TextDelta, assoc: -1 | 1 = -1): number {
  let position = 0;
  let mapped = index;
  for (const op of delta) {
    if (position > index) break;
    if (op.retain !== undefined) {
      position += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (position < index || (position === index && assoc > 0)) mapped += length;
    } else if (op.delete !== undefined) {
      const end = position + op.delete;
      if (index >= end) mapped -= op.delete;
      else if (index > position) mapped -= index - position;
      position = end;
    }
  }
  return mapped;
}

/** {@link mapIndexThroughDelta} through several deltas in the order they happened. */
function mapIndexThroughDeltas(index: number, deltas: readonly TextDelta[], assoc: -1 | 1 = -1): number {
  return deltas.reduce((current, delta) => mapIndexThroughDelta(current, delta, assoc), index);
}

/**
 * A local change made against an older text (`change` was computed while others' deltas were
 * arriving, e.g. during an IME composition), moved so it applies to the current text: its start
 * and end are carried through the deltas.
 */
export function rebaseTextChange(change: TextChange, deltas: readonly TextDelta[]): TextChange {
  if (deltas.length === 0) return change;
  const start = mapIndexThroughDeltas(change.index, deltas, 1);
  const end = Math.max(start, mapIndexThroughDeltas(change.index + change.remove, deltas, -1));
  return { index: start, remove: end - start, insert: change.insert };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
