import 'server-only';

import { OPDS_ACQUISITION_TYPE, OPDS_NAVIGATION_TYPE, writeAtomFeed } from './atom-writer';
import { feedUrls } from './feed-urls';
import { loadFeedWorks } from './load-feed-works';
import { acquisitionLinks, languageSummary, workEntry } from './opds-entries';
import { assertCan, type Actor } from '../auth/permissions';
import { getReadDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';
import type { LanguageProgress } from '../reader/types';

/**
 * A volume in the OPDS catalogue: an acquisition feed whose first entry is the whole volume (its
 * works in printed order as one book) and then each of its works, front and back matter
 * included, in printed order. Throws NOT_FOUND.
 */
export async function getOpdsVolume({ actor, origin, volumeId, db = getReadDb() }: { actor: Actor; origin: string; volumeId: string; db?: Db }): Promise<string> {
  assertCan(actor, 'work.read');
  const volume = isUuid(volumeId) ? await db.volume.findUnique({ where: { id: volumeId }, select: { id: true, title: true, author: true, dateText: true, sourceEdition: true, createdAt: true, collectionId: true } }) : null;
  if (!volume) throw new AppError('NOT_FOUND', 'volume.notFound');
  const urls = feedUrls(origin);
  const works = await loadFeedWorks(db, { where: { volumeId: volume.id }, orderBy: [{ volumePosition: 'asc' }], take: 10_000 });
  const sourceLanguage = works[0]?.sourceLanguage ?? 'en';
  // The volume reads in a language as far as its works do: their figures added up.
  const totals = new Map<string, LanguageProgress>();
  for (const language of works.flatMap((work) => work.languages)) {
    const sum = totals.get(language.language) ?? { ...language, approved: 0, total: 0 };
    totals.set(language.language, { ...sum, approved: sum.approved + language.approved, total: sum.total + language.total });
  }
  const updated = new Date(Math.max(volume.createdAt.getTime(), ...works.map((work) => work.updatedAt.getTime())));
  const self = urls.opdsVolume(volume.id);
  return writeAtomFeed({
    id: self,
    title: volume.title,
    ...(volume.sourceEdition ? { subtitle: volume.sourceEdition } : {}),
    updated,
    author: { name: volume.author || 'Interlinear', uri: urls.volume(volume.id) },
    links: [
      { rel: 'self', href: self, type: OPDS_ACQUISITION_TYPE },
      { rel: 'start', href: urls.opdsRoot, type: OPDS_NAVIGATION_TYPE },
      { rel: 'up', href: urls.opdsCollection(volume.collectionId), type: OPDS_NAVIGATION_TYPE },
    ],
    entries: [
      {
        id: `urn:uuid:${volume.id}`,
        title: `${volume.title} (the whole volume)`,
        updated,
        authors: volume.author ? [volume.author] : [],
        summary: [volume.dateText, `${works.length} works in printed order`, languageSummary([...totals.values()])].filter(Boolean).join(' — '),
        languages: [...totals.keys()],
        links: [{ rel: 'alternate', type: 'text/html', href: urls.volume(volume.id), title: 'Contents online' }, ...acquisitionLinks((params) => urls.volumeDownload(volume.id, params), [...totals.values()], sourceLanguage)],
      },
      ...works.map((work) => workEntry(urls, work)),
    ],
  });
}
