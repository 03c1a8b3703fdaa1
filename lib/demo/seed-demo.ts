import 'server-only';

import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { SYSTEM_ACTOR } from '../auth/permissions';
import { getDb, type Db } from '../db/client';
import { importWork } from '../import/import-work';
import { addTranslationBySegmentOrder } from '../segment/add-translation-by-segment-order';

const CONTENT_DIR = path.resolve(process.cwd(), 'lib/demo/content');
const DEMO_COLLECTION = 'Interlinear Demo';

/**
 * Loads the demo collection (a short original text written for this project and its French
 * translation) into an empty library. Does nothing when any work exists, so user data is never
 * touched. Returns the demo work id, or null when it skipped.
 */
export async function seedDemo({ db = getDb() }: { db?: Db } = {}): Promise<string | null> {
  if ((await db.work.count()) > 0) return null;
  const file = 'the-lamplighters-almanac.en.md';
  const bytes = await readFile(path.join(CONTENT_DIR, file));
  const summary = await importWork({
    actor: SYSTEM_ACTOR,
    db,
    file: { name: file, bytes, mediaType: 'text/markdown' },
    collection: { title: DEMO_COLLECTION },
    metadata: {
      title: 'The Lamplighter’s Almanac',
      author: 'Interlinear contributors',
      dateText: '2026',
      language: 'en',
      sourceEdition: 'Written for the Interlinear demo',
      provenance: 'An original short text with a French translation, both written for this project.',
      licence: 'CC0 1.0',
    },
  });
  const translation = await readFile(path.join(CONTENT_DIR, 'the-lamplighters-almanac.fr.md'), 'utf8');
  await addTranslationBySegmentOrder({ actor: SYSTEM_ACTOR, db, workId: summary.workId, language: 'fr', text: translation, format: 'md' });
  return summary.workId;
}
