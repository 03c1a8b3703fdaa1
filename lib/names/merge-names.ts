import 'server-only';

import { changeName } from './change-name';
import { currentFormInputs, replaceNameForms } from './name-forms';
import type { MergeNamesInput } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, type Actor } from '../auth/permissions';
import type { DbClient } from '../db/client';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/**
 * Merges a name into another of its collection, named by its id or by one of its forms as
 * written (letter case aside; one name must have it): the other name takes its forms (a
 * preferred form stays preferred where the other has none in its language, else becomes a
 * variant) and its note where it has none, is confirmed if either was, and this name is
 * removed. Throws NOT_FOUND (no such name, or none written so), CONFLICT (several are written
 * so: name it by a longer form; or the same name), UNAUTHENTICATED, FORBIDDEN.
 */
export async function mergeNames({ actor, input, db }: { actor: Actor; input: MergeNamesInput; db?: DbClient }): Promise<{ id: string; collectionId: string }> {
  return changeName({ actor, nameId: input.nameId, db }, async (tx, name) => {
    const into = input.into.trim();
    const targets = UUID.test(into)
      ? await tx.nameEntry.findMany({ where: { id: into, collectionId: name.collectionId }, select: { id: true, label: true } })
      : await tx.nameEntry.findMany({
          where: { collectionId: name.collectionId, id: { not: name.id }, forms: { some: { text: { equals: into, mode: 'insensitive' } } } },
          select: { id: true, label: true },
          take: 5,
        });
    const [target] = targets;
    if (!target) throw new AppError('NOT_FOUND', 'names.mergeTargetMissing', { values: { into }, details: { into: [fieldMessage('field.noNameWrittenSo')] } });
    if (targets.length > 1) throw new AppError('CONFLICT', 'names.mergeTargetAmbiguous', { values: { into, labels: targets.map((t) => t.label).join(', ') }, details: { into: [fieldMessage('field.severalNamesWrittenSo')] } });
    if (target.id === name.id) throw new AppError('CONFLICT', 'names.mergeIntoItself', { details: { into: [fieldMessage('field.thisName')] } });
    const other = await tx.nameEntry.findUniqueOrThrow({ where: { id: target.id }, select: { id: true, collectionId: true, kind: true, status: true, note: true } });
    const kept = await currentFormInputs(tx, other.id);
    const preferred = new Set(kept.filter((form) => form.isPreferred).map((form) => form.language));
    const seen = new Set(kept.map((form) => `${form.language ?? ''}\u0000${form.text}`));
    for (const form of await currentFormInputs(tx, name.id)) {
      if (seen.has(`${form.language ?? ''}\u0000${form.text}`)) continue;
      const isPreferred = form.isPreferred && !preferred.has(form.language);
      if (isPreferred) preferred.add(form.language);
      kept.push({ ...form, isPreferred });
    }
    // This name's mentions were queued for a new scan before the change; deleting it deletes them.
    await tx.nameEntry.delete({ where: { id: name.id } });
    await tx.nameEntry.update({
      where: { id: other.id },
      data: { status: other.status === 'CONFIRMED' || name.status === 'CONFIRMED' ? 'CONFIRMED' : other.status, note: other.note || name.note },
    });
    await replaceNameForms(tx, other, kept);
    await recordAuditEvent({ db: tx, type: 'name.merged', actorId: actorUserId(actor), collectionId: name.collectionId, data: { nameId: name.id, intoId: other.id } });
    return { result: { id: other.id, collectionId: other.collectionId }, touched: [other.id] };
  });
}
