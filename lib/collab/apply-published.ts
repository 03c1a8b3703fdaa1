import * as Y from 'yjs';

import { entryBase, entryText, getSegmentEntry, replaceText, seedEntryUpdate } from './segment-doc';

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
      } else if (change.revisionId !== null && entry.get('latest') !== change.revisionId) {
        // The draft is kept on its old base; its editors are told what is published now.
        entry.set('latest', change.revisionId);
        changed += 1;
      }
    }
  }, origin);
  return changed;
}

/**
 * The changes a document does not reflect yet: segments without an entry, and entries based on
 * another revision than the published one that do not know it yet (as `latest`). On a document
 * that is up to date this is empty, so loading it costs no further query.
 */
export function outdatedChanges(doc: Y.Doc, changes: readonly PublishedChange[]): PublishedChange[] {
  return changes.filter((change) => {
    const entry = getSegmentEntry(doc, change.segmentId);
    return !entry || (entryBase(entry) !== change.revisionId && entry.get('latest') !== change.revisionId);
  });
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
