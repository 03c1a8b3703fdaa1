import 'server-only';

import { liveSegmentSql } from '../auth/scope';
import type { Db } from '../db/client';

/** Translators named per language at most. */
const MAX_TRANSLATORS = 50;

/**
 * Who translated each of `languages` (translations, never the original): the translators an
 * imported translation credits, then the people whose translations of the works were published
 * (written or proposed by them: revisions of origin EDIT or APPROVAL), most texts first. An
 * import's own revisions name who imported, not who translated, so they are left to the credit.
 */
export async function findTranslators({ db, workIds, languages, credited }: { db: Db; workIds: string[]; languages: string[]; credited: readonly { language: string; translator: string }[] }): Promise<{ language: string; names: string[] }[]> {
  return Promise.all(
    languages.map(async (language) => {
      const rows = await db.$queryRaw<{ name: string }[]>`
        SELECT u.name
          FROM segment s
          JOIN segment_text t ON t.segment_id = s.id
          JOIN revision r ON r.id = t.published_revision_id
          JOIN "user" u ON u.id = r.author_id
         WHERE s.work_id = ANY(${workIds}::uuid[]) AND ${liveSegmentSql('s')} AND t.language = ${language} AND r.origin IN ('EDIT', 'APPROVAL')
         GROUP BY u.id, u.name
         ORDER BY count(*) DESC, u.name
         LIMIT ${MAX_TRANSLATORS}`;
      const names = [...credited.filter((entry) => entry.language === language).map((entry) => entry.translator.trim()), ...rows.map((row) => row.name.trim())].filter(Boolean);
      return { language, names: [...new Set(names)].slice(0, MAX_TRANSLATORS) };
    }),
  );
}
