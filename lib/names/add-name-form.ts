import 'server-only';

import { changeName } from './change-name';
import { cleanFormText, currentFormInputs, replaceNameForms } from './name-forms';
import type { AddNameFormInput } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, type Actor } from '../auth/permissions';
import type { DbClient } from '../db/client';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';

/**
 * Adds a written form to a name, as an editor's: its preferred form in a language (the one
 * preferred before stays as a variant; a variant written the same is promoted), or a variant of
 * one language or of any (`language` absent). A Russian form brings its transliterations. Throws
 * NOT_FOUND, UNAUTHENTICATED, FORBIDDEN, INVALID_INPUT (a preferred form needs a language; too
 * many forms), CONFLICT (the form is there already).
 */
export async function addNameForm({ actor, input, db }: { actor: Actor; input: AddNameFormInput; db?: DbClient }): Promise<{ id: string }> {
  return changeName({ actor, nameId: input.nameId, db }, async (tx, name) => {
    const language = input.language ?? null;
    if (input.isPreferred && language === null) throw new AppError('INVALID_INPUT', 'names.preferredNeedsLanguage', { details: { language: [fieldMessage('field.chooseLanguage')] } });
    const text = cleanFormText(input.text);
    const forms = await currentFormInputs(tx, name.id);
    const same = forms.find((form) => form.text === text && form.language === language);
    if (same && (same.isPreferred || !input.isPreferred)) throw new AppError('CONFLICT', 'names.formExists', { values: { text }, details: { text: [fieldMessage('field.alreadyAForm')] } });
    const next = forms
      .filter((form) => form !== same)
      .map((form) => (input.isPreferred && form.language === language ? { ...form, isPreferred: false } : form));
    next.push({ text, language, isPreferred: input.isPreferred, origin: 'EDITOR' });
    await replaceNameForms(tx, name, next);
    await recordAuditEvent({ db: tx, type: 'name.updated', actorId: actorUserId(actor), collectionId: name.collectionId, data: { nameId: name.id, changes: ['forms'] } });
    return { result: { id: name.id } };
  });
}
