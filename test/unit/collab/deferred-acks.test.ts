import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';

import { DeferredAcks, isSyncStatusMessage } from '../../../lib/collab/deferred-acks';

function message(type: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, 'work/x/en/0');
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint(encoder, 1);
  return encoding.toUint8Array(encoder);
}

const SYNC_STATUS = message(8);
const UPDATE = message(0);

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve = () => undefined as void;
  let reject = (_error: Error) => undefined as void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('confirmations held until updates are stored', () => {
  it('recognises SyncStatus messages among the others', () => {
    expect(isSyncStatusMessage(SYNC_STATUS)).toBe(true);
    expect(isSyncStatusMessage(UPDATE)).toBe(false);
    expect(isSyncStatusMessage(new Uint8Array([0xff]))).toBe(false);
  });

  it('sends other messages at once and each confirmation after every earlier write is committed, in order', async () => {
    const sent: string[] = [];
    const connection = { send: (bytes: Uint8Array) => void sent.push(isSyncStatusMessage(bytes) ? 'ack' : 'update') };
    const acks = new DeferredAcks();
    const first = deferred();
    const second = deferred();
    const failures: unknown[] = [];
    acks.track(connection, first.promise, (error) => failures.push(error));
    connection.send(SYNC_STATUS);
    acks.track(connection, second.promise, (error) => failures.push(error));
    connection.send(SYNC_STATUS);
    connection.send(UPDATE);
    await settle();
    expect(sent).toEqual(['update']);
    second.resolve();
    await settle();
    // The second write is done, but the first confirmation (and so the second) waits for the first.
    expect(sent).toEqual(['update']);
    first.resolve();
    await settle();
    expect(sent).toEqual(['update', 'ack', 'ack']);
    expect(failures).toEqual([]);
  });

  it('never confirms after a failed write, and reports the failure once', async () => {
    const sent: string[] = [];
    const connection = { send: (bytes: Uint8Array) => void sent.push(isSyncStatusMessage(bytes) ? 'ack' : 'update') };
    const acks = new DeferredAcks();
    const failed = deferred();
    const failures: unknown[] = [];
    acks.track(connection, failed.promise, (error) => failures.push(error));
    connection.send(SYNC_STATUS);
    acks.track(connection, Promise.resolve(), (error) => failures.push(error));
    connection.send(SYNC_STATUS);
    failed.reject(new Error('disk full'));
    await settle();
    await settle();
    expect(sent).toEqual([]);
    expect(failures).toHaveLength(1);
  });
});
