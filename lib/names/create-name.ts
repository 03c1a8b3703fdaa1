import 'server-only';

import { queueConfirmed } from './change-name';
import { findSameNames } from './find-same-names';
import { buildNameFormRows, insertNameForms, nameLabel } from './name-forms';
import { lockCollectionNames, refreshNameMentions } from './refresh-name-mentions';
import type { CreateNameInput } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, assertCan, can, type Actor } from '../auth/permissions';
import { getDb, type DbClient } from '../db/client';
import { uuidv7 } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { errorText } from '../errors/error-text';
import { errorTextIn } from '../errors/localize-error';

/**
 * Adds a person or place to a collection's names with its preferred form in one language (and,
 * for a Russian form, its transliterations): confirmed at once when the actor manages the
 * collection's names, else (`names.propose`) a proposal waiting for an editor. A name already
 * written so in the collection is refused, a rejected one saying it was rejected. A confirmed
 * name's mentions are found before this returns. Throws NOT_FOUND (no such collection),
 * UNAUTHENTICATED, FORBIDDEN, CONFLICT, INVALID_INPUT.
 */
export async function createName({ actor, input, db = getDb() }: { actor: Actor; input: CreateNameInput; db?: DbClient }): Promise<{ id: string; status: 'PROPOSED' | 'CONFIRMED' }> {
  const collection = await db.collection.findUnique({ where: { id: input.collectionId }, select: { id: true } });
  if (!collection) throw new AppError('NOT_FOUND', 'collection.notFound');
  const status = can(actor, 'names.manage', { collectionId: collection.id }) ? 'CONFIRMED' : 'PROPOSED';
  if (status === 'PROPOSED') assertCan(actor, 'names.propose', { collectionId: collection.id });
  const id = uuidv7();
  await db.$transaction(
    async (tx) => {
      await lockCollectionNames(tx, collection.id);
      const [same] = await findSameNames(tx, { collectionId: collection.id, text: input.text, language: input.language });
      if (same) {
        throw new AppError('CONFLICT', 'names.alreadyExists', { values: { text: input.text, status: same.status, label: same.label }, details: { text: [errorText('field.alreadyThereAs', { label: same.label })] }, inLanguage: (locale) => ({ details: { text: [errorTextIn(locale, 'field.alreadyThereAs', { label: same.label })] } }) });
      }
      const [rows = []] = await buildNameFormRows(tx, [{ nameId: id, collectionId: collection.id, kind: input.kind, forms: [{ text: input.text, language: input.language, isPreferred: true, origin: 'EDITOR' }] }]);
      await tx.nameEntry.create({ data: { id, collectionId: collection.id, kind: input.kind, status, note: input.note, createdById: actorUserId(actor), ...nameLabel(rows) } });
      await insertNameForms(tx, rows);
      await queueConfirmed(tx, collection.id, [id]);
      await recordAuditEvent({ db: tx, type: 'name.created', actorId: actorUserId(actor), collectionId: collection.id, data: { nameId: id, kind: input.kind, status, label: nameLabel(rows).label } });
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
  if (status === 'CONFIRMED') await refreshNameMentions({ db, collectionId: collection.id });
  return { id, status };
}
