import 'server-only';

import { loadStructureSnapshot } from './load-structure-snapshot';
import { planStructuralEdit, type StructurePlan } from './plan-structural-edit';
import { changedBases, storedStructuralEdit } from './stored-structural-edit';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Prisma } from '../db/client';
import { uuidv7 } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { errorTextIn } from '../errors/localize-error';
import { setTextGrouping } from '../revision/set-text-grouping';
import { writeRevision } from '../revision/write-revision';

/** The STRUCTURE suggestion being approved, as decide-suggestion holds it (locked). */
export interface StructuralSuggestion {
  id: string;
  workId: string;
  collectionId: string;
  authorId: string | null;
  operation: unknown;
}

export interface AppliedStructuralEdit {
  /** The new source revision of the first segment concerned, when its text changed (what the suggestion became). */
  revisionId: string | null;
  created: string[];
  retired: string[];
  revisionIds: string[];
}

export interface ApplyStructuralEditOptions {
  tx: Prisma.TransactionClient;
  suggestion: StructuralSuggestion;
  /** The reviewer whose approval applies it: credited as editor of the revisions, beside the proposer as author. */
  reviewerId: string | null;
  /** Check that it would apply now (a first approval of two), write nothing. */
  isDryRun?: boolean;
}

/**
 * Applies an approved structural edit in the caller's transaction, for every language at once:
 * takes the work's lock (other structural changes and re-imports wait), locks the texts of every
 * segment concerned, plans the operation again against the state now and compares every
 * published revision it depends on with those it was proposed against. Anything changed since,
 * a segment no longer live, or text suggestions still open on a segment whose source text it
 * rewrites or retires refuse it with CONFLICT, and nothing is written. Otherwise it creates,
 * moves, re-parents and retires segments (a retired one records the live one replacing it), writes
 * STRUCTURE revisions (the proposer as author, the reviewer as editor), moves page anchors,
 * footnote references, comments and readers' reports, and records `structure.applied`. Returns
 * what it created, retired and wrote.
 */
export async function applyStructuralEdit({ tx, suggestion, reviewerId, isDryRun = false }: ApplyStructuralEditOptions): Promise<AppliedStructuralEdit> {
  const stored = storedStructuralEdit.safeParse(suggestion.operation);
  // A damaged record can never apply: retrying would not help, so it is a conflict to reject, not a server error.
  if (!stored.success) throw new AppError('CONFLICT', 'structure.unreadable');
  const { operation, bases } = stored.data;
  await tx.$queryRaw`SELECT id FROM work WHERE id = ${suggestion.workId}::uuid FOR NO KEY UPDATE`;
  const work = await tx.work.findUniqueOrThrow({ where: { id: suggestion.workId }, select: { id: true, sourceLanguage: true } });
  const snapshot = await loadStructureSnapshot({ db: tx, work, operation, isLocked: true });
  const outcome = planStructuralEdit(snapshot, operation);
  if (!outcome.ok) {
    const { refused, values } = outcome.refusal;
    throw new AppError('CONFLICT', 'structure.noLongerFits', { values: { message: outcome.message }, inLanguage: (locale) => ({ values: { message: errorTextIn(locale, `structureRefusal.${refused}`, values) } }) });
  }
  const { plan } = outcome;
  const changed = changedBases(bases, plan.bases);
  if (changed.length > 0) {
    throw new AppError('CONFLICT', 'structure.textChangedSinceProposed', { details: { changed } });
  }
  const waiting = plan.blocking.suggestionIds.length;
  if (waiting > 0) {
    throw new AppError('CONFLICT', 'structure.decideSuggestionsFirst', { values: { waiting }, details: { suggestionIds: plan.blocking.suggestionIds } });
  }
  if (isDryRun) return { revisionId: null, created: [], retired: [], revisionIds: [] };
  const applied = await writePlan(tx, { plan, workId: work.id, sourceLanguage: work.sourceLanguage, authorId: suggestion.authorId, editorId: reviewerId === suggestion.authorId ? null : reviewerId });
  await recordAuditEvent({
    db: tx,
    type: 'structure.applied',
    actorId: reviewerId,
    collectionId: suggestion.collectionId,
    workId: work.id,
    data: { suggestionId: suggestion.id, segmentId: plan.firstSegmentId, operation: operation.type, created: applied.created, retired: applied.retired, revisionIds: applied.revisionIds },
  });
  return applied;
}

async function writePlan(tx: Prisma.TransactionClient, { plan, workId, sourceLanguage, authorId, editorId }: { plan: StructurePlan; workId: string; sourceLanguage: string; authorId: string | null; editorId: string | null }): Promise<AppliedStructuralEdit> {
  const ids = new Map<string, string>();
  const resolve = (ref: string) => ids.get(ref) ?? ref;
  const stale = async () => new AppError('CONFLICT', 'structure.changedWhileApplying');

  // Paragraphs first: a created sentence may belong to a created paragraph.
  const creates = [...plan.creates].sort((a, b) => Number(b.kind === 'PARAGRAPH') - Number(a.kind === 'PARAGRAPH'));
  for (const create of creates) {
    const id = uuidv7();
    ids.set(create.ref, id);
    await tx.segment.create({
      data: { id, workId, parentId: create.parentRef ? resolve(create.parentRef) : null, kind: create.kind, level: create.level, orderKey: create.orderKey, label: create.label, style: create.style, speaker: create.speaker, chunk: create.chunk },
    });
  }
  for (const update of plan.updates) {
    // all segments: the plan names live segments it has just read under the work's lock.
    await tx.segment.update({
      where: { id: update.segmentId },
      data: {
        ...(update.kind !== undefined ? { kind: update.kind } : {}),
        ...(update.level !== undefined ? { level: update.level } : {}),
        ...(update.label !== undefined ? { label: update.label } : {}),
        ...(update.parentRef !== undefined ? { parentId: update.parentRef === null ? null : resolve(update.parentRef) } : {}),
        ...(update.orderKey !== undefined ? { orderKey: update.orderKey } : {}),
      },
    });
  }

  const newSource = new Map<string, string>();
  const revisionIds: string[] = [];
  for (const text of plan.texts) {
    const segmentId = resolve(text.segmentRef);
    const isSource = text.language === sourceLanguage;
    const sourceRevisionId = text.sourceRevision === 'new' ? (newSource.get(segmentId) ?? null) : null;
    const isUnset = text.sourceRevision === 'unset';
    const revisionId = await writeRevision({
      tx,
      segmentId,
      language: text.language,
      text: text.text,
      ...(text.emphasis ? { emphasis: text.emphasis } : {}),
      origin: 'STRUCTURE',
      authorId,
      editedById: editorId,
      expectedRevisionId: text.expectedRevisionId,
      onStale: stale,
      fields: sourceRevisionId || isUnset ? { sourceRevisionId } : {},
      revisionFields: isSource ? {} : { sourceRevisionId },
    });
    if (!revisionId) continue;
    revisionIds.push(revisionId);
    if (isSource) newSource.set(segmentId, revisionId);
  }
  for (const confirmation of plan.confirmations) {
    const segmentId = resolve(confirmation.segmentRef);
    const sourceRevisionId = newSource.get(segmentId);
    if (sourceRevisionId) await tx.segmentText.updateMany({ where: { segmentId, language: confirmation.language }, data: { sourceRevisionId, updatedAt: new Date() } });
  }
  for (const grouping of plan.groupings) await setTextGrouping({ tx, segmentId: resolve(grouping.segmentRef), language: grouping.language, continuesPrevious: true, alignScore: null });

  const now = new Date();
  for (const retire of plan.retires) {
    const replacedById = resolve(retire.replacedByRef);
    // all segments: a structural change retires the segment it replaces, recording its successor for permalinks.
    await tx.segment.update({ where: { id: retire.segmentId }, data: { retiredAt: now, replacedById } });
    // A retired paragraph's retired sentences (a re-import's) follow its live ones into the paragraph
    // replacing it, when they stand after it, so a re-import restoring one shows it in a live paragraph.
    // all segments: the sentences moved are retired ones.
    await tx.$executeRaw`
      UPDATE segment c SET parent_id = r.id
        FROM segment r
       WHERE c.parent_id = ${retire.segmentId}::uuid AND c.retired_at IS NOT NULL
         AND r.id = ${replacedById}::uuid AND r.kind = 'PARAGRAPH' AND c.order_key > r.order_key`;
  }
  for (const move of plan.markMoves) {
    const data = { segmentId: resolve(move.segmentRef), charOffset: move.charOffset };
    if (move.table === 'anchor') await tx.pageAnchor.update({ where: { id: move.id }, data });
    else await tx.footnoteRef.update({ where: { id: move.id }, data });
  }
  for (const move of plan.noteMoves) await tx.footnoteRef.update({ where: { id: move.refId }, data: { footnoteId: resolve(move.footnoteRef) } });
  for (const ref of plan.newRefs) await tx.footnoteRef.create({ data: { segmentId: ref.segmentId, footnoteId: resolve(ref.footnoteRef), label: ref.label, charOffset: ref.charOffset } });
  for (const move of plan.discussionMoves) {
    await tx.comment.updateMany({ where: { segmentId: move.from }, data: { segmentId: resolve(move.to) } });
    await tx.readerReport.updateMany({ where: { segmentId: move.from }, data: { segmentId: resolve(move.to) } });
  }
  return {
    revisionId: newSource.get(plan.firstSegmentId) ?? null,
    created: [...ids.values()],
    retired: plan.retires.map((retire) => retire.segmentId),
    revisionIds,
  };
}
