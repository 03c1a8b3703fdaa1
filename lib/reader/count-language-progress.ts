import 'server-only';

import type { LanguageProgress } from './types';
import { liveSegmentSql } from '../auth/scope';
import type { Db } from '../db/client';

/**
 * Progress per language for each of `workIds`: published texts over text-bearing segments. The
 * one function behind every progress figure, so the library and the work page agree.
 */
export async function countLanguageProgress({ db, workIds }: { db: Db; workIds: string[] }): Promise<Map<string, LanguageProgress[]>> {
  const result = new Map<string, LanguageProgress[]>();
  if (workIds.length === 0) return result;
  const [totals, approved, languages] = await Promise.all([
    db.$queryRaw<{ work_id: string; total: number }[]>`
      SELECT work_id, count(*)::int AS total FROM segment WHERE work_id = ANY(${workIds}::uuid[]) AND kind <> 'PARAGRAPH' AND ${liveSegmentSql()} GROUP BY work_id`,
    db.$queryRaw<{ work_id: string; language: string; approved: number }[]>`
      SELECT s.work_id, st.language, count(*)::int AS approved
        FROM segment s JOIN segment_text st ON st.segment_id = s.id
       WHERE s.work_id = ANY(${workIds}::uuid[]) AND ${liveSegmentSql('s')} AND (st.published_revision_id IS NOT NULL OR st.continues_previous)
       GROUP BY s.work_id, st.language`,
    db.workLanguage.findMany({
      where: { workId: { in: workIds } },
      select: { workId: true, language: true, isSource: true, translator: true, edition: true, publishedYear: true, translatedFrom: true },
      orderBy: [{ isSource: 'desc' }, { language: 'asc' }],
    }),
  ]);
  const totalByWork = new Map(totals.map((row) => [row.work_id, row.total]));
  const approvedBy = new Map(approved.map((row) => [`${row.work_id}:${row.language}`, row.approved]));
  for (const workId of workIds) result.set(workId, []);
  for (const { workId, language, ...rest } of languages) {
    result.get(workId)?.push({ language, ...rest, approved: approvedBy.get(`${workId}:${language}`) ?? 0, total: totalByWork.get(workId) ?? 0 });
  }
  return result;
}
