import 'server-only';

import type pg from 'pg';
import * as Y from 'yjs';

import { applyPublishedChanges, doneSegments, entryBases, outdatedChanges, unmarkDeclinedDrafts, type PublishedChange } from './apply-published';
import type { CollabPersistence } from './persistence';
import { loadDeclinedTexts, loadRevisionTexts } from './published-texts';

/** Transaction origin of changes the server makes itself (published texts, seeding, compaction). */
export const SERVER_ORIGIN = { source: 'interlinear-server' } as const;

/**
 * Brings a loaded document up to date with published texts — seeding entries for segments that
 * have none, applying texts published since — and logs the resulting update before returning, so
 * a server-made change is as durable as a client's. A malformed entry of one of the segments is
 * replaced by a fresh one (reported to `log`). Returns the number of entries changed.
 */
export async function syncPublishedTexts({ pool, persistence, name, doc, changes, log }: { pool: pg.Pool; persistence: CollabPersistence; name: string; doc: Y.Doc; changes: readonly PublishedChange[]; log?: (line: string) => void }): Promise<number> {
  const pending = outdatedChanges(doc, changes);
  if (pending.length === 0) return 0;
  const baseTexts = await loadRevisionTexts(pool, entryBases(doc, pending.map((change) => change.segmentId)));
  const before = Y.encodeStateVector(doc);
  const changed = applyPublishedChanges(doc, pending, baseTexts, SERVER_ORIGIN, (segmentId) => log?.(`replaced the malformed entry of segment ${segmentId} in ${name} with its published text`));
  if (changed > 0) await persistence.append(name, Y.encodeStateAsUpdate(doc, before), null);
  return changed;
}

/**
 * Takes the done mark off the drafts of some segments that are a suggestion a reviewer rejected
 * or published only in part (same text, same base), and logs the update before returning. Run
 * after a decision (the `suggestion` trigger queues it in the outbox) and after published texts
 * were applied, so a partly approved draft is first kept on its base. Returns the number of
 * entries changed.
 */
export async function syncDecisions({ pool, persistence, name, doc, language, segmentIds }: { pool: pg.Pool; persistence: CollabPersistence; name: string; doc: Y.Doc; language: string; segmentIds: readonly string[] }): Promise<number> {
  const done = doneSegments(doc, segmentIds);
  if (done.length === 0) return 0;
  const declined = await loadDeclinedTexts(pool, language, done);
  if (declined.length === 0) return 0;
  const before = Y.encodeStateVector(doc);
  const changed = unmarkDeclinedDrafts(doc, declined, SERVER_ORIGIN);
  if (changed > 0) await persistence.append(name, Y.encodeStateAsUpdate(doc, before), null);
  return changed;
}
