import 'server-only';

import { PROGRESS_FIGURES, type ContributorFigures, type LanguageFigures, type ProgressFigure, type WorkProgress } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { liveSegmentSql, liveTextSegmentsOf } from '../auth/scope';
import { getDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';

/** Contributors listed at most (the most active ones). */
const MAX_CONTRIBUTORS = 100;

export interface GetWorkProgressOptions {
  actor: Actor;
  workId: string;
  /** Only this language's figures and the contributions to it. */
  language?: string;
  db?: Db;
}

/**
 * A work's progress per language — text-bearing segments translated, proposed, approved and
 * waiting for validation, validated (published through review) and stale — and per contributor.
 * A handful of grouped queries over the work's segments, texts and suggestions, whatever the size
 * of the work. The stale figure counts what `getStaleTranslations` lists; `translated` is the
 * published share of the library (`countLanguageProgress`). Throws NOT_FOUND.
 */
export async function getWorkProgress({ actor, workId, language, db = getDb() }: GetWorkProgressOptions): Promise<WorkProgress> {
  assertCan(actor, 'progress.view');
  const work = isUuid(workId)
    ? await db.work.findUnique({ where: { id: workId }, select: { id: true, sourceLanguage: true, languages: { select: { language: true, isSource: true }, orderBy: [{ isSource: 'desc' }, { language: 'asc' }] } } })
    : null;
  if (!work) throw new AppError('NOT_FOUND', 'work.notFound');
  const languages = work.languages.filter((entry) => !language || entry.language === language);
  const [total, texts, suggestions, contributors] = await Promise.all([
    db.segment.count({ where: liveTextSegmentsOf(workId) }),
    db.$queryRaw<{ language: string; translated: number; validated: number; stale: number }[]>`
      SELECT st.language,
             count(*) FILTER (WHERE st.published_revision_id IS NOT NULL OR st.continues_previous)::int AS translated,
             count(*) FILTER (WHERE r.origin = 'APPROVAL')::int AS validated,
             count(*) FILTER (WHERE st.language <> ${work.sourceLanguage} AND st.published_revision_id IS NOT NULL
                                AND src.published_revision_id IS NOT NULL
                                AND st.source_revision_id IS DISTINCT FROM src.published_revision_id)::int AS stale
        FROM segment s
        JOIN segment_text st ON st.segment_id = s.id
        LEFT JOIN revision r ON r.id = st.published_revision_id
        LEFT JOIN segment_text src ON src.segment_id = s.id AND src.language = ${work.sourceLanguage}
       WHERE s.work_id = ${workId}::uuid AND s.kind <> 'PARAGRAPH' AND ${liveSegmentSql('s')}
       GROUP BY st.language`,
    // Suggestions exist only for text-bearing segments (lib/review refuses paragraphs).
    db.$queryRaw<{ language: string; proposed: number; approved: number }[]>`
      SELECT su.language,
             count(DISTINCT su.segment_id) FILTER (WHERE su.status = 'PENDING')::int AS proposed,
             count(DISTINCT su.segment_id) FILTER (WHERE su.status = 'APPROVED')::int AS approved
        FROM suggestion su
        JOIN segment s ON s.id = su.segment_id
       WHERE su.work_id = ${workId}::uuid AND su.status IN ('PENDING', 'APPROVED') AND su.kind <> 'STRUCTURE' AND ${liveSegmentSql('s')}
       GROUP BY su.language`,
    findContributors(db, workId, language ?? null),
  ]);
  const textsOf = new Map(texts.map((row) => [row.language, row]));
  const suggestionsOf = new Map(suggestions.map((row) => [row.language, row]));
  return {
    workId,
    sourceLanguage: work.sourceLanguage,
    total,
    languages: languages.map(({ language: tag, isSource }): LanguageFigures => {
      const counts: Record<ProgressFigure, number> = {
        translated: textsOf.get(tag)?.translated ?? 0,
        proposed: suggestionsOf.get(tag)?.proposed ?? 0,
        approved: suggestionsOf.get(tag)?.approved ?? 0,
        validated: textsOf.get(tag)?.validated ?? 0,
        stale: textsOf.get(tag)?.stale ?? 0,
      };
      const shares = Object.fromEntries(PROGRESS_FIGURES.map((figure) => [figure, total > 0 ? Math.round((counts[figure] / total) * 10_000) / 10_000 : 0])) as Record<ProgressFigure, number>;
      return { language: tag, isSource, total, ...counts, shares };
    }),
    contributors,
  };
}

/**
 * Per person: their suggestions by outcome, their decisions on others' suggestions (an editor's
 * own text published directly is not a review) and their comments; one query.
 */
async function findContributors(db: Db, workId: string, language: string | null): Promise<ContributorFigures[]> {
  return db.$queryRaw<ContributorFigures[]>`
    WITH work_suggestion AS (
      SELECT author_id, reviewer_id, validator_id, status
        FROM suggestion
       WHERE work_id = ${workId}::uuid AND (${language}::text IS NULL OR language = ${language}::text)
    ), authored AS (
      SELECT author_id AS user_id,
             count(*) FILTER (WHERE status <> 'WITHDRAWN')::int AS suggested,
             count(*) FILTER (WHERE status IN ('PENDING', 'APPROVED'))::int AS pending,
             count(*) FILTER (WHERE status = 'PUBLISHED')::int AS published,
             count(*) FILTER (WHERE status = 'REJECTED')::int AS rejected
        FROM work_suggestion WHERE author_id IS NOT NULL
       GROUP BY author_id
    ), decided AS (
      SELECT user_id, count(*)::int AS reviews
        FROM (SELECT reviewer_id AS user_id FROM work_suggestion WHERE reviewer_id IS NOT NULL AND reviewer_id IS DISTINCT FROM author_id
              UNION ALL
              SELECT validator_id FROM work_suggestion WHERE validator_id IS NOT NULL) AS decisions
       GROUP BY user_id
    ), commented AS (
      SELECT author_id AS user_id, count(*)::int AS comments
        FROM comment
       WHERE work_id = ${workId}::uuid AND author_id IS NOT NULL AND deleted_at IS NULL
         AND (${language}::text IS NULL OR language = ${language}::text)
       GROUP BY author_id
    )
    SELECT u.id AS "userId", u.name,
           coalesce(a.suggested, 0) AS suggested, coalesce(a.pending, 0) AS pending,
           coalesce(a.published, 0) AS published, coalesce(a.rejected, 0) AS rejected,
           coalesce(d.reviews, 0) AS reviews, coalesce(c.comments, 0) AS comments
      FROM (SELECT user_id FROM authored UNION SELECT user_id FROM decided UNION SELECT user_id FROM commented) AS people
      JOIN "user" u ON u.id = people.user_id
      LEFT JOIN authored a ON a.user_id = people.user_id
      LEFT JOIN decided d ON d.user_id = people.user_id
      LEFT JOIN commented c ON c.user_id = people.user_id
     ORDER BY published DESC, suggested DESC, reviews DESC, comments DESC, u.name, u.id
     LIMIT ${MAX_CONTRIBUTORS}`;
}
