import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { applyPublishedChanges, doneSegments, outdatedChanges, unmarkDeclinedDrafts } from '../../../lib/collab/apply-published';
import { collabDocumentName, parseCollabDocumentName } from '../../../lib/collab/document-name';
import { entryBase, entryDone, entryLatest, entryText, getSegmentEntry, replaceText, seedEntryUpdate } from '../../../lib/collab/segment-doc';

const SEGMENT = '0190a5b0-0000-7000-8000-00000000000a';

function seeded(text: string, base: string | null): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, seedEntryUpdate(SEGMENT, base, text));
  return doc;
}

const draft = (doc: Y.Doc) => entryText(getSegmentEntry(doc, SEGMENT) as Y.Map<unknown>).toString();

describe('document names', () => {
  it('round-trips and refuses anything else', () => {
    const key = { workId: '0190a5b0-0000-7000-8000-000000000001', language: 'pt-BR', chunk: 12 };
    expect(parseCollabDocumentName(collabDocumentName(key))).toEqual(key);
    for (const name of ['work/not-a-uuid/en/0', `work/${key.workId}/EN/0`, `work/${key.workId}/en/-1`, `work/${key.workId}/en/01`, `work/${key.workId}/en/0/x`, '']) {
      expect(parseCollabDocumentName(name)).toBeNull();
    }
  });
});

describe('seeding an entry', () => {
  it('gives the same update on every server, so seeding twice never doubles the text', () => {
    const a = seeded('The published sentence.', 'r1');
    const b = seeded('The published sentence.', 'r1');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(draft(a)).toBe('The published sentence.');
    expect(Y.encodeStateAsUpdate(a)).toEqual(Y.encodeStateAsUpdate(b));
  });

  it('keeps edits made on a seeded entry when the same seed arrives again', () => {
    const doc = seeded('Hello world', 'r1');
    entryText(getSegmentEntry(doc, SEGMENT) as Y.Map<unknown>).insert(5, ',');
    Y.applyUpdate(doc, seedEntryUpdate(SEGMENT, 'r1', 'Hello world'));
    expect(draft(doc)).toBe('Hello, world');
  });
});

describe('replaceText', () => {
  it('replaces only the changed middle, keeping concurrent edits elsewhere', () => {
    const doc = seeded('The quick brown fox.', null);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    replaceText(entryText(getSegmentEntry(doc, SEGMENT) as Y.Map<unknown>), 'The quick red fox.');
    entryText(getSegmentEntry(remote, SEGMENT) as Y.Map<unknown>).insert(0, '» ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
    expect(draft(doc)).toBe('» The quick red fox.');
  });

  it('never splits a surrogate pair', () => {
    const doc = seeded('a😀b', null);
    replaceText(entryText(getSegmentEntry(doc, SEGMENT) as Y.Map<unknown>), 'a😁b');
    expect(draft(doc)).toBe('a😁b');
  });
});

describe('applying a text published elsewhere', () => {
  it('replaces an untouched draft and moves its base', () => {
    const doc = seeded('Old text.', 'r1');
    expect(applyPublishedChanges(doc, [{ segmentId: SEGMENT, revisionId: 'r2', text: 'New text.' }], new Map([['r1', 'Old text.']]), null)).toBe(1);
    const entry = getSegmentEntry(doc, SEGMENT) as Y.Map<unknown>;
    expect([draft(doc), entryBase(entry), entryDone(entry)]).toEqual(['New text.', 'r2', false]);
  });

  it('keeps a draft someone changed, still based on the old revision, and records what is published now', () => {
    const doc = seeded('Old text.', 'r1');
    const entry = getSegmentEntry(doc, SEGMENT) as Y.Map<unknown>;
    expect(entryLatest(entry)).toBeNull();
    entryText(entry).insert(0, 'My ');
    const change = { segmentId: SEGMENT, revisionId: 'r2', text: 'New text.' };
    expect(outdatedChanges(doc, [change])).toEqual([change]);
    expect(applyPublishedChanges(doc, [change], new Map([['r1', 'Old text.']]), null)).toBe(1);
    expect([draft(doc), entryBase(entry), entryLatest(entry)]).toEqual(['My Old text.', 'r1', 'r2']);
    // Known now: loading the document again does not apply (nor write) the same change twice.
    expect(outdatedChanges(doc, [change])).toEqual([]);
    expect(applyPublishedChanges(doc, [change], new Map([['r1', 'Old text.']]), null)).toBe(0);
  });

  it('forgets that a draft was behind once it is based on the published revision', () => {
    const doc = seeded('Old text.', 'r1');
    const entry = getSegmentEntry(doc, SEGMENT) as Y.Map<unknown>;
    entryText(entry).insert(0, 'My ');
    applyPublishedChanges(doc, [{ segmentId: SEGMENT, revisionId: 'r2', text: 'New text.' }], new Map([['r1', 'Old text.']]), null);
    entry.set('base', 'r2');
    expect(entryLatest(entry)).toBeNull();
  });

  it('takes the new base when the draft is what was published (an approved draft), and drops its done mark', () => {
    const doc = seeded('Old text.', 'r1');
    const entry = getSegmentEntry(doc, SEGMENT) as Y.Map<unknown>;
    replaceText(entryText(entry), 'Approved text.');
    entry.set('done', true);
    applyPublishedChanges(doc, [{ segmentId: SEGMENT, revisionId: 'r2', text: 'Approved text.' }], new Map([['r1', 'Old text.']]), null);
    expect([draft(doc), entryBase(entry), entryDone(entry)]).toEqual(['Approved text.', 'r2', false]);
  });

  it('creates the entry of a segment the document does not have yet', () => {
    const doc = new Y.Doc();
    applyPublishedChanges(doc, [{ segmentId: SEGMENT, revisionId: 'r9', text: 'Imported.' }], new Map(), null);
    expect(draft(doc)).toBe('Imported.');
  });
});

describe('a decision on a suggestion', () => {
  const declined = (text: string, baseRevisionId: string | null = 'r1') => ({ segmentId: SEGMENT, baseRevisionId, text });

  it('takes the done mark off a draft that is the declined text on the same base, and keeps the draft', () => {
    const doc = seeded('Old text.', 'r1');
    const entry = getSegmentEntry(doc, SEGMENT) as Y.Map<unknown>;
    replaceText(entryText(entry), 'Declined text.');
    entry.set('done', true);
    expect(doneSegments(doc, [SEGMENT, 'unknown'])).toEqual([SEGMENT]);
    expect(unmarkDeclinedDrafts(doc, [declined('Other text.'), declined('Declined text.')], null)).toBe(1);
    expect([draft(doc), entryBase(entry), entryDone(entry)]).toEqual(['Declined text.', 'r1', false]);
    expect(doneSegments(doc, [SEGMENT])).toEqual([]);
    // Nothing more to change the second time.
    expect(unmarkDeclinedDrafts(doc, [declined('Declined text.')], null)).toBe(0);
  });

  it('leaves a draft marked done that differs from the declined text, or sits on another base', () => {
    const doc = seeded('Old text.', 'r1');
    const entry = getSegmentEntry(doc, SEGMENT) as Y.Map<unknown>;
    replaceText(entryText(entry), 'Reworked text.');
    entry.set('done', true);
    expect(unmarkDeclinedDrafts(doc, [declined('Declined text.'), declined('Reworked text.', 'r0'), declined('Reworked text.', null)], null)).toBe(0);
    expect(entryDone(entry)).toBe(true);
  });
});
