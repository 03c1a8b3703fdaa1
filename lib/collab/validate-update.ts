import * as Y from 'yjs';

import { entryProblem, isMachineMarkValue, MAX_REVISION_ID_CHARS, SEGMENTS_ROOT } from './segment-doc';
import { MAX_COLLAB_UPDATE_PIECES, MAX_SEGMENT_CHARS } from '../config/limits';

/**
 * Checks an update a client sends to a chunk document before the server stores or applies it.
 * The rules (docs/collaboration.md, "What a client may change"):
 *
 * - the only root type is the `segments` map; nothing is added under another root;
 * - a client changes entries that exist (the server seeds one for every segment of the chunk):
 *   it may not add, delete or replace an entry, nor replace an entry's text;
 * - every entry it touches is well-formed afterwards (`entryProblem`), its draft holds plain text
 *   only, its `latest` (written by the server) is unchanged, and its draft is no longer than
 *   `MAX_SEGMENT_CHARS` unless it was already longer and did not grow;
 * - it depends on nothing the server lacks (Yjs would hold such content back unchecked, and a
 *   delete aimed at clocks the server has not written yet would block its own later writes);
 * - it writes nothing new under the server's own client ids (its document's, and the seeds').
 *
 * Returns why the update is refused, or null when it may be applied. Typing and the editor's own
 * map writes (`done`, `base`, `machine`) are recognised from the decoded update and the live document alone
 * (O(update)); anything else is applied to a copy of the document and the resulting entries are
 * checked (O(document)). Events are not enough: types created inside the update emit none.
 */
export function validateClientUpdate(document: Y.Doc, payload: Uint8Array): string | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(payload);
  } catch {
    return 'malformed-update';
  }
  for (const struct of decoded.structs) {
    // A named parent is a root type: only `segments` may receive anything.
    if (struct instanceof Y.Item && typeof struct.parent === 'string' && struct.parent !== SEGMENTS_ROOT) return 'invalid-update: only the segments map may be changed';
  }
  if (writesAsServer(document, decoded)) return 'invalid-update: the server’s client ids are its own';
  // The fast check is linear, but a huge update is left to the copy, whose cost is bounded by the
  // document and the message size whatever the update's shape.
  const pieces = decoded.structs.length + [...decoded.ds.clients.values()].reduce((sum, deletions) => sum + deletions.length, 0);
  if (pieces <= MAX_COLLAB_UPDATE_PIECES && isPlainEdit(document, decoded)) return null;
  return checkOnCopy(document, payload);
}

/**
 * Whether the update writes new structs under a client id of the server: the document's own
 * (published changes applied by this process) or a seed's (recognised by its first struct,
 * which creates an entry — something no client may do). Structs the server has already (a
 * reconnecting editor resending them) are not writes.
 */
function writesAsServer(document: Y.Doc, { structs }: DecodedUpdate): boolean {
  const root = document.share.get(SEGMENTS_ROOT);
  const checked = new Set<number>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    const known = Y.getState(document.store, client);
    if (clock + struct.length <= known || checked.has(client)) continue;
    checked.add(client);
    if (client === document.clientID) return true;
    if (known === 0) continue;
    const first = Y.getItem(document.store, Y.createID(client, 0)) as Struct;
    if (first instanceof Y.Item && first.parent === root && first.parentSub !== null) return true;
  }
  return false;
}

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
type Struct = Y.Item | Y.GC;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its shared types by their event type
type AnyType = Y.AbstractType<any>;

/** An item already in the live document, or null (not there, or garbage-collected). */
function liveItem(document: Y.Doc, id: Y.ID): Y.Item | null {
  if (id.clock >= Y.getState(document.store, id.client)) return null;
  const struct = Y.getItem(document.store, id) as Struct;
  return struct instanceof Y.Item ? struct : null;
}

/** The segments root of a document (null only if something defined it as another type). */
function segmentsRoot(document: Y.Doc): Y.Map<unknown> | null {
  try {
    return document.getMap<unknown>(SEGMENTS_ROOT);
  } catch {
    return null;
  }
}

/** `type` when it is the text of a well-formed entry under `root`, else null. */
function asDraft(root: Y.Map<unknown>, type: unknown): Y.Text | null {
  const text = type;
  if (!(text instanceof Y.Text)) return null;
  const entry = text._item?.parent;
  if (!(entry instanceof Y.Map) || entry.get('text') !== text || entry._item?.parent !== root) return null;
  return entryProblem(entry) === null ? text : null;
}

/**
 * Whether the update only types or deletes characters in existing drafts and sets `done`,
 * `base` or `machine` (once set) of existing entries to values of their type — what the editor sends while someone types.
 * False means "not recognised" (check on a copy), not "refused".
 */
export function isPlainEdit(document: Y.Doc, { structs, ds }: DecodedUpdate): boolean {
  // Defined first: defining the root re-parents the entries it holds.
  const root = segmentsRoot(document);
  if (!root || document.store.pendingStructs !== null || document.store.pendingDs !== null) return false;
  /**
   * Characters typed by this update, by client: the clock ranges and the draft they went into, in
   * clock order (each client's structs follow on from what the document has, checked below).
   */
  const typed = new Map<number, TypedRange[]>();
  const typedText = (id: Y.ID) => typedRange(typed.get(id.client), id.clock)?.text ?? null;
  /** Where each client's next struct must start; clients whose block of structs has ended. */
  const nextClock = new Map<number, number>();
  const ended = new Set<number>();
  let currentClient: number | null = null;
  const growth = new Map<Y.Text, number>();
  // Checking an entry walks its draft: once per entry, however many structs name it.
  const drafts = new Map<unknown, Y.Text | null>();
  const draftIn = (type: unknown): Y.Text | null => {
    if (!drafts.has(type)) drafts.set(type, asDraft(root, type));
    return drafts.get(type) ?? null;
  };
  const entries = new Map<Y.Map<unknown>, boolean>();
  const isEntry = (entry: Y.Map<unknown>): boolean => {
    if (!entries.has(entry)) entries.set(entry, entry._item?.parent === root && entryProblem(entry) === null);
    return entries.get(entry) === true;
  };
  const draftOfItem = (item: Y.Item): Y.Text | null => (item.parentSub === null ? draftIn(item.parent) : null);
  /** Map values this update overwrites (their deletion comes with the write). */
  const overwritten = new Set<Y.Item>();
  const textAt = (id: Y.ID | null): Y.Text | null | undefined => {
    if (id === null) return undefined;
    const live = liveItem(document, id);
    return live ? draftOfItem(live) : typedText(id);
  };

  for (const struct of structs) {
    // A gap (Skip) or a struct that does not follow on from the document depends on something
    // the server lacks, or repeats what it has: left to the copy, which refuses the former.
    if (!(struct instanceof Y.Item)) return false;
    const { client, clock } = struct.id;
    if (client !== currentClient) {
      if (currentClient !== null) ended.add(currentClient);
      if (ended.has(client)) return false;
      currentClient = client;
      nextClock.set(client, Y.getState(document.store, client));
    }
    if (clock !== nextClock.get(client)) return false;
    nextClock.set(client, clock + struct.length);
    // Typing into an empty draft names the draft itself (by the id of the item holding it) instead
    // of neighbouring characters; a named root is never plain typing.
    let parentText: Y.Text | null = null;
    if (struct.parent !== null) {
      const holder = struct.parent instanceof Y.ID && struct.parentSub === null ? liveItem(document, struct.parent) : null;
      parentText = holder && holder.content instanceof Y.ContentType ? draftIn(holder.content.type) : null;
      if (!parentText || !(struct.content instanceof Y.ContentString)) return false;
    }
    const left = parentText ?? textAt(struct.origin);
    const right = textAt(struct.rightOrigin);
    if (struct.content instanceof Y.ContentString) {
      const text = left ?? right;
      if (!text || (left !== undefined && right !== undefined && left !== right)) return false;
      const ranges = typed.get(struct.id.client) ?? [];
      ranges.push({ clock: struct.id.clock, end: struct.id.clock + struct.length, text });
      typed.set(struct.id.client, ranges);
      growth.set(text, (growth.get(text) ?? 0) + struct.content.str.length);
      continue;
    }
    // A map write overwrites the key's last value: its origin is that value's item.
    if (!(struct.content instanceof Y.ContentAny) || struct.content.arr.length !== 1 || struct.origin === null || struct.rightOrigin !== null) return false;
    const previous = liveItem(document, struct.origin);
    const entry = previous?.parent;
    if (!previous || !(entry instanceof Y.Map) || !isEntry(entry)) return false;
    const value: unknown = struct.content.arr[0];
    const isValid =
      previous.parentSub === 'done'
        ? typeof value === 'boolean'
        : previous.parentSub === 'base'
          ? value === null || (typeof value === 'string' && value.length <= MAX_REVISION_ID_CHARS)
          : previous.parentSub === 'machine' && isMachineMarkValue(value);
    if (!isValid) return false;
    overwritten.add(previous);
  }

  for (const [text, added] of growth) if (text.length + added > MAX_SEGMENT_CHARS) return false;

  // Deletions: only characters of drafts (live or typed just now).
  for (const [client, deletions] of ds.clients) {
    const structsOfClient = document.store.clients.get(client) ?? [];
    const known = Y.getState(document.store, client);
    // Sorted, and each clock walked once: overlapping ranges cost no more than one.
    const sorted = [...deletions].sort((a, b) => a.clock - b.clock);
    let walked = 0;
    for (const { clock, len } of sorted) {
      let at = Math.max(clock, walked);
      while (at < clock + len) {
        if (at >= known) {
          const range = typedRange(typed.get(client), at);
          if (!range) return false;
          at = range.end;
          continue;
        }
        const struct = structsOfClient[Y.findIndexSS(structsOfClient, at)] as Struct;
        if (struct instanceof Y.Item && !struct.deleted && !overwritten.has(struct) && !draftOfItem(struct)) return false;
        at = struct.id.clock + struct.length;
      }
      walked = Math.max(walked, at);
    }
  }
  return true;
}

interface TypedRange {
  clock: number;
  end: number;
  text: Y.Text;
}

/** The range of `ranges` (sorted by clock, not overlapping) holding `clock`, by binary search. */
function typedRange(ranges: TypedRange[] | undefined, clock: number): TypedRange | null {
  if (!ranges) return null;
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const range = ranges[middle] as TypedRange;
    if (clock < range.clock) high = middle - 1;
    else if (clock >= range.end) low = middle + 1;
    else return range;
  }
  return null;
}

/** The entry key under `segments` a changed type belongs to; undefined when it is not under `segments`. */
function entryKeyOf(type: AnyType, root: AnyType): string | null | undefined {
  let current = type;
  while (current._item) {
    const parent = current._item.parent as AnyType;
    if (parent === root) return current._item.parentSub;
    current = parent;
  }
  return undefined;
}

/**
 * Applies the update to a copy of the document and checks every entry it touched: the general
 * check, O(size of the document). Exported for the benchmark; the server calls
 * {@link validateClientUpdate}.
 */
export function checkOnCopy(document: Y.Doc, payload: Uint8Array): string | null {
  const copy = new Y.Doc({ gc: document.gc });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
    const root = copy.getMap<unknown>(SEGMENTS_ROOT);
    const pendingBefore = pendingOf(copy);
    const rootsBefore = new Set(copy.share.keys());
    const touched = new Set<string>();
    let refusal: string | null = null;
    copy.on('afterTransaction', (transaction: Y.Transaction) => {
      for (const [type, keys] of transaction.changed) {
        if (type === (root as AnyType)) {
          for (const key of keys) {
            if (key === null) refusal ??= 'invalid-update: the segments map holds entries by key only';
            else touched.add(key);
          }
          continue;
        }
        const key = entryKeyOf(type, root);
        if (key === undefined) refusal ??= 'invalid-update: only the segments map may be changed';
        else if (key === null) refusal ??= 'invalid-update: the segments map holds entries by key only';
        else touched.add(key);
      }
    });
    try {
      Y.applyUpdate(copy, payload);
    } catch {
      return 'malformed-update';
    }
    if (refusal) return refusal;
    // Content Yjs holds back waits for something the server lacks: it would be integrated later,
    // unchecked, and a delete of clocks not written yet blocks whoever writes them.
    if (!holdsNothingNew(pendingBefore, pendingOf(copy))) return 'invalid-update: the update depends on changes the server does not have';
    for (const name of copy.share.keys()) if (!rootsBefore.has(name)) return 'invalid-update: only the segments map may be changed';
    const live = segmentsRoot(document);
    for (const segmentId of touched) {
      const problem = checkTouchedEntry(live?.get(segmentId), root.get(segmentId));
      if (problem) return `invalid-update: ${problem}`;
    }
    return null;
  } finally {
    copy.destroy();
  }
}

/** What a document holds back (structs waiting for others, deletes of unknown clocks), as bytes. */
function pendingOf(doc: Y.Doc): [Uint8Array | null, Uint8Array | null] {
  return [doc.store.pendingStructs?.update ?? null, doc.store.pendingDs];
}

/**
 * Whether a document holds back nothing new: what it held before (stored before updates were
 * checked) may remain or be resolved, but nothing may be added.
 */
function holdsNothingNew(before: [Uint8Array | null, Uint8Array | null], after: [Uint8Array | null, Uint8Array | null]): boolean {
  const same = (x: Uint8Array | null, y: Uint8Array) => x !== null && x.length === y.length && x.every((byte, index) => byte === y[index]);
  return (after[0] === null || same(before[0], after[0])) && (after[1] === null || same(before[1], after[1]));
}

function sameItem(a: AnyType, b: AnyType): boolean {
  return !!a._item && !!b._item && Y.compareIDs(a._item.id, b._item.id);
}

/** Why an entry a client changed (`after`, in the copy) is refused, given what the server had (`before`). */
function checkTouchedEntry(before: unknown, after: unknown): string | null {
  if (before === undefined) return 'entries are created by the server only';
  if (after === undefined) return 'entries may not be deleted';
  if (!(before instanceof Y.Map) || !(after instanceof Y.Map) || !sameItem(before, after)) return 'entries may not be replaced';
  const problem = entryProblem(after);
  if (problem) return problem;
  const text = after.get('text') as Y.Text;
  const previousText: unknown = before.get('text');
  if (!(previousText instanceof Y.Text) || !sameItem(previousText, text)) return 'a draft may not be replaced';
  if (after.get('latest') !== before.get('latest')) return 'the latest revision is set by the server only';
  if (text.length > MAX_SEGMENT_CHARS && text.length > previousText.length) return `a draft may hold at most ${MAX_SEGMENT_CHARS} characters`;
  return null;
}
