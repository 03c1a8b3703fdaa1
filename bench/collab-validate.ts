/**
 * npm run bench:collab-validate — what checking a client's update costs the collaboration server
 * (lib/collab/validate-update.ts), per message, on a full chunk document (100 segments of 150–250
 * characters, each edited a little). Measured: a keystroke recognised from the decoded update
 * (the path every typed letter takes), the same keystroke checked on a copy of the document (the
 * path of unusual updates and of offline edits sent on reconnect), and, as the baseline in the same
 * run, applying the keystroke to the document (what the server does with every update anyway).
 * Prints a JSON line with the figures last.
 */
import { performance } from 'node:perf_hooks';

import * as Y from 'yjs';

import { percentile } from './collab-measure';
import { seedEntryUpdate, segmentEntry } from '../lib/collab/segment-doc';
import { checkOnCopy, validateClientUpdate } from '../lib/collab/validate-update';
import { SEGMENTS_PER_CHUNK } from '../lib/config/limits';


const KEYSTROKES = 2_000;

/** A deterministic stream of numbers in [0, 1), so every run edits the same way. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

function main(): void {
  const next = random(42);
  const ids = Array.from({ length: SEGMENTS_PER_CHUNK }, (_, index) => `0190a5b0-0000-7000-8000-${String(index).padStart(12, '0')}`);
  const server = new Y.Doc();
  for (const [index, id] of ids.entries()) Y.applyUpdate(server, seedEntryUpdate(id, `0190a5b0-0000-7000-9000-${String(index).padStart(12, '0')}`, 'A sentence of the published text, '.repeat(5 + (index % 3))));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));

  // Earlier editing, so the document holds history as a worked-on chunk does.
  for (let i = 0; i < 2_000; i += 1) {
    const text = segmentEntry(client, ids[Math.floor(next() * ids.length)] as string)?.text;
    if (!text) continue;
    if (next() < 0.8) text.insert(Math.floor(next() * (text.length + 1)), 'x');
    else if (text.length > 0) text.delete(Math.floor(next() * text.length), 1);
  }
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));

  const keystrokes: Uint8Array[] = [];
  for (let i = 0; i < KEYSTROKES; i += 1) {
    const text = segmentEntry(client, ids[Math.floor(next() * ids.length)] as string)?.text;
    if (!text) continue;
    const before = Y.encodeStateVector(client);
    text.insert(Math.floor(next() * (text.length + 1)), 'y');
    keystrokes.push(Y.encodeStateAsUpdate(client, before));
  }

  const apply: number[] = [];
  const fast: number[] = [];
  const copy: number[] = [];
  let refused = 0;
  for (const update of keystrokes) {
    let started = performance.now();
    if (validateClientUpdate(server, update) !== null) refused += 1;
    fast.push(performance.now() - started);
    started = performance.now();
    if (checkOnCopy(server, update) !== null) refused += 1;
    copy.push(performance.now() - started);
    started = performance.now();
    Y.applyUpdate(server, update);
    apply.push(performance.now() - started);
  }
  if (refused > 0) throw new Error(`${refused} honest keystrokes were refused`);

  const figures = {
    segments: ids.length,
    document_bytes: Y.encodeStateAsUpdate(server).byteLength,
    keystrokes: keystrokes.length,
    apply_p50_us: Math.round(percentile(apply, 50) * 1000),
    apply_p99_us: Math.round(percentile(apply, 99) * 1000),
    check_p50_us: Math.round(percentile(fast, 50) * 1000),
    check_p99_us: Math.round(percentile(fast, 99) * 1000),
    check_on_copy_p50_us: Math.round(percentile(copy, 50) * 1000),
    check_on_copy_p99_us: Math.round(percentile(copy, 99) * 1000),
  };
  console.log(`chunk of ${figures.segments} segments, ${figures.document_bytes} bytes encoded; ${figures.keystrokes} keystrokes`);
  console.log(`apply (baseline)   p50 ${figures.apply_p50_us} µs  p99 ${figures.apply_p99_us} µs`);
  console.log(`check (keystroke)  p50 ${figures.check_p50_us} µs  p99 ${figures.check_p99_us} µs`);
  console.log(`check on a copy    p50 ${figures.check_on_copy_p50_us} µs  p99 ${figures.check_on_copy_p99_us} µs`);
  console.log(JSON.stringify(figures));
}

main();
