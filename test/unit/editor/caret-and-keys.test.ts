import { describe, expect, it } from 'vitest';

import { caretSegments } from '../../../components/editor/caret-segments';
import { commandForKey, glossaryIndexForKey, SHORTCUTS } from '../../../components/editor/keyboard-shortcuts';

const key = (key: string, modifiers: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...modifiers });

describe('remote carets in the mirror', () => {
  it('puts a caret between the characters it stands between', () => {
    expect(caretSegments('Hello world', [{ session: 's', name: 'Ada', color: '#1f7a4d', anchor: 5, head: 5 }])).toEqual([
      { kind: 'text', text: 'Hello', highlights: [] },
      { kind: 'caret', session: 's', name: 'Ada', color: '#1f7a4d' },
      { kind: 'text', text: ' world', highlights: [] },
    ]);
  });

  it('tints a selection and draws the caret at its head, whichever way it was made', () => {
    const pieces = caretSegments('abcdef', [{ session: 's', name: 'Bo', color: '#2b5fb4', anchor: 4, head: 1 }]);
    expect(pieces).toEqual([
      { kind: 'text', text: 'a', highlights: [] },
      { kind: 'caret', session: 's', name: 'Bo', color: '#2b5fb4' },
      { kind: 'text', text: 'bcd', highlights: ['#2b5fb4'] },
      { kind: 'text', text: 'ef', highlights: [] },
    ]);
  });

  it('keeps the whole text, whatever the positions (clamped to the text)', () => {
    const carets = [
      { session: 'a', name: 'A', color: '#111111', anchor: -3, head: 2 },
      { session: 'b', name: 'B', color: '#222222', anchor: 99, head: 99 },
      { session: 'c', name: 'C', color: '#333333', anchor: 2, head: 2 },
    ];
    const pieces = caretSegments('text', carets);
    expect(pieces.map((piece) => (piece.kind === 'text' ? piece.text : '|')).join('')).toBe('te||xt|');
  });
});

describe('keyboard commands', () => {
  it('maps the documented keys, Ctrl and ⌘ alike', () => {
    expect(commandForKey(key('ArrowDown', { altKey: true }))).toBe('next');
    expect(commandForKey(key('ArrowUp', { altKey: true }))).toBe('previous');
    expect(commandForKey(key('Enter', { ctrlKey: true }))).toBe('next');
    expect(commandForKey(key('Enter', { metaKey: true }))).toBe('next');
    expect(commandForKey(key('Enter', { altKey: true }))).toBe('toggleDone');
    expect(commandForKey(key('Enter', { ctrlKey: true, shiftKey: true }))).toBe('submit');
    expect(commandForKey(key('Enter', { ctrlKey: true, altKey: true }))).toBe('publish');
    expect(commandForKey(key('Enter', { metaKey: true, altKey: true }))).toBe('publish');
    expect(commandForKey(key('Enter', { ctrlKey: true, altKey: true, shiftKey: true }))).toBeNull();
  });

  it('leaves plain typing and the browser’s own shortcuts alone', () => {
    expect(commandForKey(key('Enter'))).toBeNull();
    expect(commandForKey(key('d', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(key('ArrowDown'))).toBeNull();
    expect(commandForKey(key('ArrowDown', { altKey: true, shiftKey: true }))).toBeNull();
    expect(commandForKey(key('m'))).toBeNull();
    expect(commandForKey(key('m', { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it('opens the structure menu with Alt+M, also on a Mac where Option+M types “µ”', () => {
    expect(commandForKey(key('m', { altKey: true }))).toBe('structure');
    expect(commandForKey({ ...key('µ', { altKey: true }), code: 'KeyM' })).toBe('structure');
    expect(commandForKey(key('M', { altKey: true, shiftKey: true }))).toBeNull();
  });

  it('lists the glossary terms with Alt+G (Option+G types “©”), and a digit alone then inserts', () => {
    expect(commandForKey(key('g', { altKey: true }))).toBe('glossary');
    expect(commandForKey({ ...key('©', { altKey: true }), code: 'KeyG' })).toBe('glossary');
    expect(commandForKey(key('g'))).toBeNull();
    expect(commandForKey(key('G', { altKey: true, shiftKey: true }))).toBeNull();
    expect(glossaryIndexForKey({ ...key('3'), code: 'Digit3' })).toBe(2);
    expect(glossaryIndexForKey({ ...key('1'), code: 'Numpad1' })).toBe(0);
    expect(glossaryIndexForKey({ ...key('0'), code: 'Digit0' })).toBeNull();
    expect(glossaryIndexForKey({ ...key('!', { shiftKey: true }), code: 'Digit1' })).toBeNull();
    expect(glossaryIndexForKey({ ...key('1', { altKey: true, shiftKey: true }), code: 'Digit1' })).toBeNull();
  });

  it('gives every command a shortcut of its own in the legend', () => {
    const keys = SHORTCUTS.flatMap((shortcut) => shortcut.keys.map((combination) => combination.join('+')));
    expect(new Set(keys).size).toBe(keys.length);
    expect(SHORTCUTS.map((shortcut) => shortcut.command)).toContain('glossary');
  });
});
