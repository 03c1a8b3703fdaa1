import 'server-only';

import { lookupMemory } from './lookup-memory';
import { MAX_MEMORY_MATCHES, type MemoryQuery } from './schemas';
import type { MemoryMatches } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { collectionIdsInScope, liveSegmentSql } from '../auth/scope';
import { getReadDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { loadSegmentContext } from '../segment/segment-context';

interface SourceRow {
  text: string | null;
  previous_key: bigint | null;
  next_key: bigint | null;
}

/**
 * Translation memory for the segment being translated into `lang` (docs/memory.md): the best
 * {@link MAX_MEMORY_MATCHES} exact and fuzzy matches of its published source among the library's
 * published translations and imported memories the actor may read, each with its percentage, the
 * word diff from its stored source, its provenance, and whether it is an in-context exact match.
 * Only for those who may edit the work's texts. NOT_FOUND for a segment of another work or a
 * retired one; INVALID_INPUT when `lang` is the work's source language.
 */
export async function findMemoryMatches({ actor, input, db = getReadDb() }: { actor: Actor; input: MemoryQuery; db?: Db }): Promise<MemoryMatches> {
  const context = await loadSegmentContext(db, input.segment);
  if (context.workId !== input.workId || context.isRetired) throw new AppError('NOT_FOUND', 'segment.notFound');
  assertCan(actor, 'segment.edit', { collectionId: context.collectionId });
  if (input.lang === context.sourceLanguage) throw new AppError('INVALID_INPUT', 'memory.sourceLanguageChosen');

  const [source] = await db.$queryRaw<SourceRow[]>`
    SELECT r.text,
           (SELECT memory_exact_key(pr.text) FROM segment_text pt
              JOIN revision pr ON pr.id = pt.published_revision_id
             WHERE pt.language = ${context.sourceLanguage} AND pt.segment_id = (SELECT x.id FROM segment x WHERE x.work_id = s.work_id AND x.order_key < s.order_key AND x.kind <> 'PARAGRAPH' AND ${liveSegmentSql('x')}
                            ORDER BY x.order_key DESC LIMIT 1)) AS previous_key,
           (SELECT memory_exact_key(nr.text) FROM segment_text nt
              JOIN revision nr ON nr.id = nt.published_revision_id
             WHERE nt.language = ${context.sourceLanguage} AND nt.segment_id = (SELECT y.id FROM segment y WHERE y.work_id = s.work_id AND y.order_key > s.order_key AND y.kind <> 'PARAGRAPH' AND ${liveSegmentSql('y')}
                            ORDER BY y.order_key LIMIT 1)) AS next_key
      FROM segment s
      JOIN segment_text st ON st.segment_id = s.id AND st.language = ${context.sourceLanguage}
      JOIN revision r ON r.id = st.published_revision_id
     WHERE s.id = ${input.segment}::uuid AND ${liveSegmentSql('s')}`;
  if (!source?.text?.trim()) return { sourceText: null, matches: [] };

  const matches = await lookupMemory(db, {
    sourceLanguage: context.sourceLanguage,
    targetLanguage: input.lang,
    text: source.text,
    previousKey: source.previous_key,
    nextKey: source.next_key,
    excludeSegmentId: input.segment,
    // Every collection is public today; a private one will narrow this set, in one place.
    collectionIds: collectionIdsInScope(actor, 'work.read'),
    minPercent: input.min,
    limit: MAX_MEMORY_MATCHES,
  });
  return { sourceText: source.text, matches };
}
