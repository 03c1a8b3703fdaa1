import 'server-only';

import { changeName } from './change-name';
import { currentFormInputs, replaceNameForms } from './name-forms';
import type { UpdateNameInput } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, type Actor } from '../auth/permissions';
import type { DbClient } from '../db/client';

/**
 * Changes a name's kind (person or place: which word of each form is its head, so its forms are
 * keyed again) and note. Throws NOT_FOUND, UNAUTHENTICATED, FORBIDDEN.
 */
export async function updateName({ actor, input, db }: { actor: Actor; input: UpdateNameInput; db?: DbClient }): Promise<{ id: string }> {
  return changeName({ actor, nameId: input.nameId, db }, async (tx, name) => {
    const changes: ('kind' | 'note')[] = [];
    if (input.kind !== name.kind) changes.push('kind');
    if (input.note !== name.note) changes.push('note');
    if (changes.length === 0) return { result: { id: name.id } };
    await tx.nameEntry.update({ where: { id: name.id }, data: { kind: input.kind, note: input.note } });
    if (changes.includes('kind')) await replaceNameForms(tx, { ...name, kind: input.kind }, await currentFormInputs(tx, name.id));
    await recordAuditEvent({ db: tx, type: 'name.updated', actorId: actorUserId(actor), collectionId: name.collectionId, data: { nameId: name.id, changes } });
    return { result: { id: name.id } };
  });
}
