import 'server-only';

import { findCollectionLanguages } from './find-collection-languages';
import { presentNames } from './present-names';
import { refreshNameMentions } from './refresh-name-mentions';
import type { NameIndexQuery } from './schemas';
import type { NameIndexPage } from './types';
import { assertCan, can, type Actor } from '../auth/permissions';
import { NAME_INDEX_PAGE_SIZE } from '../config/limits';
import { getDb, type DbClient, type Prisma } from '../db/client';
import { AppError } from '../errors/app-error';

const NAME_ROW = { id: true, kind: true, status: true, note: true, label: true } as const;

/**
 * A page of a collection's name index (public: `names.read`): its confirmed persons and places
 * in the order of their head words (surnames), each with its forms and how often the published
 * texts mention it, filtered by kind and by letters its forms contain; for those who manage the
 * collection's names, also a page of the proposals waiting for them and the works the seeding
 * may read. The texts published or changed since the last read are scanned first
 * (lib/names/refresh-name-mentions.ts), so the figures are current. Throws NOT_FOUND.
 */
export async function findNameIndex({ actor, query, db = getDb() }: { actor: Actor; query: NameIndexQuery; db?: DbClient }): Promise<NameIndexPage> {
  const collection = await db.collection.findUnique({ where: { id: query.collectionId }, select: { id: true, title: true, slug: true } });
  if (!collection) throw new AppError('NOT_FOUND', 'collection.notFound');
  assertCan(actor, 'names.read', { collectionId: collection.id });
  const abilities = { canManage: can(actor, 'names.manage', { collectionId: collection.id }), canPropose: can(actor, 'names.propose', { collectionId: collection.id }) };
  const { pending } = await refreshNameMentions({ db, collectionId: collection.id });

  const where: Prisma.NameEntryWhereInput = {
    collectionId: collection.id,
    status: 'CONFIRMED',
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.q ? { forms: { some: { text: { contains: query.q, mode: 'insensitive' } } } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.nameEntry.count({ where }),
    db.nameEntry.findMany({ where, orderBy: [{ sortKey: 'asc' }, { id: 'asc' }], skip: (query.page - 1) * NAME_INDEX_PAGE_SIZE, take: NAME_INDEX_PAGE_SIZE, select: NAME_ROW }),
  ]);
  const proposalsWhere: Prisma.NameEntryWhereInput = { collectionId: collection.id, status: 'PROPOSED' };
  const [proposalCount, proposalRows, works] = abilities.canManage
    ? await Promise.all([
        db.nameEntry.count({ where: proposalsWhere }),
        db.nameEntry.findMany({ where: proposalsWhere, orderBy: [{ sortKey: 'asc' }, { id: 'asc' }], skip: (query.proposals - 1) * NAME_INDEX_PAGE_SIZE, take: NAME_INDEX_PAGE_SIZE, select: NAME_ROW }),
        db.work.findMany({ where: { collectionId: collection.id, part: 'WORK' }, orderBy: [{ title: 'asc' }, { id: 'asc' }], take: 500, select: { id: true, title: true } }),
      ])
    : [0, [], []];
  const [names, proposals] = await Promise.all([presentNames(db, rows), presentNames(db, proposalRows)]);
  return {
    collection,
    names,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / NAME_INDEX_PAGE_SIZE)),
    total,
    proposals,
    proposalCount,
    pendingScans: pending,
    languages: await findCollectionLanguages(db, collection.id),
    works,
    abilities,
  };
}
