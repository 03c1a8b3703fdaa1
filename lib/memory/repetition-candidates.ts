import 'server-only';

import { can, type Actor } from '../auth/permissions';
import { liveSegmentSql } from '../auth/scope';
import { Prisma, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

// The pieces that finding repetitions (find-repetitions.ts) and filling them
// (lib/review/fill-repetitions.ts) share, so both agree on what a repetition is.

/** The sentence whose repetitions are looked for: a live segment's published source. */
export interface RepetitionOrigin {
  segmentId: string;
  workId: string;
  sourceLanguage: string;
  /** Its published source text. */
  text: string;
  /**
   * `memory_exact_key(text)`: lower-cased, white space collapsed, hashed, as the memory's exact
   * matches; the key of every published source is kept in `source_key`, indexed by work.
   */
  key: bigint;
  /**
   * Its text in the target language is grouped with a neighbour (`continues_previous` on it, or on
   * the next segment): its translation covers more than this sentence, so it fills nothing.
   */
  isGrouped: boolean;
}

/** A work searched for repetitions: the origin's own, or another of its volume. */
export interface RepetitionWork {
  id: string;
  title: string;
  collectionId: string;
}

/**
 * A segment's published source and its exact key, or null when it has none (no text, only white
 * space, or a retired segment). The caller has checked the segment belongs to a work the actor may edit.
 */
export async function loadRepetitionOrigin(db: Db, { segmentId, sourceLanguage, language }: { segmentId: string; sourceLanguage: string; language: string }): Promise<RepetitionOrigin | null> {
  const rows = await db.$queryRaw<{ work_id: string; text: string; key: bigint; is_grouped: boolean }[]>`
    SELECT s.work_id, r.text, memory_exact_key(r.text) AS key,
           EXISTS (SELECT 1 FROM segment_text t WHERE t.segment_id = s.id AND t.language = ${language} AND t.continues_previous)
             OR ${followedByContinuation('s', language)} AS is_grouped
      FROM segment s
      JOIN segment_text st ON st.segment_id = s.id AND st.language = ${sourceLanguage}
      JOIN revision r ON r.id = st.published_revision_id
     WHERE s.id = ${segmentId}::uuid AND s.kind <> 'PARAGRAPH' AND ${liveSegmentSql('s')}`;
  const row = rows[0];
  if (!row || row.text.trim() === '') return null;
  return { segmentId, workId: row.work_id, sourceLanguage, text: row.text, key: row.key, isGrouped: row.is_grouped };
}

/**
 * The works searched for repetitions of a sentence of `workId`: that work, and the other works of
 * its volume written in the same language that are read in `language` (a work not translated into
 * it takes no suggestion in it) and where the actor may edit texts and suggest. The origin's work
 * first, then the others in printed order. NOT_FOUND when `workId` itself is not read in `language`.
 */
export async function findRepetitionWorks(db: Db, actor: Actor, { workId, sourceLanguage, language }: { workId: string; sourceLanguage: string; language: string }): Promise<{ works: RepetitionWork[]; isInVolume: boolean }> {
  const work = await db.work.findUniqueOrThrow({ where: { id: workId }, select: { id: true, title: true, collectionId: true, volumeId: true, languages: { where: { language }, select: { language: true } } } });
  if (work.languages.length === 0) throw new AppError('NOT_FOUND', 'review.noTextToSuggest', { values: { language } });
  const own: RepetitionWork = { id: work.id, title: work.title, collectionId: work.collectionId };
  if (!work.volumeId) return { works: [own], isInVolume: false };
  const others = await db.work.findMany({
    where: { volumeId: work.volumeId, id: { not: workId }, sourceLanguage, languages: { some: { language } } },
    orderBy: { volumePosition: 'asc' },
    select: { id: true, title: true, collectionId: true },
  });
  const mayFill = (collectionId: string) => can(actor, 'segment.edit', { collectionId }) && can(actor, 'suggestion.create', { collectionId });
  return { works: [own, ...others.filter((other) => mayFill(other.collectionId))], isInVolume: true };
}

/**
 * SQL condition: the live text segment after segment `alias` in its work has its text in
 * `language` grouped into this one's (`continues_previous`): this one's translation is the
 * group's, covering both sources.
 */
export function followedByContinuation(alias: 's' | 'c', language: string): Prisma.Sql {
  const self = Prisma.raw(alias);
  return Prisma.sql`EXISTS (SELECT 1 FROM segment_text nt WHERE nt.language = ${language} AND nt.continues_previous
    AND nt.segment_id = (SELECT n.id FROM segment n WHERE n.work_id = ${self}.work_id AND n.order_key > ${self}.order_key AND n.kind <> 'PARAGRAPH' AND ${liveSegmentSql('n')}
                          ORDER BY n.order_key LIMIT 1))`;
}

/**
 * SQL condition: segment `alias` is open to a first translation in `language`: no published text
 * there, not grouped into the previous segment's nor followed by a text grouped into its own, and
 * no suggestion for it awaiting review (pending, or approved once and waiting for a second reviewer).
 */
export function openToTranslationSql(alias: 's' | 'c', language: string): Prisma.Sql {
  const self = Prisma.raw(alias);
  return Prisma.sql`NOT EXISTS (SELECT 1 FROM segment_text t WHERE t.segment_id = ${self}.id AND t.language = ${language} AND (t.published_revision_id IS NOT NULL OR t.continues_previous))
    AND NOT EXISTS (SELECT 1 FROM suggestion g WHERE g.segment_id = ${self}.id AND g.language = ${language} AND g.status IN ('PENDING', 'APPROVED') AND g.kind <> 'STRUCTURE')
    AND NOT ${followedByContinuation(alias, language)}`;
}

/**
 * SQL condition: the `text` of row `alias` is the origin's sentence, compared as the exact key
 * normalises it (`memory_exact_text`: lower-cased, white space collapsed), so two sentences whose 64-bit keys collide
 * are never taken for each other. For rows already found by key or id: the planner takes the
 * comparison for far more selective than it is, so a query where it could filter a table with it
 * would read every revision.
 */
export function sameSentenceSql(alias: 'f' | 'c', origin: RepetitionOrigin): Prisma.Sql {
  const text = Prisma.raw(`${alias}.text`);
  return Prisma.sql`memory_exact_text(${text}) = memory_exact_text(${origin.text}::text)`;
}
