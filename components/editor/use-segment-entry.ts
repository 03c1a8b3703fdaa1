'use client';

import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

import { entryLatest, getSegmentEntry, segmentEntries, segmentEntry, type MachineMark, type SegmentEntry } from '@/lib/collab/segment-doc';

/** A segment's entry in its chunk document as the row shows it. */
export interface EntrySnapshot {
  entry: SegmentEntry | undefined;
  text: Y.Text | undefined;
  draft: string;
  base: string | null;
  /** A revision published since the draft began, which it is not based on (lib/collab/segment-doc). */
  latest: string | null;
  isDone: boolean;
  /** The machine translation the draft was filled with (its label), or null. */
  machine: MachineMark | null;
}

const MISSING: EntrySnapshot = { entry: undefined, text: undefined, draft: '', base: null, latest: null, isDone: false, machine: null };

function read(doc: Y.Doc | undefined, segmentId: string): EntrySnapshot {
  // A malformed entry shows as a draft still loading rather than breaking the page.
  const view = doc ? segmentEntry(doc, segmentId) : null;
  if (!view) return MISSING;
  return { entry: view.entry, text: view.text, draft: view.text.toString(), base: view.base, latest: entryLatest(view.entry), isDone: view.done, machine: view.machine };
}

/**
 * The entry of `segmentId` in `doc` (undefined until the document has it), re-read whenever the
 * entry appears or anything in it changes: the draft, its base revision, the done flag, the machine mark.
 */
export function useSegmentEntry(doc: Y.Doc | undefined, segmentId: string): EntrySnapshot {
  const snapshot = useRef<{ doc: Y.Doc | undefined; segmentId: string; value: EntrySnapshot } | null>(null);

  const getSnapshot = useCallback(() => {
    const current = snapshot.current;
    if (current && current.doc === doc && current.segmentId === segmentId) return current.value;
    const value = read(doc, segmentId);
    snapshot.current = { doc, segmentId, value };
    return value;
  }, [doc, segmentId]);

  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => undefined;
      const root = segmentEntries(doc);
      let observed: SegmentEntry | undefined;
      const refresh = () => {
        snapshot.current = { doc, segmentId, value: read(doc, segmentId) };
        onChange();
      };
      const watch = () => {
        const entry = getSegmentEntry(doc, segmentId);
        if (entry === observed) return;
        observed?.unobserveDeep(refresh);
        observed = entry;
        observed?.observeDeep(refresh);
      };
      const handleRoot = (event: Y.YMapEvent<unknown>) => {
        if (!event.keysChanged.has(segmentId)) return;
        watch();
        refresh();
      };
      root.observe(handleRoot);
      watch();
      // The entry may have arrived between the render and this subscription.
      const shown = snapshot.current?.value;
      const now = read(doc, segmentId);
      if (!shown || shown.entry !== now.entry || shown.draft !== now.draft || shown.base !== now.base || shown.latest !== now.latest || shown.isDone !== now.isDone || shown.machine !== now.machine) refresh();
      return () => {
        root.unobserve(handleRoot);
        observed?.unobserveDeep(refresh);
      };
    },
    [doc, segmentId],
  );

  return useSyncExternalStore(subscribe, getSnapshot, () => MISSING);
}
