import * as Y from 'yjs';

import { buildSegmentEntry, clearEntryMachine, replaceText, seedEntryUpdate, segmentEntries, segmentEntry } from './segment-doc';

export interface PublishedChange {
  segmentId: string;
  /** The published revision now; null when the segment no longer has a text in this language. */
  revisionId: string | null;
  text: string;
}

/**
 * Brings the entries of `doc` up to date with published texts changed elsewhere. An entry whose
 * draft is still its base text (nobody changed it) takes the new text; an entry whose draft
 * already equals the new text (the draft was just approved) takes the new base and is no longer
 * marked done (there is nothing left to submit); both lose their machine translation mark; a draft that
 * differs from both is kept as it is, still based on its old revision, so the editor shows that
 * the published text moved under it and nothing typed is lost. A missing entry is seeded; a
 * malformed one (stored before updates were checked) is replaced by a fresh entry and reported to
 * `onMalformed`. `baseTexts` holds the text of every entry's base revision. Returns the number of
 * entries changed.
 */
export function applyPublishedChanges(doc: Y.Doc, changes: readonly PublishedChange[], baseTexts: ReadonlyMap<string, string>, origin: unknown, onMalformed?: (segmentId: string) => void): number {
  let changed = 0;
  doc.transact(() => {
    for (const change of changes) {
      const view = segmentEntry(doc, change.segmentId);
      if (!view) {
        if (segmentEntries(doc).has(change.segmentId)) {
          // Overwriting (not seeding) makes the fresh entry win over the malformed value everywhere.
          segmentEntries(doc).set(change.segmentId, buildSegmentEntry(change.text, change.revisionId));
          onMalformed?.(change.segmentId);
        } else {
          Y.applyUpdate(doc, seedEntryUpdate(change.segmentId, change.revisionId, change.text), origin);
        }
        changed += 1;
        continue;
      }
      const { entry, text, base } = view;
      if (base === change.revisionId) continue;
      const draft = text.toString();
      const baseText = base === null ? '' : baseTexts.get(base);
      // A draft that becomes the published text loses its machine mark: the published revision
      // carries the label now, and what is typed next is an edit of published text.
      if (draft === change.text) {
        entry.set('base', change.revisionId);
        if (view.done) entry.set('done', false);
        clearEntryMachine(entry);
        changed += 1;
      } else if (baseText !== undefined && draft === baseText) {
        replaceText(text, change.text);
        entry.set('base', change.revisionId);
        entry.set('done', false);
        clearEntryMachine(entry);
        changed += 1;
      } else if (change.revisionId !== null && view.latest !== change.revisionId) {
        // The draft is kept on its old base; its editors are told what is published now.
        entry.set('latest', change.revisionId);
        changed += 1;
      }
    }
  }, origin);
  return changed;
}

/** A suggestion whose words were turned down, wholly or in part: its text and the revision it was based on. */
export interface DeclinedText {
  segmentId: string;
  baseRevisionId: string | null;
  text: string;
}

/**
 * Takes the done mark off every draft that is, word for word and on the same base, a suggestion
 * a reviewer rejected or published only in part. The draft itself is kept (it is the volunteer's
 * text, to be reworked); without the mark, "Submit all drafts marked done" no longer sends it
 * again, and the editor shows the decision beside it. Returns the number of entries changed.
 */
export function unmarkDeclinedDrafts(doc: Y.Doc, declined: readonly DeclinedText[], origin: unknown): number {
  let changed = 0;
  doc.transact(() => {
    for (const decision of declined) {
      const view = segmentEntry(doc, decision.segmentId);
      if (!view?.done || view.base !== decision.baseRevisionId || view.text.toString() !== decision.text) continue;
      view.entry.set('done', false);
      changed += 1;
    }
  }, origin);
  return changed;
}

/** Segments among `segmentIds` whose draft is marked done: the only ones a decision can concern. */
export function doneSegments(doc: Y.Doc, segmentIds: readonly string[]): string[] {
  return segmentIds.filter((segmentId) => segmentEntry(doc, segmentId)?.done === true);
}

/**
 * The changes a document does not reflect yet: segments without a well-formed entry, and entries
 * based on another revision than the published one that do not know it yet (as `latest`). On a
 * document that is up to date this is empty, so loading it costs no further query.
 */
export function outdatedChanges(doc: Y.Doc, changes: readonly PublishedChange[]): PublishedChange[] {
  return changes.filter((change) => {
    const view = segmentEntry(doc, change.segmentId);
    return !view || (view.base !== change.revisionId && view.latest !== change.revisionId);
  });
}

/** Base revisions of the entries of some segments, to look up their texts before {@link applyPublishedChanges}. */
export function entryBases(doc: Y.Doc, segmentIds: readonly string[]): string[] {
  const bases = new Set<string>();
  for (const segmentId of segmentIds) {
    const base = segmentEntry(doc, segmentId)?.base;
    if (base) bases.add(base);
  }
  return [...bases];
}
