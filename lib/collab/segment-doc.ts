import * as Y from 'yjs';

import { MAX_SEGMENT_CHARS } from '../config/limits';

/**
 * The shape of a collaboration document, shared by the server and the editor. One root map,
 * `segments`, holds an entry per text-bearing segment of the chunk (keyed by segment id):
 *
 * - `text` (Y.Text): the draft, which starts as the published text;
 * - `base` (string | null): the published revision the draft was started from;
 * - `done` (boolean): the translator marked the draft as finished;
 * - `latest` (string, optional): set by the server when the published text changed under a draft
 *   that differs from it (the draft is kept on its old base): the revision published now, so
 *   every editor of the draft learns at once that it is behind;
 * - `machine` ({@link MachineMark} or null, optional): the machine translation the draft was filled
 *   with (docs/machine-translation.md), so every editor of the draft sees the label and a
 *   submitted draft carries it; null once the draft is filled from elsewhere or published.
 *
 * Drafts live here; published texts live in the relational tables. A change of the published text
 * made elsewhere (approval, import, alignment fix, revert) is applied to the entry by the server
 * (`applyPublishedText`), so that nobody keeps typing over a stale text.
 */
export const SEGMENTS_ROOT = 'segments';

export type SegmentEntry = Y.Map<unknown>;

/** The keys an entry may hold; `latest` is written by the server only. */
const ENTRY_KEYS: ReadonlySet<string> = new Set(['text', 'base', 'done', 'latest', 'machine']);
/** Longest `base` / `latest` value (revision ids are UUIDs). */
export const MAX_REVISION_ID_CHARS = 64;

/**
 * What an entry's `machine` holds: the record of the machine translation inserted as the draft
 * (`machine_translation.id`), its service and its words (to tell "edited" from not). Shown as a
 * label only: whether a submitted text counts as machine translation is decided by the server
 * from its records (lib/machine-translation/find-machine-origin.ts), never from this.
 */
export interface MachineMark {
  id: string;
  provider: string;
  text: string;
}

/** Whether a value may be stored as an entry's `machine`: null, or a plain {@link MachineMark} with bounded fields and nothing else. */
export function isMachineMarkValue(value: unknown): value is MachineMark | null {
  if (value === null) return true;
  if (typeof value !== 'object' || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const mark = value as Record<string, unknown>;
  const keys = Object.keys(mark);
  return (
    keys.length === 3 &&
    typeof mark.id === 'string' && mark.id.length <= MAX_REVISION_ID_CHARS &&
    typeof mark.provider === 'string' && /^[A-Z]{1,32}$/.test(mark.provider) &&
    typeof mark.text === 'string' && mark.text.length <= MAX_SEGMENT_CHARS
  );
}

/** An entry read and checked: every field of the expected type. */
export interface SegmentEntryView {
  entry: SegmentEntry;
  text: Y.Text;
  base: string | null;
  done: boolean;
  /** As stored (may equal `base`); see {@link entryLatest} for "is the draft behind". */
  latest: string | null;
  /** The machine translation the draft was filled with, or null. */
  machine: MachineMark | null;
}

/**
 * What is wrong with a value stored under a segment id, or null when it is a well-formed entry:
 * a Y.Map holding `text` (Y.Text of plain text, without attributes), `base` (string or null),
 * `done` (boolean), optionally `latest` (string), and nothing else — neither hidden list items
 * in the map nor embeds, formats or nested types in the draft. Stored documents may hold entries
 * written before updates were checked, so every reader goes through this (O(keys + pieces of the
 * draft): typed runs of characters are stored as one piece).
 */
export function entryProblem(value: unknown): string | null {
  if (!(value instanceof Y.Map)) return 'the entry is not a map';
  for (const key of value.keys()) if (!ENTRY_KEYS.has(key)) return `the entry has an unknown key "${key.slice(0, 40)}"`;
  // A Y.Map is also a list underneath: items written without a key are invisible to keys().
  if (hasLiveItem(value._start)) return 'the entry holds content outside its keys';
  const text: unknown = value.get('text');
  if (!(text instanceof Y.Text)) return 'the entry has no text';
  if ([...text._map.values()].some((item) => !item.deleted)) return 'the draft holds attributes';
  for (let item = text._start; item !== null; item = item.right) {
    if (!item.deleted && !(item.content instanceof Y.ContentString)) return 'a draft holds plain text only';
  }
  const base: unknown = value.get('base');
  if (base !== null && !(typeof base === 'string' && base.length <= MAX_REVISION_ID_CHARS)) return 'the entry’s base is not a revision id';
  if (typeof value.get('done') !== 'boolean') return 'the entry’s done mark is not a boolean';
  const latest: unknown = value.get('latest');
  if (latest !== undefined && !(typeof latest === 'string' && latest.length <= MAX_REVISION_ID_CHARS)) return 'the entry’s latest revision is not a revision id';
  const machine: unknown = value.get('machine');
  if (machine !== undefined && !isMachineMarkValue(machine)) return 'the entry’s machine translation mark is malformed';
  return null;
}

function hasLiveItem(start: Y.Item | null): boolean {
  for (let item = start; item !== null; item = item.right) if (!item.deleted) return true;
  return false;
}

/** The checked view of a stored value, or null when it is not a well-formed entry ({@link entryProblem}). */
function readSegmentEntry(value: unknown): SegmentEntryView | null {
  if (entryProblem(value) !== null) return null;
  const entry = value as SegmentEntry;
  const latest = entry.get('latest');
  return { entry, text: entry.get('text') as Y.Text, base: (entry.get('base') as string | null) ?? null, done: entry.get('done') === true, latest: typeof latest === 'string' ? latest : null, machine: entryMachine(entry) };
}

export function segmentEntries(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SEGMENTS_ROOT);
}

/** The checked entry of `segmentId`, or null when there is none or it is malformed. */
export function segmentEntry(doc: Y.Doc, segmentId: string): SegmentEntryView | null {
  return readSegmentEntry(segmentEntries(doc).get(segmentId));
}

/** The entry of `segmentId` when it is well-formed (a malformed one reads as missing). */
export function getSegmentEntry(doc: Y.Doc, segmentId: string): SegmentEntry | undefined {
  return segmentEntry(doc, segmentId)?.entry;
}

/**
 * Every well-formed entry of a document, in key order; malformed ones are left out and reported
 * to `onMalformed` (the caller logs them), never thrown.
 */
export function listSegmentEntries(doc: Y.Doc, onMalformed?: (segmentId: string, problem: string) => void): [string, SegmentEntryView][] {
  const entries: [string, SegmentEntryView][] = [];
  for (const [segmentId, value] of segmentEntries(doc)) {
    const view = readSegmentEntry(value);
    if (view) entries.push([segmentId, view]);
    else onMalformed?.(segmentId, entryProblem(value) ?? 'malformed');
  }
  return entries;
}

/** The draft of an entry. Throws on a malformed entry: read entries through {@link segmentEntry} first. */
export function entryText(entry: SegmentEntry): Y.Text {
  const text = entry.get('text');
  if (!(text instanceof Y.Text)) throw new Error('A segment entry has no text.');
  return text;
}

export function entryBase(entry: SegmentEntry): string | null {
  const base = entry.get('base');
  return typeof base === 'string' ? base : null;
}

/** The revision published under an edited draft since it began, or null when the draft is not behind. */
export function entryLatest(entry: SegmentEntry): string | null {
  const latest = entry.get('latest');
  return typeof latest === 'string' && latest !== entryBase(entry) ? latest : null;
}

export function entryDone(entry: SegmentEntry): boolean {
  return entry.get('done') === true;
}

/** The machine translation the draft was filled with, or null (also for a malformed mark). */
export function entryMachine(entry: SegmentEntry): MachineMark | null {
  const machine: unknown = entry.get('machine');
  return machine !== undefined && machine !== null && isMachineMarkValue(machine) ? machine : null;
}

/** Takes the machine mark off an entry (the draft now comes from elsewhere); writes nothing when there is none. */
export function clearEntryMachine(entry: SegmentEntry): void {
  if (entry.get('machine') !== undefined && entry.get('machine') !== null) entry.set('machine', null);
}

/** A new entry (not yet in a document): the draft starts as `text`, based on revision `base`. */
export function buildSegmentEntry(text: string, base: string | null): SegmentEntry {
  const entry = new Y.Map<unknown>();
  entry.set('text', new Y.Text(text));
  entry.set('base', base);
  entry.set('done', false);
  return entry;
}

/**
 * Rewrites `ytext` to `next` with the smallest single replacement (common prefix and suffix kept),
 * so that carets elsewhere in the text stay where they are and the update stays small.
 */
export function replaceText(ytext: Y.Text, next: string): void {
  const current = ytext.toString();
  if (current === next) return;
  let start = 0;
  const limit = Math.min(current.length, next.length);
  while (start < limit && current.charCodeAt(start) === next.charCodeAt(start)) start += 1;
  let end = 0;
  while (end < limit - start && current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end += 1;
  // Never cut a surrogate pair in two.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start -= 1;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end -= 1;
  const doc = ytext.doc;
  const apply = () => {
    const removed = current.length - start - end;
    if (removed > 0) ytext.delete(start, removed);
    const inserted = next.slice(start, next.length - end);
    if (inserted) ytext.insert(start, inserted);
  };
  if (doc) doc.transact(apply);
  else apply();
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The update that creates the entry of `segmentId` from its published text, written by a client id
 * derived from the segment and the revision. Two servers that seed the same segment from the same
 * revision produce the same update, so seeding twice (two processes, a reload) never duplicates
 * text: Yjs sees one insertion.
 */
export function seedEntryUpdate(segmentId: string, base: string | null, text: string): Uint8Array {
  // A fixed guid: the default one costs dozens of random draws per document, and a work's first
  // load seeds thousands of entries. The guid is not part of the update.
  const scratch = new Y.Doc({ gc: false, guid: 'interlinear-seed' });
  scratch.clientID = seedClientId(`${segmentId}:${base ?? ''}`);
  segmentEntries(scratch).set(segmentId, buildSegmentEntry(text, base));
  const update = Y.encodeStateAsUpdate(scratch);
  scratch.destroy();
  return update;
}

/** FNV-1a, 32 bits, kept clear of 0 (Yjs client ids are positive 32-bit integers). */
function seedClientId(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash === 0 ? 1 : hash;
}
