import 'server-only';

import { loadStructureSnapshot } from './load-structure-snapshot';
import { planStructuralEdit } from './plan-structural-edit';
import { changedBases, storedStructuralEdit } from './stored-structural-edit';
import type { StructurePreview } from './structural-operation';
import { readStructureSummary, type StructureBlocker } from './structure-summary';
import type { Db } from '../db/client';
import { AppError } from '../errors/app-error';

/** A waiting structural edit as the review queue shows it: its preview against the text now, and the proposer's note. */
export type StoredStructurePreview = StructurePreview & { note: string };

/**
 * The preview of a STRUCTURE suggestion planned against the current state, with `blockers`
 * saying why approving it would be refused now: text suggestions on its segments awaiting review,
 * a text it depends on changed since it was proposed, or the change no longer fitting the text
 * (then `before` and `after` are empty and the summary is the one it was proposed with, its values
 * read back from it). Reads
 * only; never throws for the state of the text.
 */
export async function previewStoredStructuralEdit({
  db,
  suggestion,
  work: known,
}: {
  db: Db;
  suggestion: { id: string; workId: string; text: string; operation: unknown };
  /** The suggestion's work, when the caller has read it already. */
  work?: { id: string; sourceLanguage: string };
}): Promise<StoredStructurePreview> {
  const stored = storedStructuralEdit.safeParse(suggestion.operation);
  const summaryValues = readStructureSummary(suggestion.text);
  if (!stored.success) return { summary: suggestion.text, summaryValues, before: [], after: [], blockers: [{ reason: 'unreadable' }], note: '' };
  const { operation, bases, note } = stored.data;
  const unplannable = (blocker: StructureBlocker): StoredStructurePreview => ({ summary: suggestion.text, summaryValues, before: [], after: [], blockers: [blocker], note });
  const work = known ?? (await db.work.findUnique({ where: { id: suggestion.workId }, select: { id: true, sourceLanguage: true } }));
  if (!work) return unplannable({ reason: 'workGone' });
  let snapshot;
  try {
    snapshot = await loadStructureSnapshot({ db, work, operation });
  } catch (error) {
    if (error instanceof AppError) return unplannable({ reason: 'refused', message: error.message, error: { key: error.key, values: error.values } });
    throw error;
  }
  const outcome = planStructuralEdit(snapshot, operation);
  if (!outcome.ok) return unplannable({ reason: 'noLongerFits', message: outcome.message, refusal: outcome.refusal });
  const { preview } = outcome.plan;
  const changed = changedBases(bases, outcome.plan.bases);
  const blockers: StructureBlocker[] = [...(changed.length > 0 ? [{ reason: 'textChanged' as const }] : []), ...preview.blockers];
  // The line stored with it, worded from the change as planned now (the text it quotes is the text the rows show).
  return { ...preview, summary: suggestion.text, blockers, note };
}
