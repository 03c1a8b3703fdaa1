import * as Y from 'yjs';

import { entryBase, entryText, getSegmentEntry, replaceText, seedEntryUpdate, segmentEntries } from './segment-doc';

export interface PublishedChange {
  segmentId: string;
  /** The published revision now; null when the segment no longer has a text in this language. */
  revisionId: string | null;
  text: string;
}

/**
 * Brings the entries of `doc` up to date with published texts changed elsewhere. An entry whose
 * draft is still its base text (nobody changed it) takes the new text; an entry whose draft
 * already equals the new text (the draft was just approved) takes the new base; a draft that
 * differs from both is kept as it is, still based on its old revision, so the editor shows that
 * the published text moved under it and nothing typed is lost. `baseTexts` holds the text of
 * every entry's base revision. Returns the number of entries changed.
 */
export function applyPublishedChanges(doc: Y.Doc, changes: readonly PublishedChange[], baseTexts: ReadonlyMap<string, string>, origin: unknown): number {
  let changed = 0;
  doc.transact(() => {
    for (const change of changes) {
      const entry = getSegmentEntry(doc, change.segmentId);
      if (!entry) {
        Y.applyUpdate(doc, seedEntryUpdate(change.segmentId, change.revisionId, change.text), origin);
        changed += 1;
        continue;
      }
      const base = entryBase(entry);
      if (base === change.revisionId) continue;
      const text = entryText(entry);
      const draft = text.toString();
      const baseText = base === null ? '' : baseTexts.get(base);
      if (draft === change.text) {
        entry.set('base', change.revisionId);
        changed += 1;
      } else if (baseText !== undefined && draft === baseText) {
        replaceText(text, change.text);
        entry.set('base', change.revisionId);
        entry.set('done', false);
        changed += 1;
      }
    }
  }, origin);
  return changed;
}

/** Entries to create for segments of the chunk that have none yet (first load, segments added since). */
export function missingEntries<T extends { segmentId: string }>(doc: Y.Doc, texts: readonly T[]): T[] {
  const entries = segmentEntries(doc);
  return texts.filter((text) => !entries.has(text.segmentId));
}

/** Base revisions of the entries of some segments, to look up their texts before {@link applyPublishedChanges}. */
export function entryBases(doc: Y.Doc, segmentIds: readonly string[]): string[] {
  const bases = new Set<string>();
  for (const segmentId of segmentIds) {
    const entry = getSegmentEntry(doc, segmentId);
    const base = entry ? entryBase(entry) : null;
    if (base) bases.add(base);
  }
  return [...bases];
}
