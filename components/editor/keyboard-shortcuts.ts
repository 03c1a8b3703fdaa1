/**
 * The editor's keyboard commands. Chosen to stay clear of what browsers and text fields already
 * do: no Ctrl+D (bookmark), Ctrl+S (save page) or plain Enter (a new line in the draft).
 */
export type EditorCommand = 'next' | 'previous' | 'toggleDone' | 'submit' | 'publish' | 'structure' | 'insertMatch' | 'insertMachine' | 'concordance' | 'glossary';

/** Translation-memory matches a key inserts: Alt+Shift+1 … Alt+Shift+5. */
export const MATCH_KEYS = 5;

export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** The physical key ("KeyM"): on a Mac, Option+M reports the character it types ("µ") as `key`. */
  code?: string;
}

/** The command a key press stands for, or null. Ctrl and ⌘ are the same here (Windows/Linux and macOS). */
export function commandForKey(event: KeyLike): EditorCommand | null {
  const isPrimary = event.ctrlKey || event.metaKey;
  if (event.altKey && !isPrimary && !event.shiftKey) {
    if (event.key === 'ArrowDown') return 'next';
    if (event.key === 'ArrowUp') return 'previous';
    if (event.key === 'Enter') return 'toggleDone';
    // M for "menu": the structure menu of a source row (Alt+letter opens no menu of the browsers for M).
    if (event.key.toLowerCase() === 'm' || event.code === 'KeyM') return 'structure';
    // G for "glossary": the terms of the segment, whose translations digits then insert (no browser menu uses Alt+G).
    if (event.key.toLowerCase() === 'g' || event.code === 'KeyG') return 'glossary';
  }
  if (isPrimary && event.altKey && !event.shiftKey && event.key === 'Enter') return 'publish';
  if (isPrimary && !event.altKey && event.key === 'Enter') return event.shiftKey ? 'submit' : 'next';
  return null;
}

/**
 * The translation-memory match (0-based) a key press inserts as the draft, or null: Alt+Shift and
 * a digit, read from the physical key (`Digit1`…), since Shift and Option change the character
 * typed. Ctrl+digit is left alone: browsers switch tabs with it before a page can stop them.
 */
export function matchIndexForKey(event: KeyLike): number | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  const digit = /^Digit([1-9])$/u.exec(event.code ?? '')?.[1];
  const index = digit === undefined ? -1 : Number(digit) - 1;
  return index >= 0 && index < MATCH_KEYS ? index : null;
}

/** Whether a key press asks for the machine translation of the draft: Alt+Shift+0, beside the memory's Alt+Shift+1 … 5 (the physical key). */
export function isMachineTranslationKey(event: KeyLike): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'Digit0';
}

/**
 * Whether a key press asks for the concordance of the selected text: Alt+Shift+C, read from the
 * physical key too (Option+Shift+C types "Ç" on a Mac). Neither browsers nor the editor's other
 * commands use it; without a selection the key is left to type what it types.
 */
export function isConcordanceKey(event: KeyLike): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && (event.code === 'KeyC' || event.key.toLowerCase() === 'c');
}

/**
 * What the legend shows, in the order it shows it. `keys` are alternatives; each is a list of keys
 * pressed together. What each command does is the message `editor.keyboardShortcuts.<command>`.
 */
export const SHORTCUTS: { command: EditorCommand; keys: string[][]; ariaKeys: string }[] = [
  { command: 'next', keys: [['Alt', '↓'], ['Ctrl', 'Enter']], ariaKeys: 'Alt+ArrowDown Control+Enter Meta+Enter' },
  { command: 'previous', keys: [['Alt', '↑']], ariaKeys: 'Alt+ArrowUp' },
  { command: 'toggleDone', keys: [['Alt', 'Enter']], ariaKeys: 'Alt+Enter' },
  { command: 'submit', keys: [['Ctrl', 'Shift', 'Enter']], ariaKeys: 'Control+Shift+Enter Meta+Shift+Enter' },
  { command: 'publish', keys: [['Ctrl', 'Alt', 'Enter']], ariaKeys: 'Control+Alt+Enter Meta+Alt+Enter' },
  { command: 'structure', keys: [['Alt', 'M']], ariaKeys: 'Alt+M' },
  { command: 'insertMatch', keys: [['Alt', 'Shift', '1…5']], ariaKeys: 'Alt+Shift+1' },
  { command: 'insertMachine', keys: [['Alt', 'Shift', '0']], ariaKeys: 'Alt+Shift+0' },
  { command: 'concordance', keys: [['Alt', 'Shift', 'C']], ariaKeys: 'Alt+Shift+C' },
  { command: 'glossary', keys: [['Alt', 'G']], ariaKeys: 'Alt+G' },
];

/** The translation (0-based) a key press in the glossary's term list inserts: a digit 1–9, alone (the physical key or the number pad). */
export function glossaryIndexForKey(event: KeyLike): number | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const digit = /^(?:Digit|Numpad)([1-9])$/u.exec(event.code ?? '')?.[1] ?? (/^[1-9]$/u.test(event.key) ? event.key : undefined);
  return digit === undefined ? null : Number(digit) - 1;
}

export function ariaKeysOf(command: EditorCommand): string {
  return SHORTCUTS.find((shortcut) => shortcut.command === command)?.ariaKeys ?? '';
}
