import 'server-only';

import { assertCollection, entrySelect, presentEntry } from './glossary-rows';
import { partOfSpeechEnum, usageOf } from './glossary-values';
import { GLOSSARY_PAGE_SIZE, type GlossaryListQuery } from './schemas';
import type { GlossaryPage } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { getReadDb, type Db, type Prisma } from '../db/client';

/**
 * A page of a collection's glossary for a language pair, in the order of the terms: approved
 * terms with their approved translations. `q` finds part of a term or of a translation (case
 * aside; trigram indexes) and the term in any inflected form ("Коминтерна" finds "Коминтерн":
 * its stems, by the first-stem index); `status` keeps terms with a translation of that status,
 * `partOfSpeech` terms of that part of speech. Everyone who may read works may read it. Throws
 * NOT_FOUND (no such collection).
 */
export async function findGlossaryEntries({ actor, input, db = getReadDb() }: { actor: Actor; input: GlossaryListQuery; db?: Db }): Promise<GlossaryPage> {
  await assertCollection(db, input.collectionId);
  assertCan(actor, 'glossary.read', { collectionId: input.collectionId });
  const where: Prisma.GlossaryTermWhereInput = { collectionId: input.collectionId, sourceLanguage: input.source, targetLanguage: input.target, state: 'APPROVED' };
  const and: Prisma.GlossaryTermWhereInput[] = [];
  const q = input.q.replace(/\s+/gu, ' ').toLowerCase();
  if (q !== '') {
    const [stemmed] = await db.$queryRaw<{ stems: string[] }[]>`SELECT glossary_stems(${input.source}, ${q}) AS stems`;
    const stems = stemmed?.stems ?? [];
    and.push({
      OR: [
        { termKey: { contains: q } },
        { translations: { some: { state: 'APPROVED', textKey: { contains: q } } } },
        ...(stems[0] === undefined ? [] : [{ firstStem: stems[0], stems: { hasEvery: stems } }]),
      ],
    });
  }
  if (input.status) and.push({ translations: { some: { state: 'APPROVED', usage: usageOf(input.status) } } });
  if (input.partOfSpeech) and.push({ partOfSpeech: partOfSpeechEnum(input.partOfSpeech) });
  if (and.length > 0) where.AND = and;
  const [total, rows] = await Promise.all([
    db.glossaryTerm.count({ where }),
    db.glossaryTerm.findMany({ where, orderBy: [{ termKey: 'asc' }, { id: 'asc' }], skip: (input.page - 1) * GLOSSARY_PAGE_SIZE, take: GLOSSARY_PAGE_SIZE, select: entrySelect }),
  ]);
  return { entries: rows.map((row) => presentEntry(row)), total, page: input.page, pageCount: Math.max(1, Math.ceil(total / GLOSSARY_PAGE_SIZE)) };
}
