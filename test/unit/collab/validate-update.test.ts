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

/** Writes `value` into the list part of a Y.Map (items without a key), which a map's API never shows. */
function listPush(map: Y.Map<unknown>, value: unknown): void {
  (Y.Array.prototype.push as (this: unknown, content: unknown[]) => void).call(map, [value]);
}

/** A number as a Yjs/lib0 variable-length unsigned integer. */
function varUint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push(0x80 | (rest & 0x7f));
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return bytes;
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
      ['a format in a draft', (client) => entryOf(client).text.format(0, 3, { bold: true }), /plain text/],
      ['a nested map in a draft', (client) => entryOf(client).text.insertEmbed(0, new Y.Map()), /plain text/],
      ['binary as an attribute of a draft', (client) => entryOf(client).text.setAttribute('hidden', new Uint8Array(200_000)), /attributes/],
      ['a map as an attribute of a draft', (client) => entryOf(client).text.setAttribute('hidden', new Y.Map()), /attributes/],
      ['a subdocument as an attribute of a draft', (client) => entryOf(client).text.setAttribute('hidden', new Y.Doc()), /attributes/],
      ['binary in the list part of an entry', (client) => listPush(entryOf(client).entry, new Uint8Array(200_000)), /outside its keys/],
      ['a subdocument in the list part of an entry', (client) => listPush(entryOf(client).entry, new Y.Doc()), /outside its keys/],
      ['a map in the list part of an entry', (client) => listPush(entryOf(client).entry, new Y.Map()), /outside its keys/],
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

  it('refuses an update that depends on changes the server lacks, and checks held-back content once it is integrated', () => {
    const { server, client } = setup();
    const first = updateOf(client, () => entryOf(client).text.insert(0, 'a'));
    const typing = updateOf(client, () => entryOf(client).text.insert(1, 'b'));
    const poison = updateOf(client, () => entryOf(client).entry.set('evil', 1));
    // Alone, each follows what came before: Yjs would hold it back unchecked.
    expect(validateClientUpdate(server, poison)).toMatch(/does not have/);
    expect(validateClientUpdate(server, typing)).toMatch(/does not have/);
    Y.applyUpdate(server, typing);
    // A document that already holds such content (stored before updates were checked) has it
    // checked when the missing change arrives.
    Y.applyUpdate(server, poison);
    expect(validateClientUpdate(server, first)).toMatch(/unknown key/);
  });

  it('refuses deletes aimed at clocks the server has not written yet', () => {
    const { server } = setup();
    const seedClient = (segmentEntries(server).get(FIRST) as Y.Map<unknown>)._item?.id.client ?? expect.unreachable('no seed');
    for (const [client, clock] of [[server.clientID, 0], [seedClient, Y.getState(server.store, seedClient)]] as const) {
      // No structs; a delete set of one range of one client.
      const update = new Uint8Array([0, 1, ...varUint(client), 1, ...varUint(clock), ...varUint(1000)]);
      expect(validateClientUpdate(server, update)).toMatch(/does not have/);
    }
  });

  it('accepts an update that resends changes the server has (an editor reconnecting)', () => {
    const { server, client } = setup();
    const sent = Y.encodeStateVector(client);
    const first = updateOf(client, () => entryOf(client).text.insert(0, 'a'));
    Y.applyUpdate(server, first);
    updateOf(client, () => entryOf(client).text.insert(1, 'b'));
    const resync = Y.encodeStateAsUpdate(client, sent);
    expect(validateClientUpdate(server, resync)).toBeNull();
    Y.applyUpdate(server, resync);
    expect(entryOf(server).text.toString()).toBe(entryOf(client).text.toString());
  });

  it('refuses new structs written under the server’s client ids', () => {
    const { server, client } = setup();
    const seedClient = (segmentEntries(server).get(FIRST) as Y.Map<unknown>)._item?.id.client ?? expect.unreachable('no seed');
    for (const id of [server.clientID, seedClient]) {
      const impostor = new Y.Doc();
      Y.applyUpdate(impostor, Y.encodeStateAsUpdate(client));
      // Set after syncing: Yjs picks a new id when a remote update uses its own.
      impostor.clientID = id;
      expect(validateClientUpdate(server, updateOf(impostor, () => entryOf(impostor).text.insert(0, 'x')))).toMatch(/client ids/);
    }
  });

  it('checks an update of hundreds of thousands of structs, each typed before the previous, in linear time', () => {
    const { server, client } = setup();
    // Far past where a quadratic check takes minutes; a linear one takes a fraction of a second.
    const update = updateOf(client, () => {
      const { text } = entryOf(client);
      for (let index = 0; index < 300_000; index += 1) text.insert(1, 'x');
    });
    const decoded = Y.decodeUpdate(update);
    expect(decoded.structs.length).toBe(300_000);
    expect(isPlainEdit(server, decoded)).toBe(false);
    expect(validateClientUpdate(server, update)).toMatch(/at most/);
  });

  it('accepts the sync of a long offline session of scattered edits without a copy', () => {
    const { server, client } = setup('');
    const update = updateOf(client, () => {
      for (const [index, segmentId] of SEGMENTS.entries()) entryOf(client, segmentId).text.insert(0, 'word '.repeat(200 + index));
    });
    Y.applyUpdate(server, update);
    const before = Y.encodeStateVector(client);
    // Thousands of edits, each at another place, in their own transactions (as typed).
    for (let step = 0; step < 4_000; step += 1) {
      const text = entryOf(client, SEGMENTS[step % SEGMENTS.length]).text;
      client.transact(() => {
        if (step % 3 === 2) text.delete((step * 7) % (text.length - 1), 1);
        else text.insert((step * 13) % text.length, step % 2 ? 'a' : 'é');
      });
    }
    const offline = Y.encodeStateAsUpdate(client, before);
    expect(isPlainEdit(server, Y.decodeUpdate(offline))).toBe(true);
    expect(validateClientUpdate(server, offline)).toBeNull();
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
    const hidden = [(entry: Y.Map<unknown>) => listPush(entry, new Uint8Array(10)), (entry: Y.Map<unknown>) => (entry.get('text') as Y.Text).setAttribute('hidden', 1)];
    const third = SEGMENTS[2] as string;
    hidden[0]?.(segmentEntries(server).get(FIRST) as Y.Map<unknown>);
    hidden[1]?.(segmentEntries(server).get(third) as Y.Map<unknown>);
    const reported: string[] = [];
    const entries = listSegmentEntries(server, (segmentId) => reported.push(segmentId));
    expect(entries).toEqual([]);
    expect(reported.sort()).toEqual([...SEGMENTS].sort());
    for (const segmentId of SEGMENTS) expect(segmentEntry(server, segmentId)).toBeNull();
  });
});
