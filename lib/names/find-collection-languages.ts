import 'server-only';

import type { Db } from '../db/client';

/** The languages a collection's works are read in, sorted: what a name's forms may be written in. */
export async function findCollectionLanguages(db: Db, collectionId: string): Promise<string[]> {
  const rows = await db.workLanguage.findMany({ where: { work: { collectionId } }, distinct: ['language'], orderBy: { language: 'asc' }, select: { language: true } });
  return rows.map((row) => row.language);
}
