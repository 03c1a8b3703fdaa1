import 'server-only';

import { queueTextsOfNames } from './queue-name-texts';
import { lockCollectionNames, refreshNameMentions } from './refresh-name-mentions';
import { assertCan, type Actor } from '../auth/permissions';
import { getDb, type DbClient, type NameKind, type NameStatus, type Prisma } from '../db/client';
import { AppError } from '../errors/app-error';

/** A name as a change reads it (under the collection's names lock). */
export interface NameRecord {
  id: string;
  collectionId: string;
  kind: NameKind;
  status: NameStatus;
  note: string;
}

const NAME_RECORD = { id: true, collectionId: true, kind: true, status: true, note: true } as const;

/**
 * Runs a change of a name (its kind, note, forms, status, a merge) for an actor who may manage
 * the collection's names: in one transaction that holds the collection's names lock
 * (lib/names/refresh-name-mentions.ts) and queues for a new scan the texts the name's confirmed
 * forms are or may be in, before the change and after it (the change returns other names it
 * touched, a merge's target). Then scans the queued texts, so the index shows the change at
 * once. Throws NOT_FOUND (no such name, or merged away meanwhile), UNAUTHENTICATED, FORBIDDEN,
 * and what the change throws.
 */
export async function changeName<T>(
  { actor, nameId, db = getDb() }: { actor: Actor; nameId: string; db?: DbClient },
  change: (tx: Prisma.TransactionClient, name: NameRecord) => Promise<{ result: T; touched?: string[] }>,
): Promise<T> {
  const found = await db.nameEntry.findUnique({ where: { id: nameId }, select: { collectionId: true } });
  if (!found) throw new AppError('NOT_FOUND', 'names.notInIndex');
  assertCan(actor, 'names.manage', { collectionId: found.collectionId });
  const result = await db.$transaction(
    async (tx) => {
      await lockCollectionNames(tx, found.collectionId);
      const name = await tx.nameEntry.findUnique({ where: { id: nameId }, select: NAME_RECORD });
      if (!name) throw new AppError('NOT_FOUND', 'names.noLongerInIndex');
      await queueConfirmed(tx, found.collectionId, [name.id]);
      const outcome = await change(tx, name);
      await queueConfirmed(tx, found.collectionId, [name.id, ...(outcome.touched ?? [])]);
      return outcome.result;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
  await refreshNameMentions({ db, collectionId: found.collectionId });
  return result;
}

/** Queues the texts of those names that are confirmed (only they have mentions). */
export async function queueConfirmed(tx: Prisma.TransactionClient, collectionId: string, nameIds: readonly string[]): Promise<void> {
  const confirmed = await tx.nameEntry.findMany({ where: { id: { in: [...nameIds] }, status: 'CONFIRMED' }, select: { id: true } });
  await queueTextsOfNames(tx, { collectionId, nameIds: confirmed.map((name) => name.id) });
}
