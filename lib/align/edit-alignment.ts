import 'server-only';

import { isAlignmentRefusal } from './alignment-refusal';
import { loadAlignmentNeighbourhood, type AlignmentRow } from './alignment-rows';
import { planAlignmentEdit, type AlignmentEdit, type AlignmentOperation, type RowChange } from './plan-alignment-edit';
import type { AlignmentRowChange, AuditEventData } from '../audit/events';
import { parseAuditEvent } from '../audit/parse-audit-event';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertCan, type Actor, actorUserId } from '../auth/permissions';
import { getDb, withTransaction, type Db, type Prisma } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { setTextGrouping } from '../revision/set-text-grouping';
import { writeRevision } from '../revision/write-revision';

export interface EditAlignmentOptions {
  actor: Actor;
  workId: string;
  language: string;
  segmentId: string;
  operation: AlignmentOperation;
  /** `splitAt` only: where to divide the row's text (its revision in `expected` as the editor saw it). */
  offset?: number;
  /** The published revision of each row as the editor saw it (segment id → revision id or null). */
  expected: Record<string, string | null>;
  db?: Db;
}

/** What an alignment edit did, so the editor can update its rows and undo it. */
export interface AlignmentEditResult {
  editId: string;
  rows: { segmentId: string; text: string | null; revisionId: string | null; continuesPrevious: boolean; alignScore: number | null }[];
}

/** An alignment change as `applyRowChanges` is given it: its type and data, without the language and rows it adds. */
type AlignmentChangeEvent = { [K in 'alignment.edited' | 'alignment.realigned']: { type: K; data: Omit<AuditEventData<K>, 'language' | 'changes'> } }['alignment.edited' | 'alignment.realigned'];

/** Loads the work, checks the actor may fix its alignments and that `language` is a translation of it. */
export async function loadAlignableWork(tx: Prisma.TransactionClient, actor: Actor, workId: string, language: string) {
  const work = await tx.work.findUnique({ where: { id: workId }, select: { id: true, collectionId: true, sourceLanguage: true, languages: { where: { language }, select: { language: true } } } });
  if (!work) throw new AppError('NOT_FOUND', 'work.notFound');
  assertCan(actor, 'alignment.edit', { collectionId: work.collectionId });
  if (language === work.sourceLanguage || work.languages.length === 0) throw new AppError('NOT_FOUND', 'align.noTranslation', { values: { language } });
  return work;
}

/**
 * Writes the planned row changes as ALIGN revisions (compare-and-set on what the editor saw: a
 * row changed meanwhile is STALE_BASE and nothing is written) and records them in one audit
 * event, which is what undo replays backwards.
 */
export async function applyRowChanges(tx: Prisma.TransactionClient, { actor, work, language, current, changes, expected, event, scores }: { actor: Actor; work: { id: string; collectionId: string }; language: string; current: readonly AlignmentRow[]; changes: readonly RowChange[]; expected: Record<string, string | null> | null; /** The kind of change and what it was applied to, recorded with the rows it rewrote. */ event: AlignmentChangeEvent; /** Aligner confidence per segment (a re-alignment): then unchanged rows get their new score and "no change" is a valid outcome. Rows without one were fixed by a person (1). */ scores?: ReadonlyMap<string, number> }): Promise<AlignmentEditResult> {
  const authorId = actorUserId(actor);
  const stored: AlignmentRowChange[] = [];
  const rows: AlignmentEditResult['rows'] = [];
  for (const change of changes) {
    const before = current.find((row) => row.segmentId === change.segmentId);
    if (!before) throw new AppError('NOT_FOUND', 'align.rowMissing');
    if (expected && (expected[change.segmentId] ?? null) !== before.revisionId) throw new AppError('STALE_BASE', 'align.changed');
    const alignScore = scores?.get(change.segmentId) ?? 1;
    if (before.text === change.text && before.continuesPrevious === change.continuesPrevious) {
      if (scores && before.alignScore !== alignScore) {
        await tx.segmentText.updateMany({ where: { segmentId: change.segmentId, language }, data: { alignScore } });
        rows.push({ segmentId: change.segmentId, text: change.text, revisionId: before.revisionId, continuesPrevious: change.continuesPrevious, alignScore });
      }
      continue;
    }
    const revisionId =
      before.text === change.text
        ? before.revisionId
        : await writeRevision({ tx, segmentId: change.segmentId, language, text: change.text, origin: 'ALIGN', authorId, expectedRevisionId: before.revisionId, fields: { continuesPrevious: change.continuesPrevious, alignScore } });
    // Only the grouping changed (e.g. an untranslated row merged into the group before it, which
    // may have no text row yet): stored without a revision, as the text itself is the same.
    if (before.text === change.text) await setTextGrouping({ tx, segmentId: change.segmentId, language, continuesPrevious: change.continuesPrevious, alignScore });
    stored.push({ segmentId: change.segmentId, before: { revisionId: before.revisionId, continuesPrevious: before.continuesPrevious, alignScore: before.alignScore }, after: { revisionId, continuesPrevious: change.continuesPrevious } });
    rows.push({ segmentId: change.segmentId, text: change.text, revisionId, continuesPrevious: change.continuesPrevious, alignScore });
  }
  if (stored.length === 0 && !scores) throw new AppError('INVALID_INPUT', 'align.noChange');
  const subject = { db: tx, actorId: authorId, collectionId: work.collectionId, workId: work.id };
  // One call per type, so that each type's data is checked against its own schema.
  const recorded =
    event.type === 'alignment.edited'
      ? await recordAuditEvent({ ...subject, type: event.type, data: { ...event.data, language, changes: stored } })
      : await recordAuditEvent({ ...subject, type: event.type, data: { ...event.data, language, changes: stored } });
  return { editId: recorded.id, rows };
}

/**
 * Applies one hand correction (merge, split, shift up/down, unlink, or a split at a chosen
 * offset into the row's text) to the alignment of a translation, as new ALIGN revisions. A
 * split at a point is checked against the revision the editor saw first: the offset means
 * nothing in another text. Throws UNAUTHENTICATED/FORBIDDEN, NOT_FOUND, INVALID_INPUT (the
 * operation does not apply here, or the point is inside a word or outside the text), STALE_BASE.
 */
export async function editAlignment({ actor, workId, language, segmentId, operation, offset, expected, db = getDb() }: EditAlignmentOptions): Promise<AlignmentEditResult> {
  return withTransaction(db, async (tx) => {
    const work = await loadAlignableWork(tx, actor, workId, language);
    const { before, row, after } = await loadAlignmentNeighbourhood(tx, { workId, sourceLanguage: work.sourceLanguage, language, segmentId });
    const rows = [...before, row, ...after];
    let edit: AlignmentEdit;
    if (operation === 'splitAt') {
      if (offset === undefined) throw new AppError('INVALID_INPUT', 'align.chooseSplitPoint');
      if ((expected[segmentId] ?? null) !== row.revisionId) throw new AppError('STALE_BASE', 'align.translationChanged');
      edit = { operation, offset };
    } else edit = operation;
    const plan = planAlignmentEdit(rows, before.length, edit, language);
    if (isAlignmentRefusal(plan)) throw new AppError('INVALID_INPUT', `alignmentRefusal.${plan.refused}`);
    const data = operation === 'splitAt' ? { operation, offset, segmentId } : { operation, segmentId };
    return applyRowChanges(tx, { actor, work, language, current: rows, changes: plan, expected, event: { type: 'alignment.edited', data } });
  });
}

/**
 * Undoes an alignment edit (or a re-alignment) by restoring every row it changed, as REVERT
 * revisions; refused with STALE_BASE when one of those rows changed again since.
 */
export async function undoAlignmentEdit({ actor, workId, editId, db = getDb() }: { actor: Actor; workId: string; editId: string; db?: Db }): Promise<AlignmentEditResult> {
  return withTransaction(db, async (tx) => {
    const undoable = ['alignment.edited', 'alignment.realigned'] as const;
    const row = isUuid(editId) ? await tx.auditEvent.findFirst({ where: { id: editId, workId, type: { in: [...undoable] } }, select: { id: true, type: true, data: true } }) : null;
    if (!row) throw new AppError('NOT_FOUND', 'align.nothingToUndo');
    const { language, changes } = parseAuditEvent(row, undoable).data;
    const work = await loadAlignableWork(tx, actor, workId, language);
    const authorId = actorUserId(actor);
    const rows: AlignmentEditResult['rows'] = [];
    const textOf = async (revisionId: string | null) => (revisionId ? ((await tx.revision.findUnique({ where: { id: revisionId }, select: { text: true } }))?.text ?? null) : null);
    for (const change of [...changes].reverse()) {
      const current = await tx.segmentText.findUnique({ where: { segmentId_language: { segmentId: change.segmentId, language } }, select: { publishedRevisionId: true, continuesPrevious: true } });
      const currentText = await textOf(current?.publishedRevisionId ?? null);
      // Compare content, not revision ids: a later edit that was itself undone left other
      // revisions with the same texts, and undoing further back must still work.
      if (currentText !== (await textOf(change.after.revisionId)) || (current?.continuesPrevious ?? false) !== change.after.continuesPrevious) {
        throw new AppError('STALE_BASE', 'align.undoOutdated');
      }
      const previousText = await textOf(change.before.revisionId);
      const fields = { continuesPrevious: change.before.continuesPrevious, alignScore: change.before.alignScore };
      const currentRevisionId = current?.publishedRevisionId ?? null;
      const revisionId =
        previousText === currentText
          ? currentRevisionId
          : await writeRevision({ tx, segmentId: change.segmentId, language, text: previousText, origin: 'REVERT', authorId, expectedRevisionId: currentRevisionId, fields });
      if (previousText === currentText) await setTextGrouping({ tx, segmentId: change.segmentId, language, ...fields });
      rows.push({ segmentId: change.segmentId, text: previousText, revisionId, continuesPrevious: change.before.continuesPrevious, alignScore: change.before.alignScore });
    }
    const undo = await recordAuditEvent({ db: tx, type: 'alignment.undone', actorId: authorId, collectionId: work.collectionId, workId, data: { editId, language } });
    return { editId: undo.id, rows };
  });
}
