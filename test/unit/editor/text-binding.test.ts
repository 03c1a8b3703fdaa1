import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { TextareaBinding, relativeToIndex, selectionToRelative } from '../../../components/editor/textarea-binding';
import { applyTextChange, diffText, mapIndexThroughDelta, rebaseTextChange, type TextDelta } from '../../../lib/collab/client/text-diff';

/** Just enough of a textarea for the binding: value, selection and events. */
class FakeTextarea extends EventTarget {
  value = '';
  selectionStart = 0;
  selectionEnd = 0;
  selectionDirection: 'forward' | 'backward' | 'none' = 'none';
  readonly ownerDocument = { activeElement: this as unknown };

  setSelectionRange(start: number, end: number, direction: 'forward' | 'backward' | 'none' = 'none') {
    this.selectionStart = start;
    this.selectionEnd = end;
    this.selectionDirection = direction;
  }

  /** Types `text` at the caret, as the browser would, and fires input. */
  type(text: string, { isComposing = false } = {}) {
    this.value = this.value.slice(0, this.selectionStart) + text + this.value.slice(this.selectionEnd);
    this.selectionStart = this.selectionEnd = this.selectionStart + text.length;
    this.dispatchEvent(Object.assign(new Event('input'), { isComposing }));
  }

  backspace() {
    this.value = this.value.slice(0, this.selectionStart - 1) + this.value.slice(this.selectionStart);
    this.selectionStart = this.selectionEnd = this.selectionStart - 1;
    this.dispatchEvent(new Event('input'));
  }
}

/** Two replicas of one Y.Text, kept in sync like two browsers through a server. */
function twoReplicas(initial: string) {
  const [a, b] = [new Y.Doc(), new Y.Doc()];
  a.getText('t').insert(0, initial);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'));
  return { mine: a.getText('t'), theirs: b.getText('t') };
}

function bind(text: Y.Text, caret: number) {
  const textarea = new FakeTextarea();
  const binding = new TextareaBinding(textarea as unknown as HTMLTextAreaElement, text);
  textarea.setSelectionRange(caret, caret);
  return { textarea, binding };
}

describe('text changes', () => {
  it('finds the smallest replacement, placed at the caret when the text repeats', () => {
    expect(diffText('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('abc', 'ac', 1)).toEqual({ index: 1, remove: 1, insert: '' });
    expect(diffText('the cat', 'the dog', 7)).toEqual({ index: 4, remove: 3, insert: 'dog' });
    expect(diffText('same', 'same')).toBeNull();
    for (const [before, after, caret] of [['xyz', 'xYYz', 3], ['', 'abc', 3], ['abc', '', 0], ['😀a', '😁a', 2]] as const) {
      const change = diffText(before, after, caret);
      expect(change && applyTextChange(before, change)).toBe(after);
    }
  });

  it('never cuts a surrogate pair', () => {
    const change = diffText('a😀b', 'a😁b', 3);
    expect(change).toEqual({ index: 1, remove: 2, insert: '😁' });
  });

  it('carries a caret through others’ changes', () => {
    const insertBefore: TextDelta = [{ retain: 2 }, { insert: 'XY' }];
    expect(mapIndexThroughDelta(5, insertBefore)).toBe(7);
    expect(mapIndexThroughDelta(1, insertBefore)).toBe(1);
    // Typed exactly at the caret: the caret stays before it by default.
    expect(mapIndexThroughDelta(2, insertBefore)).toBe(2);
    expect(mapIndexThroughDelta(2, insertBefore, 1)).toBe(4);
    const deleteAround: TextDelta = [{ retain: 3 }, { delete: 4 }];
    expect(mapIndexThroughDelta(5, deleteAround)).toBe(3);
    expect(mapIndexThroughDelta(9, deleteAround)).toBe(5);
  });

  it('rebases a change over others’ deltas', () => {
    // "hello world": we replaced "world" (6–11) while someone prefixed "Oh, ".
    expect(rebaseTextChange({ index: 6, remove: 5, insert: 'there' }, [[{ insert: 'Oh, ' }]])).toEqual({ index: 10, remove: 5, insert: 'there' });
  });
});

describe('textarea bound to a Y.Text', () => {
  it('turns typing into small Y.Text changes that reach the other replica', () => {
    const { mine, theirs } = twoReplicas('Hello');
    const { textarea } = bind(mine, 5);
    textarea.type(' world');
    textarea.backspace();
    expect(mine.toString()).toBe('Hello worl');
    expect(theirs.toString()).toBe('Hello worl');
  });

  it('shows others’ changes and keeps the caret on the same characters', () => {
    const { mine, theirs } = twoReplicas('one two three');
    const { textarea } = bind(mine, 7); // after "one two"
    theirs.insert(0, '>> ');
    expect(textarea.value).toBe('>> one two three');
    expect([textarea.selectionStart, textarea.selectionEnd]).toEqual([10, 10]);
    theirs.insert(textarea.value.length, '!');
    expect(textarea.selectionStart).toBe(10);
    theirs.delete(3, 4); // "one " removed before the caret
    expect(textarea.value).toBe('>> two three!');
    expect(textarea.selectionStart).toBe(6);
  });

  it('leaves an IME composition alone and merges it with what arrived meanwhile', () => {
    const { mine, theirs } = twoReplicas('abc');
    const { textarea } = bind(mine, 3);
    textarea.dispatchEvent(new Event('compositionstart'));
    textarea.type('に', { isComposing: true });
    textarea.value = 'abcにほ';
    textarea.setSelectionRange(5, 5);
    textarea.dispatchEvent(Object.assign(new Event('input'), { isComposing: true }));
    theirs.insert(0, 'X');
    // The composition is still open: the textarea was not rewritten, the Y.Text not changed by us.
    expect(textarea.value).toBe('abcにほ');
    expect(mine.toString()).toBe('Xabc');
    textarea.value = 'abc日本';
    textarea.dispatchEvent(new Event('compositionend'));
    expect(mine.toString()).toBe('Xabc日本');
    expect(theirs.toString()).toBe('Xabc日本');
    expect(textarea.value).toBe('Xabc日本');
    expect(textarea.selectionStart).toBe(6);
  });

  it('stops following the Y.Text once destroyed', () => {
    const { mine, theirs } = twoReplicas('abc');
    const { textarea, binding } = bind(mine, 0);
    binding.destroy();
    theirs.insert(0, 'zz');
    expect(textarea.value).toBe('abc');
  });

  it('publishes a selection as relative positions that follow the text', () => {
    const { mine, theirs } = twoReplicas('one two three');
    const { textarea } = bind(mine, 0);
    textarea.setSelectionRange(4, 7, 'forward');
    const { anchor, head } = selectionToRelative(textarea as unknown as HTMLTextAreaElement, mine);
    theirs.insert(0, '>> ');
    const other = JSON.parse(JSON.stringify({ anchor, head })) as { anchor: unknown; head: unknown };
    expect(relativeToIndex(other.anchor, theirs)).toBe(7);
    expect(relativeToIndex(other.head, theirs)).toBe(10);
    expect(relativeToIndex({ nonsense: true }, theirs)).toBeNull();
  });
});
