import 'server-only';

import { prepareStructuralEdit } from './prepare-structural-edit';
import type { StoredStructuralEdit } from './stored-structural-edit';
import { proposeStructuralEditInput, type ProposeStructuralEditInput, type StructurePreview } from './structural-operation';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, type Actor } from '../auth/permissions';
import { MAX_WAITING_STRUCTURE_PER_AUTHOR } from '../config/limits';
import { getDb, withTransaction, type Db, type Prisma } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';

/**
 * Proposes a structural edit of a work's source (split, merge, change of kind, paragraphs cut or
 * joined) for review: validates it fully against the current state and stores a STRUCTURE
 * suggestion filed under the first segment it concerns, in the source language, with a one-line
 * summary as its text, the source revision of that segment as its base and, in `operation`, the
 * operation with every published revision it depends on (a later change of any of them refuses
 * the approval). Nothing of the text changes until a reviewer approves it
 * (lib/review/decide-suggestion.ts). Throws UNAUTHENTICATED, FORBIDDEN (may not suggest in the
 * collection), NOT_FOUND (work or segment), INVALID_INPUT (wrong kinds, not adjacent, a cut inside
 * a word…) and CONFLICT (a base no longer published, a segment no longer live, the same change
 * already waiting for review, or {@link MAX_WAITING_STRUCTURE_PER_AUTHOR} of the proposer's own
 * already waiting in this work).
 */
export async function proposeStructuralEdit({ actor, workId, input, db = getDb() }: { actor: Actor; workId: string; input: ProposeStructuralEditInput; db?: Db }): Promise<{ suggestionId: string; preview: StructurePreview }> {
  const { operation, note } = proposeStructuralEditInput.parse(input);
  if (!isUuid(workId)) throw new AppError('NOT_FOUND', 'work.notFoundThat');
  return withTransaction(db, async (tx) => {
    // Proposals on one work queue here, so the same change proposed twice at once is stored once.
    await tx.$queryRaw`SELECT id FROM work WHERE id = ${workId}::uuid FOR NO KEY UPDATE`;
    const { work, snapshot, plan } = await prepareStructuralEdit({ db: tx, actor, workId, operation });
    // The same change (jsonb equality of the stored operation: the same type and fields) already waiting.
    const twins = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM suggestion
       WHERE work_id = ${work.id}::uuid AND kind = 'STRUCTURE' AND status IN ('PENDING', 'APPROVED')
         AND operation->'operation' = ${JSON.stringify(operation)}::jsonb
       LIMIT 1`;
    if (twins[0]) throw new AppError('CONFLICT', 'structure.alreadyProposed', { details: { suggestionId: twins[0].id } });
    const authorId = actorUserId(actor);
    const mine = authorId ? await tx.suggestion.count({ where: { workId: work.id, kind: 'STRUCTURE', authorId, status: { in: ['PENDING', 'APPROVED'] } } }) : 0;
    if (mine >= MAX_WAITING_STRUCTURE_PER_AUTHOR) {
      throw new AppError('CONFLICT', 'structure.tooManyWaiting', { values: { mine }, details: { waiting: mine, limit: MAX_WAITING_STRUCTURE_PER_AUTHOR } });
    }

    const first = snapshot.named[plan.firstSegmentId] ?? snapshot.rows.find((row) => row.id === plan.firstSegmentId);
    const stored: StoredStructuralEdit = { operation, bases: plan.bases, note: note.trim() };
    const suggestion = await tx.suggestion.create({
      data: {
        segmentId: plan.firstSegmentId,
        language: work.sourceLanguage,
        workId: work.id,
        collectionId: work.collectionId,
        kind: 'STRUCTURE',
        authorId,
        baseRevisionId: first?.source?.revisionId ?? null,
        text: plan.preview.summary,
        operation: stored as unknown as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await recordAuditEvent({ db: tx, type: 'structure.proposed', actorId: authorId, collectionId: work.collectionId, workId: work.id, data: { suggestionId: suggestion.id, segmentId: plan.firstSegmentId, operation: operation.type } });
    return { suggestionId: suggestion.id, preview: plan.preview };
  });
}
