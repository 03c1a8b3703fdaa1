import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { listSegmentEntries, replaceText, seedEntryUpdate, segmentEntries, segmentEntry } from '../../../lib/collab/segment-doc';
import { isPlainEdit, validateClientUpdate } from '../../../lib/collab/validate-update';
import { MAX_SEGMENT_CHARS } from '../../../lib/config/limits';

const SEGMENTS = ['0190a5b0-0000-7000-8000-00000000000a', '0190a5b0-0000-7000-8000-00000000000b', '0190a5b0-0000-7000-8000-00000000000c'];
const [FIRST, SECOND] = SEGMENTS as [string, string];

/** The server's copy (seeded as the collaboration server seeds it) and a client synced with it. */
function setup(text = 'The published sentence.') {
  const server = new Y.Doc();
  for (const [index, segmentId] of SEGMENTS.entries()) Y.applyUpdate(server, seedEntryUpdate(segmentId, `0190a5b0-0000-7000-8000-0000000000r${index}`, text));
  segmentEntries(server);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** The update `change` makes in the client's copy, as the provider would send it. */
function updateOf(client: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  client.transact(change);
  return Y.encodeStateAsUpdate(client, before);
}

const entryOf = (doc: Y.Doc, segmentId = FIRST) => segmentEntry(doc, segmentId) ?? expect.unreachable('no entry');

describe('checking a client update', () => {
  it('accepts what the editor sends, recognising typing and marks without copying the document', () => {
    const { server, client } = setup();
    const edits: (() => void)[] = [
      () => entryOf(client).text.insert(4, 'first '),
      () => entryOf(client).text.delete(0, 4),
      () => entryOf(client).entry.set('done', true),
      () => {
        replaceText(entryOf(client).text, 'The text published meanwhile.');
        entryOf(client).entry.set('base', '0190a5b0-0000-7000-8000-0000000000ff');
        entryOf(client).entry.set('done', false);
      },
    ];
    for (const edit of edits) {
      const update = updateOf(client, edit);
      expect(isPlainEdit(server, Y.decodeUpdate(update))).toBe(true);
      expect(validateClientUpdate(server, update)).toBeNull();
      Y.applyUpdate(server, update);
    }
    expect(entryOf(server).text.toString()).toBe('The text published meanwhile.');
  });

  it('recognises typing into an empty draft, and refuses plain text anywhere else', () => {
    const { server, client } = setup('');
    const typing = updateOf(client, () => entryOf(client).text.insert(0, 'A first word'));
    expect(isPlainEdit(server, Y.decodeUpdate(typing))).toBe(true);
    expect(validateClientUpdate(server, typing)).toBeNull();
    const outside = updateOf(client, () => client.getText('segments-notes').insert(0, 'x'));
    expect(isPlainEdit(server, Y.decodeUpdate(outside))).toBe(false);
    expect(validateClientUpdate(server, outside)).toMatch(/segments map/);
  });

  it('refuses every change of shape, each with its reason', () => {
    const poisons: [string, (client: Y.Doc) => void, RegExp][] = [
      ['an entry replaced by a number', (client) => segmentEntries(client).set(FIRST, 5), /replaced/],
      ['an entry replaced by a string', (client) => segmentEntries(client).set(FIRST, 'poison'), /replaced/],
      ['an entry replaced by a well-formed map', (client) => segmentEntries(client).set(FIRST, new Y.Map([['text', new Y.Text('x')], ['base', null], ['done', false]])), /replaced/],
      ['a base that is a number', (client) => entryOf(client).entry.set('base', 42), /base/],
      ['a base far too long', (client) => entryOf(client).entry.set('base', 'r'.repeat(500)), /base/],
      ['a done mark that is a string', (client) => entryOf(client).entry.set('done', 'yes'), /done/],
      ['a text that is a string', (client) => entryOf(client).entry.set('text', 'plain'), /text/],
      ['a text replaced by a new one', (client) => entryOf(client).entry.set('text', new Y.Text('new')), /replaced/],
      ['an unknown key', (client) => entryOf(client).entry.set('evil', 1), /unknown key/],
      ['a latest revision set by a client', (client) => entryOf(client).entry.set('latest', '0190a5b0-0000-7000-8000-0000000000ee'), /server only/],
      ['the text key deleted', (client) => entryOf(client).entry.delete('text'), /text/],
      ['an entry deleted', (client) => segmentEntries(client).delete(FIRST), /deleted/],
      ['an entry for an unknown segment', (client) => segmentEntries(client).set('0190a5b0-0000-7000-8000-0000000000ff', new Y.Map([['text', new Y.Text('x')], ['base', null], ['done', false]])), /server only/],
      ['another root type', (client) => client.getMap('evil').set('x', 1), /segments map/],
      ['another root text', (client) => client.getText('notes').insert(0, 'hello'), /segments map/],
      ['an embed in a draft', (client) => entryOf(client).text.insertEmbed(0, { image: 'x'.repeat(1000) }), /plain text/],
      ['a nested map in a draft entry', (client) => entryOf(client).entry.set('done', new Y.Map()), /done/],
    ];
    for (const [what, poison, reason] of poisons) {
      const { server, client } = setup();
      const before = Y.encodeStateAsUpdate(server);
      const refusal = validateClientUpdate(server, updateOf(client, () => poison(client)));
      expect(refusal, what).toMatch(/^invalid-update: /);
      expect(refusal, what).toMatch(reason);
      // Checking never changes the server's copy.
      expect(Y.encodeStateAsUpdate(server), what).toEqual(before);
    }
  });

  it('refuses bytes that are not an update', () => {
    const { server } = setup();
    expect(validateClientUpdate(server, new Uint8Array([0x05, 0xff, 0x13, 0x77, 0x00, 0x42, 0x99, 0x01]))).toBe('malformed-update');
  });

  it('refuses a draft that grows past the limit, in one update or keystroke by keystroke', () => {
    const { server, client } = setup();
    expect(validateClientUpdate(server, updateOf(client, () => entryOf(client).text.insert(0, 'x'.repeat(MAX_SEGMENT_CHARS))))).toMatch(/at most/);

    const fresh = setup('');
    const fill = updateOf(fresh.client, () => entryOf(fresh.client).text.insert(0, 'y'.repeat(MAX_SEGMENT_CHARS)));
    expect(validateClientUpdate(fresh.server, fill)).toBeNull();
    Y.applyUpdate(fresh.server, fill);
    expect(validateClientUpdate(fresh.server, updateOf(fresh.client, () => entryOf(fresh.client).text.insert(10, 'z')))).toMatch(/at most/);
  });

  it('lets a draft already over the limit shrink, or change without growing', () => {
    const { server, client } = setup('x'.repeat(MAX_SEGMENT_CHARS + 50));
    const shrink = updateOf(client, () => entryOf(client).text.delete(0, 10));
    expect(validateClientUpdate(server, shrink)).toBeNull();
    Y.applyUpdate(server, shrink);
    const swap = updateOf(client, () => {
      entryOf(client).text.delete(0, 3);
      entryOf(client).text.insert(0, 'abc');
    });
    expect(validateClientUpdate(server, swap)).toBeNull();
    Y.applyUpdate(server, swap);
    expect(validateClientUpdate(server, updateOf(client, () => entryOf(client).text.insert(0, 'more than was deleted')))).toMatch(/at most/);
  });

  it('checks an update held back for a missing dependency once that dependency arrives', () => {
    const { server, client } = setup();
    const first = updateOf(client, () => entryOf(client).text.insert(0, 'a'));
    const poison = updateOf(client, () => entryOf(client).entry.set('evil', 1));
    // The poison alone cannot be integrated (it follows `first`): nothing changes yet.
    expect(validateClientUpdate(server, poison)).toBeNull();
    Y.applyUpdate(server, poison);
    expect(validateClientUpdate(server, first)).toMatch(/unknown key/);
  });

  it('accepts any sequence of honest edits by several clients, recognising each without a copy', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            client: fc.integer({ min: 0, max: 2 }),
            segment: fc.integer({ min: 0, max: SEGMENTS.length - 1 }),
            kind: fc.constantFrom('insert', 'delete', 'done', 'base', 'sync'),
            at: fc.nat(),
            text: fc.string({ maxLength: 8 }),
          }),
          { maxLength: 30 },
        ),
        (steps) => {
          const { server, client } = setup();
          const clients = [client, new Y.Doc(), new Y.Doc()];
          for (const other of clients.slice(1)) Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
          for (const step of steps) {
            const doc = clients[step.client] as Y.Doc;
            if (step.kind === 'sync') {
              Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
              continue;
            }
            const view = entryOf(doc, SEGMENTS[step.segment]);
            const update = updateOf(doc, () => {
              if (step.kind === 'insert') view.text.insert(step.at % (view.text.length + 1), step.text);
              else if (step.kind === 'delete' && view.text.length > 0) {
                const index = step.at % view.text.length;
                view.text.delete(index, Math.min(1 + (step.at % 3), view.text.length - index));
              }
              else if (step.kind === 'done') view.entry.set('done', !view.done);
              else if (step.kind === 'base') view.entry.set('base', step.text || null);
            });
            // Honest edits never need the copy: what the editor sends is recognised as it is.
            expect(isPlainEdit(server, Y.decodeUpdate(update))).toBe(true);
            expect(validateClientUpdate(server, update)).toBeNull();
            Y.applyUpdate(server, update);
          }
          expect(listSegmentEntries(server)).toHaveLength(SEGMENTS.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads a document holding malformed entries without failing, reporting them', () => {
    const { server } = setup();
    segmentEntries(server).set(SECOND, 5);
    const reported: string[] = [];
    const entries = listSegmentEntries(server, (segmentId) => reported.push(segmentId));
    expect(entries.map(([segmentId]) => segmentId).sort()).toEqual(SEGMENTS.filter((segmentId) => segmentId !== SECOND).sort());
    expect(reported).toEqual([SECOND]);
    expect(segmentEntry(server, SECOND)).toBeNull();
  });
});
