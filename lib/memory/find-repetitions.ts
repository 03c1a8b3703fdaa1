import 'server-only';

import { findRepetitionWorks, loadRepetitionOrigin, openToTranslationSql, sameSentenceSql } from './repetition-candidates';
import type { Repetitions, RepetitionsQuery } from './repetition-schemas';
import { assertCan, type Actor } from '../auth/permissions';
import { liveSegmentSql } from '../auth/scope';
import { MAX_REPETITIONS_PER_FILL } from '../config/limits';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { loadSegmentContext } from '../segment/segment-context';

interface OccurrenceRow {
  id: string;
  work_id: string;
  chunk: number;
  text: string;
  position: bigint;
  previous_text: string | null;
  next_text: string | null;
  total: bigint;
  in_work: bigint;
}

const NONE = { counts: { work: 0, otherWorks: 0 }, occurrences: [], otherWorks: [] };

/**
 * The other occurrences of a segment's source sentence that its translation into `lang` could
 * fill (docs/memory.md, "Repetitions"): live text segments of the same work, and of the other
 * works of its volume where the actor may edit and suggest and that are read in `lang`, whose
 * published source is the same sentence by the memory's exact key (case and white space aside),
 * and that have no published translation in `lang`, no suggestion awaiting review there, and no
 * text grouped with a neighbour's. All are counted; the first {@link MAX_REPETITIONS_PER_FILL} are
 * listed (this work's in reading order, then the others' in printed order), each with where the
 * editor shows it and the sentences around it. None for a segment whose translation is grouped
 * with a neighbour's. Found through `source_key` (each published source's exact key, indexed by
 * work): the cost follows the sentence's occurrences in the works searched, not the size of the
 * work, the volume or the library. NOT_FOUND for a segment of another
 * work or a retired one; UNAUTHENTICATED/FORBIDDEN without `segment.edit` on the work;
 * INVALID_INPUT when `lang` is the work's source language.
 */
export async function findRepetitions({ actor, input, db = getDb() }: { actor: Actor; input: RepetitionsQuery; db?: Db }): Promise<Repetitions> {
  const context = await loadSegmentContext(db, input.segment);
  if (context.workId !== input.workId || context.isRetired) throw new AppError('NOT_FOUND', 'segment.notFound');
  assertCan(actor, 'segment.edit', { collectionId: context.collectionId });
  if (input.lang === context.sourceLanguage) throw new AppError('INVALID_INPUT', 'memory.repetitionsNeedTranslation');

  const origin = await loadRepetitionOrigin(db, { segmentId: input.segment, sourceLanguage: context.sourceLanguage, language: input.lang });
  const { works, isInVolume } = await findRepetitionWorks(db, actor, { workId: context.workId, sourceLanguage: context.sourceLanguage, language: input.lang });
  if (!origin || origin.isGrouped) return { sourceText: origin?.text ?? null, isInVolume, ...NONE };

  const workIds = works.map((work) => work.id);
  // The order and the plan are forced: the planner takes the text comparison for far more
  // selective than it is (it would compare every revision of the library), and for a sentence of
  // thousands of occurrences it would read whole tables to join them. So: the keys of each work
  // first, one index range per work (OFFSET 0 keeps it a lookup per work), then each segment found
  // looked up on its own (LIMIT 1: a lookup per row, never a join of whole tables), its text
  // compared last. Counted over every occurrence, listed up to the limit; the context of the
  // listed ones only. Without JIT compilation: the estimate of a frequent sentence's lookups passes
  // PostgreSQL's JIT threshold, and compiling took 300 ms of a 400 ms search that runs in 100 ms
  // without it (docs/benchmarks.md).
  const rows = await withTransaction(db, async (tx) => {
    await tx.$executeRaw`SET LOCAL jit = off`;
    return tx.$queryRaw<OccurrenceRow[]>`
      WITH keyed AS MATERIALIZED (
        SELECT k.segment_id, w.rank
          FROM unnest(${workIds}::uuid[]) WITH ORDINALITY w(id, rank)
          CROSS JOIN LATERAL (SELECT x.segment_id FROM source_key x WHERE x.work_id = w.id AND x.exact_key = ${origin.key} OFFSET 0) k
      ), found AS MATERIALIZED (
        SELECT f.*, keyed.rank AS work_rank
          FROM keyed
          CROSS JOIN LATERAL (
            SELECT s.id, s.work_id, s.chunk, s.order_key, r.text
              FROM segment s
              JOIN segment_text st ON st.segment_id = s.id AND st.language = ${context.sourceLanguage}
              JOIN revision r ON r.id = st.published_revision_id
             WHERE s.id = keyed.segment_id AND s.id <> ${origin.segmentId}::uuid AND s.kind <> 'PARAGRAPH' AND ${liveSegmentSql('s')}
               AND ${openToTranslationSql('s', input.lang)}
             LIMIT 1) f
      ), page AS (
        SELECT f.*, count(*) OVER () AS total, count(*) FILTER (WHERE f.work_rank = 1) OVER () AS in_work
          FROM found f
         WHERE ${sameSentenceSql('f', origin)}
         ORDER BY f.work_rank, f.order_key
         LIMIT ${MAX_REPETITIONS_PER_FILL}
      )
      SELECT p.id, p.work_id, p.chunk, p.text, p.total, p.in_work,
             (SELECT count(*) FROM segment o WHERE o.work_id = p.work_id AND o.chunk = p.chunk AND o.kind <> 'PARAGRAPH' AND ${liveSegmentSql('o')} AND o.order_key < p.order_key) AS position,
             (SELECT pr.text FROM segment x
                LEFT JOIN segment_text pt ON pt.segment_id = x.id AND pt.language = ${context.sourceLanguage}
                LEFT JOIN revision pr ON pr.id = pt.published_revision_id
               WHERE x.work_id = p.work_id AND x.order_key < p.order_key AND x.kind <> 'PARAGRAPH' AND ${liveSegmentSql('x')}
               ORDER BY x.order_key DESC LIMIT 1) AS previous_text,
             (SELECT nr.text FROM segment y
                LEFT JOIN segment_text nt ON nt.segment_id = y.id AND nt.language = ${context.sourceLanguage}
                LEFT JOIN revision nr ON nr.id = nt.published_revision_id
               WHERE y.work_id = p.work_id AND y.order_key > p.order_key AND y.kind <> 'PARAGRAPH' AND ${liveSegmentSql('y')}
               ORDER BY y.order_key LIMIT 1) AS next_text
        FROM page p
       ORDER BY p.work_rank, p.order_key`;
  });

  const total = Number(rows[0]?.total ?? 0);
  const inWork = Number(rows[0]?.in_work ?? 0);
  const listedWorks = new Set(rows.map((row) => row.work_id));
  return {
    sourceText: origin.text,
    isInVolume,
    counts: { work: inWork, otherWorks: total - inWork },
    occurrences: rows.map((row) => ({ segmentId: row.id, workId: row.work_id, text: row.text, chunk: row.chunk, position: Number(row.position), previousText: row.previous_text, nextText: row.next_text })),
    otherWorks: works.filter((work) => work.id !== context.workId && listedWorks.has(work.id)).map((work) => ({ id: work.id, title: work.title })),
  };
}
