import 'server-only';

import { changeName } from './change-name';
import { currentFormInputs, replaceNameForms } from './name-forms';
import type { RemoveNameFormInput } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, type Actor } from '../auth/permissions';
import type { DbClient } from '../db/client';
import { AppError } from '../errors/app-error';

/**
 * Removes a form of a name. A transliteration cannot be removed by itself: it stands as long as
 * the Russian form it is made from. A name keeps at least one form. Throws NOT_FOUND,
 * UNAUTHENTICATED, FORBIDDEN, CONFLICT.
 */
export async function removeNameForm({ actor, input, db }: { actor: Actor; input: RemoveNameFormInput; db?: DbClient }): Promise<{ id: string }> {
  return changeName({ actor, nameId: input.nameId, db }, async (tx, name) => {
    const form = await tx.nameForm.findFirst({ where: { id: input.formId, nameId: name.id }, select: { text: true, language: true, origin: true } });
    if (!form) throw new AppError('NOT_FOUND', 'names.notAForm');
    if (form.origin === 'TRANSLITERATION') throw new AppError('CONFLICT', 'names.transliterationFromRussian');
    const forms = await currentFormInputs(tx, name.id);
    const rest = forms.filter((other) => !(other.text === form.text && other.language === form.language));
    if (rest.length === 0) throw new AppError('CONFLICT', 'names.lastForm');
    await replaceNameForms(tx, name, rest);
    await recordAuditEvent({ db: tx, type: 'name.updated', actorId: actorUserId(actor), collectionId: name.collectionId, data: { nameId: name.id, changes: ['forms'] } });
    return { result: { id: name.id } };
  });
}
