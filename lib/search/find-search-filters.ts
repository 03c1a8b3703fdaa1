import 'server-only';

import type { SearchInput } from './schemas';
import { assertCan, type Actor } from '../auth/permissions';
import { getReadDb, type Db } from '../db/client';

export interface SearchFilters {
  collections: { id: string; title: string }[];
  /** Languages the library has texts in. */
  languages: string[];
  /** The volume and work a search is narrowed to, by title (null when not narrowed or unknown). */
  volume: { id: string; title: string } | null;
  work: { id: string; title: string } | null;
}

/** What the search form offers to filter by, and the titles of the volume or work a search is narrowed to. */
export async function findSearchFilters({ actor, input, db = getReadDb() }: { actor: Actor; input: Pick<SearchInput, 'volume' | 'work'>; db?: Db }): Promise<SearchFilters> {
  assertCan(actor, 'work.read');
  const [collections, languages, volume, work] = await Promise.all([
    db.collection.findMany({ orderBy: { title: 'asc' }, select: { id: true, title: true } }),
    db.workLanguage.findMany({ distinct: ['language'], orderBy: { language: 'asc' }, select: { language: true } }),
    input.volume === undefined ? null : db.volume.findUnique({ where: { id: input.volume }, select: { id: true, title: true } }),
    input.work === undefined ? null : db.work.findUnique({ where: { id: input.work }, select: { id: true, title: true } }),
  ]);
  return { collections, languages: languages.map((row) => row.language), volume, work };
}
