'use client';

import { useSyncExternalStore } from 'react';

import type { AlignmentRow } from '@/lib/align/alignment-rows';

import type { AlignmentChangeKind } from './row-operations';

/** A change that can be undone: its id, what kind of change it was (named in the reader's language), and the rows as they were before it. */
export interface UndoEntry {
  editId: string;
  kind: AlignmentChangeKind;
  before: AlignmentRow[];
}

const KINDS: ReadonlySet<string> = new Set<AlignmentChangeKind>(['merge', 'split', 'splitAt', 'shiftUp', 'shiftDown', 'unlink', 'realign']);

/** Most changes kept for undo. */
const MAX_UNDO = 50;
const EMPTY: readonly UndoEntry[] = [];

/*
 * The undo stacks (one per work and translation) are kept in memory and mirrored to the tab's
 * session storage, so a person can check a fix in the reader and come back to undo it; the server
 * refuses (STALE_BASE) what can no longer be undone. An external store rather than React state:
 * the server render has no session storage, and useSyncExternalStore hydrates with the empty
 * stack and then shows the stored one without a mismatch.
 */
const stacks = new Map<string, readonly UndoEntry[]>();
const listeners = new Set<() => void>();

function isUndoEntry(value: unknown): value is UndoEntry {
  const entry = value as Partial<UndoEntry> | null;
  return typeof entry?.editId === 'string' && typeof entry.kind === 'string' && KINDS.has(entry.kind) && Array.isArray(entry.before);
}

function load(key: string): readonly UndoEntry[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(key) ?? '[]');
    return Array.isArray(value) ? value.filter(isUndoEntry) : EMPTY;
  } catch {
    return EMPTY;
  }
}

function save(key: string, stack: readonly UndoEntry[]): void {
  try {
    if (stack.length === 0) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(stack));
  } catch {
    // Storage full or disabled: undo still works until the page is left.
  }
}

function readUndoStack(key: string): readonly UndoEntry[] {
  let stack = stacks.get(key);
  if (!stack) {
    stack = load(key);
    stacks.set(key, stack);
  }
  return stack;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Changes the stack of `key` (keeping the last {@link MAX_UNDO} entries) and re-renders its users. */
export function updateUndoStack(key: string, update: (stack: readonly UndoEntry[]) => readonly UndoEntry[]): void {
  const next = update(readUndoStack(key)).slice(-MAX_UNDO);
  stacks.set(key, next);
  save(key, next);
  for (const listener of listeners) listener();
}

/** The undo stack of one work's translation in this tab. */
export function useUndoStack(key: string): readonly UndoEntry[] {
  return useSyncExternalStore(
    subscribe,
    () => readUndoStack(key),
    () => EMPTY,
  );
}
