import 'server-only';

import { v5 as uuidv5 } from 'uuid';

import { ATOM_TYPE, OPDS_NAVIGATION_TYPE, writeAtomFeed, type AtomEntry } from './atom-writer';
import { feedUrls } from './feed-urls';
import { loadFeedWorks } from './load-feed-works';
import { languageSummary } from './opds-entries';
import { assertCan, type Actor } from '../auth/permissions';
import { liveSegmentSql } from '../auth/scope';
import { FEED_PAGE_SIZE } from '../config/limits';
import { getReadDb, type Db } from '../db/client';
import { languageEndonym } from '../export/language-facts';
import { countLanguageProgress } from '../reader/count-language-progress';

interface TranslationRow {
  work_id: string;
  language: string;
  translator: string;
  created_at: Date;
  title: string;
  author: string;
  collection: string;
}

/**
 * The Atom feed of what is new in the library: works as they are added, and translations as
 * they are opened for a work — once a first text of theirs is published — newest first, at most
 * {@link FEED_PAGE_SIZE}. Each entry has a stable id, its date and a link to the reader (a
 * translation's beside its original).
 */
export async function getNewPublicationsFeed({ actor, origin, db = getReadDb() }: { actor: Actor; origin: string; db?: Db }): Promise<string> {
  assertCan(actor, 'work.read');
  const urls = feedUrls(origin);
  const [works, translations] = await Promise.all([
    loadFeedWorks(db, { where: {}, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: FEED_PAGE_SIZE }),
    db.$queryRaw<TranslationRow[]>`
      SELECT wl.work_id, wl.language, wl.translator, wl.created_at, w.title, w.author, c.title AS collection
        FROM work_language wl
        JOIN work w ON w.id = wl.work_id
        JOIN collection c ON c.id = w.collection_id
       WHERE NOT wl.is_source
         AND EXISTS (SELECT 1 FROM segment s JOIN segment_text t ON t.segment_id = s.id
                      WHERE s.work_id = wl.work_id AND ${liveSegmentSql('s')} AND t.language = wl.language AND t.published_revision_id IS NOT NULL)
       ORDER BY wl.created_at DESC, wl.work_id, wl.language
       LIMIT ${FEED_PAGE_SIZE}`,
  ]);
  const progress = await countLanguageProgress({ db, workIds: [...new Set(translations.map((row) => row.work_id))] });
  const entries: AtomEntry[] = [
    ...works.map((work) => ({
      id: `urn:uuid:${work.id}`,
      title: work.title,
      updated: work.createdAt,
      authors: work.author ? [work.author] : [],
      summary: [`New in “${work.collection.title}”`, [work.author, work.dateText].filter(Boolean).join(', '), languageSummary(work.languages)].filter(Boolean).join(' — '),
      languages: [work.sourceLanguage],
      links: [{ rel: 'alternate', type: 'text/html', href: urls.work(work.id) }],
    })),
    ...translations.map((row) => {
      const figures = progress.get(row.work_id)?.find((language) => language.language === row.language);
      const share = figures && figures.total > 0 ? `${Math.round((100 * figures.approved) / figures.total)}% translated` : '';
      return {
        id: `urn:uuid:${uuidv5(`interlinear-translation:${row.language}`, row.work_id)}`,
        title: `${row.title} — ${languageEndonym(row.language)}`,
        updated: row.created_at,
        authors: row.translator ? [row.translator] : row.author ? [row.author] : [],
        summary: [`A translation into ${languageEndonym(row.language)} (${row.language}) in “${row.collection}”`, share].filter(Boolean).join(' — '),
        languages: [row.language],
        links: [{ rel: 'alternate', type: 'text/html', href: urls.translation(row.work_id, row.language) }],
      };
    }),
  ]
    .sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.id.localeCompare(b.id))
    .slice(0, FEED_PAGE_SIZE);
  return writeAtomFeed({
    id: urls.newAtom,
    title: 'New in the Interlinear library',
    subtitle: 'Works and translations as they are published.',
    updated: entries[0]?.updated ?? new Date(0),
    author: { name: 'Interlinear', uri: urls.home },
    links: [
      { rel: 'self', href: urls.newAtom, type: ATOM_TYPE },
      { rel: 'alternate', href: urls.home, type: 'text/html' },
      { rel: 'related', href: urls.opdsRoot, type: OPDS_NAVIGATION_TYPE, title: 'OPDS catalogue' },
    ],
    entries,
  });
}
