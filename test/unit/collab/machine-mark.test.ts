import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { applyPublishedChanges } from '../../../lib/collab/apply-published';
import { clearEntryMachine, entryProblem, isMachineMarkValue, replaceText, seedEntryUpdate, segmentEntries, segmentEntry, type MachineMark } from '../../../lib/collab/segment-doc';
import { isPlainEdit, validateClientUpdate } from '../../../lib/collab/validate-update';

const SEGMENT = '0190a5b0-0000-7000-8000-00000000000a';
const BASE = '0190a5b0-0000-7000-8000-0000000000r0';
const MARK: MachineMark = { id: '0190a5b0-0000-7000-8000-0000000000m1', provider: 'DEEPL', text: 'Nobody spoke.' };

/** The server's copy, seeded as the collaboration server seeds it, and a client synced with it. */
function setup() {
  const server = new Y.Doc();
  Y.applyUpdate(server, seedEntryUpdate(SEGMENT, BASE, 'Никто не говорил.'));
  segmentEntries(server);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

function updateOf(client: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  client.transact(change);
  return Y.encodeStateAsUpdate(client, before);
}

const viewOf = (doc: Y.Doc) => segmentEntry(doc, SEGMENT) ?? expect.unreachable('no entry');

/** Fills the client's draft with machine translation, as the editor does. */
function fillWithMachine(client: Y.Doc, mark: unknown = MARK): Uint8Array {
  return updateOf(client, () => {
    replaceText(viewOf(client).text, 'Nobody spoke.');
    viewOf(client).entry.set('done', false);
    viewOf(client).entry.set('machine', mark);
  });
}

describe('the machine translation mark of a draft', () => {
  it('is accepted from the editor, read back, and taken off again; later changes of it are plain edits', () => {
    const { server, client } = setup();
    const filled = fillWithMachine(client);
    expect(validateClientUpdate(server, filled)).toBeNull();
    Y.applyUpdate(server, filled);
    expect(viewOf(server).machine).toEqual(MARK);

    // Once the key exists, replacing its value is recognised without copying the document.
    const again = updateOf(client, () => viewOf(client).entry.set('machine', { ...MARK, id: '0190a5b0-0000-7000-8000-0000000000m2' }));
    expect(isPlainEdit(server, Y.decodeUpdate(again))).toBe(true);
    expect(validateClientUpdate(server, again)).toBeNull();
    Y.applyUpdate(server, again);

    const cleared = updateOf(client, () => clearEntryMachine(viewOf(client).entry));
    expect(validateClientUpdate(server, cleared)).toBeNull();
    Y.applyUpdate(server, cleared);
    expect(viewOf(server).machine).toBeNull();
    expect(entryProblem(viewOf(server).entry)).toBeNull();
  });

  it('refuses a malformed mark, whether first set or replacing one', () => {
    const bad: unknown[] = [
      'DEEPL',
      { id: MARK.id, provider: 'deepl', text: 'x' },
      { id: 'x'.repeat(65), provider: 'DEEPL', text: 'x' },
      { id: MARK.id, provider: 'DEEPL', text: 'x'.repeat(20_001) },
      { id: MARK.id, provider: 'DEEPL', text: 'x', extra: true },
      { id: MARK.id, provider: 'DEEPL' },
      [MARK.id, 'DEEPL', 'x'],
    ];
    for (const value of bad) {
      expect(isMachineMarkValue(value)).toBe(false);
      const { server, client } = setup();
      expect(validateClientUpdate(server, fillWithMachine(client, value)), JSON.stringify(value).slice(0, 60)).toMatch(/^invalid-update/);
      const { server: marked, client: markedClient } = setup();
      Y.applyUpdate(marked, fillWithMachine(markedClient));
      const replacing = updateOf(markedClient, () => viewOf(markedClient).entry.set('machine', value));
      expect(validateClientUpdate(marked, replacing)).toMatch(/^invalid-update/);
    }
  });

  it('is taken off by the server when the draft becomes the published text, and kept on a draft left behind', () => {
    const { server, client } = setup();
    Y.applyUpdate(server, fillWithMachine(client));
    // The machine words were published (approved): the revision carries the label now.
    applyPublishedChanges(server, [{ segmentId: SEGMENT, revisionId: '0190a5b0-0000-7000-8000-0000000000r1', text: 'Nobody spoke.' }], new Map([[BASE, 'Никто не говорил.']]), 'server');
    expect(viewOf(server).machine).toBeNull();

    const other = setup();
    Y.applyUpdate(other.server, fillWithMachine(other.client));
    // Someone else's text was published: the machine draft stays, marked, on its old base.
    applyPublishedChanges(other.server, [{ segmentId: SEGMENT, revisionId: '0190a5b0-0000-7000-8000-0000000000r2', text: 'No one said a word.' }], new Map([[BASE, 'Никто не говорил.']]), 'server');
    expect(viewOf(other.server).machine).toEqual(MARK);
    expect(viewOf(other.server).latest).toBe('0190a5b0-0000-7000-8000-0000000000r2');
  });
});
