import 'server-only';

import { planReimport, type ReimportPlan } from './plan-reimport';
import type { CleanupChoice } from './prepare-text';
import { linkFootnotes } from './store-work';
import type { ReimportSummary } from './types';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { liveSegmentSql } from '../auth/scope';
import { queuePublishedTexts } from '../collab/queue-published-texts';
import { getDb, withTransaction, type Db, type Prisma } from '../db/client';
import { AppError } from '../errors/app-error';
import { writeRevision } from '../revision/write-revision';
import { insertPageAnchors, insertSegmentRows } from '../segment/insert-segment-rows';
import type { PageMark } from '../segment/segmenter';

export type { ReimportSummary } from './types';

/** Examples kept per kind of outcome in a summary. */
const EXAMPLES = 8;

export interface ReimportWorkOptions {
  actor: Actor;
  workId: string;
  /** Cleanup choices, as an import takes them (`{ rules: { 'running-headers': true } }`). */
  rules: CleanupChoice;
  /** Report what would change, write nothing. */
  dryRun?: boolean;
  db?: Db;
}

/**
 * Runs the import of a work again on its original upload with other cleanup choices, as new
 * revisions: texts nobody edited since the import that the new cleanup reads differently get a
 * CLEANUP revision (translations of them turn stale), new text is inserted in place, and nothing
 * is deleted: segments the new text no longer has are retired (hidden from readers and editors,
 * kept with their revisions and translations) and retired segments it has again are restored, so
 * re-running with the earlier choices undoes a cleanup. Texts edited by people are kept, with or
 * without a counterpart (those without are reported). One transaction with a `work.reimported`
 * audit event carrying the counts; the work row is locked so two re-imports of one work run one
 * after the other. Throws NOT_FOUND, UNAUTHENTICATED/FORBIDDEN (`work.import` on the work's
 * collection), INVALID_INPUT and the errors of decoding.
 */
export async function reimportWork({ actor, workId, rules, dryRun = false, db = getDb() }: ReimportWorkOptions): Promise<ReimportSummary> {
  if (dryRun) return summarize(await planReimport({ actor, workId, rules, db }), { isDryRun: true, conflicts: [], inserted: null, retired: null });
  return withTransaction(
    db,
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM work WHERE id = ${workId}::uuid FOR UPDATE`;
      const plan = await planReimport({ actor, workId, rules, db: tx });
      return applyReimportPlan({ actor, plan, db: tx });
    },
    { timeoutMs: 120_000 },
  );
}

/**
 * Writes a plan made by `planReimport`. Each change is a compare-and-set on the revision the plan
 * saw, so a text changed since then is reported as a conflict and left as it is; the rest of the
 * plan is applied. Throws FORBIDDEN/UNAUTHENTICATED.
 */
export async function applyReimportPlan({ actor, plan, db = getDb() }: { actor: Actor; plan: ReimportPlan; db?: Db }): Promise<ReimportSummary> {
  assertCan(actor, 'work.import', { collectionId: plan.collectionId });
  const authorId = actorUserId(actor);
  return withTransaction(
    db,
    async (tx) => {
      // Restored first: a restored text the new cleanup reads differently gets its revision below, and a retired segment takes none.
      await restoreSegments(tx, plan.restored.map((segment) => segment.segmentId));
      const conflicts: ReimportPlan['changes'] = [];
      const written: ReimportPlan['changes'] = [];
      for (const change of plan.changes) {
        try {
          await writeRevision({ tx, segmentId: change.segmentId, language: plan.language, text: change.after, emphasis: change.emphasis, origin: 'CLEANUP', authorId, expectedRevisionId: change.expectedRevisionId });
        } catch (error) {
          // The compare-and-set failed after a plain SELECT: the transaction is still usable.
          if (error instanceof AppError && error.code === 'STALE_BASE') {
            conflicts.push(change);
            continue;
          }
          throw error;
        }
        written.push(change);
      }
      for (const change of plan.layoutChanges) {
        // all segments: the plan's layout changes include segments this run restores.
        await tx.segment.update({ where: { id: change.segmentId }, data: { style: change.style, label: change.label, speaker: change.speaker, level: change.level } });
      }
      await replacePageAnchors(tx, plan.workId, [...written.map(({ segmentId, pages }) => ({ segmentId, pages })), ...plan.pageMoves]);

      const notes = new Map(plan.notes);
      const refs: { segmentId: string; label: string; offset: number; key?: string }[] = [];
      let inserted = 0;
      for (const insertion of plan.insertions) {
        const result = await insertSegmentRows({ tx, workId: plan.workId, language: plan.language, rows: insertion.rows, authorId, afterKey: insertion.afterKey, beforeKey: insertion.beforeKey, chunk: insertion.chunk, existingParentIds: insertion.existingParentIds });
        insertion.rows.forEach((row, index) => {
          const segmentId = result.segmentIds[index] as string;
          if (row.text !== null) inserted += 1;
          const noteKey = row.noteKey ?? row.label;
          if (row.kind === 'FOOTNOTE' && noteKey && !notes.has(noteKey)) notes.set(noteKey, segmentId);
          for (const ref of row.footnoteRefs ?? []) refs.push({ segmentId, label: ref.label, offset: ref.offset, key: ref.key });
        });
      }
      // The references of a changed text moved with its words: they are linked again from the new
      // text. A reference a structural edit made (to a sentence it made a note) is not in the
      // upload: it stays, inside the new text.
      if (written.length > 0) {
        const segmentIds = written.map((change) => change.segmentId);
        const structural = [...plan.structural];
        await tx.footnoteRef.deleteMany({ where: { segmentId: { in: segmentIds }, footnoteId: { notIn: structural } } });
        for (const change of written) await tx.footnoteRef.updateMany({ where: { segmentId: change.segmentId, charOffset: { gt: change.after.length } }, data: { charOffset: change.after.length } });
      }
      for (const change of written) for (const ref of change.footnoteRefs) refs.push({ segmentId: change.segmentId, label: ref.label, offset: ref.offset, key: ref.key });
      await linkFootnotes({ tx, works: [{ notes, refs }] });

      const retired = await retireSegments(tx, plan);
      await settleParagraphs(tx, plan);

      const summary = summarize(plan, { isDryRun: false, conflicts, inserted, retired });
      await recordAuditEvent({ db: tx, type: 'work.reimported', actorId: authorId, collectionId: plan.collectionId, workId: plan.workId, data: { uploadId: plan.uploadId, rules: plan.rules, counts: summary.counts } });
      return summary;
    },
    { timeoutMs: 120_000 },
  );
}

/**
 * Retires the segments the new text no longer has, each only while its source text is still the
 * revision the plan saw (a text edited meanwhile stays). Returns those retired.
 */
async function retireSegments(tx: Prisma.TransactionClient, plan: ReimportPlan): Promise<ReimportPlan['retired']> {
  if (plan.retired.length === 0) return [];
  // all segments: retiring is what re-import does; only live segments are retired.
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE segment s SET retired_at = now()
      FROM unnest(${plan.retired.map((segment) => segment.segmentId)}::uuid[], ${plan.retired.map((segment) => segment.expectedRevisionId)}::uuid[]) AS x(id, revision_id),
           segment_text t
     WHERE s.id = x.id AND t.segment_id = s.id AND t.language = ${plan.language} AND t.published_revision_id = x.revision_id AND ${liveSegmentSql('s')}
    RETURNING s.id`;
  const done = new Set(rows.map((row) => row.id));
  return plan.retired.filter((segment) => done.has(segment.segmentId));
}

/** Shows retired segments again, and queues their texts for live documents opened meanwhile. */
async function restoreSegments(tx: Prisma.TransactionClient, segmentIds: readonly string[]): Promise<void> {
  if (segmentIds.length === 0) return;
  // all segments: restoring is what re-import does, to retired segments the new text has again.
  await tx.$executeRaw`UPDATE segment SET retired_at = NULL WHERE id = ANY(${segmentIds}::uuid[])`;
  await queuePublishedTexts(tx, segmentIds);
}

/**
 * Retires the paragraphs the plan leaves without a live sentence, unless one is live after all (a
 * sentence edited meanwhile was not retired), and restores those that have one again.
 */
async function settleParagraphs(tx: Prisma.TransactionClient, plan: ReimportPlan): Promise<void> {
  const { retired, restored } = plan.paragraphs;
  if (retired.length > 0) {
    // all segments: retiring is what re-import does; only live paragraphs without a live sentence are retired.
    await tx.$executeRaw`
      UPDATE segment p SET retired_at = now()
       WHERE p.id = ANY(${retired}::uuid[]) AND ${liveSegmentSql('p')}
         AND NOT EXISTS (SELECT 1 FROM segment c WHERE c.parent_id = p.id AND ${liveSegmentSql('c')})`;
  }
  // all segments: restoring is what re-import does, to paragraphs that have a live sentence again.
  if (restored.length > 0) await tx.$executeRaw`UPDATE segment SET retired_at = NULL WHERE id = ANY(${restored}::uuid[])`;
}

/** Sets the page anchors of segments to the ones the new cleanup found in their texts. */
async function replacePageAnchors(tx: Prisma.TransactionClient, workId: string, items: readonly { segmentId: string; pages: readonly PageMark[] }[]): Promise<void> {
  if (items.length === 0) return;
  await tx.pageAnchor.deleteMany({ where: { segmentId: { in: items.map((item) => item.segmentId) } } });
  await insertPageAnchors(tx, workId, items.flatMap((item) => item.pages.map((page) => ({ segmentId: item.segmentId, label: page.label, charOffset: page.offset }))));
}

function summarize(plan: ReimportPlan, outcome: { isDryRun: boolean; conflicts: ReimportPlan['changes']; inserted: number | null; retired: ReimportPlan['retired'] | null }): ReimportSummary {
  const retired = (outcome.retired ?? plan.retired).map(({ segmentId, text }) => ({ segmentId, text }));
  const conflicting = new Set(outcome.conflicts.map((change) => change.segmentId));
  const changed = plan.changes.filter((change) => !conflicting.has(change.segmentId));
  const insertedTexts = plan.insertions.flatMap((insertion) => insertion.rows.flatMap((row) => (row.text === null ? [] : [{ text: row.text, afterSegmentId: insertion.afterSegmentId }])));
  const brief = ({ segmentId, before, after }: ReimportPlan['changes'][number]) => ({ segmentId, before, after });
  return {
    workId: plan.workId,
    isDryRun: outcome.isDryRun,
    cleanup: plan.cleanup,
    counts: {
      changed: changed.length,
      inserted: outcome.inserted ?? insertedTexts.length,
      unmatchedOld: plan.unmatchedOld.length,
      retired: retired.length,
      restored: plan.restored.length,
      keptEdited: plan.keptEdited.length,
      conflicts: outcome.conflicts.length,
      unchanged: plan.unchanged,
      pagesMoved: plan.pageMoves.length,
      layoutsChanged: plan.layoutChanges.length,
    },
    examples: {
      changed: changed.slice(0, EXAMPLES).map(brief),
      inserted: insertedTexts.slice(0, EXAMPLES),
      unmatchedOld: plan.unmatchedOld.slice(0, EXAMPLES),
      retired: retired.slice(0, EXAMPLES),
      restored: plan.restored.slice(0, EXAMPLES),
      keptEdited: plan.keptEdited.slice(0, EXAMPLES),
      conflicts: outcome.conflicts.slice(0, EXAMPLES).map(brief),
    },
    unmatchedOldSegmentIds: plan.unmatchedOld.map((segment) => segment.segmentId),
  };
}
