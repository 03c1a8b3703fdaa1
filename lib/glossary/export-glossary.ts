import 'server-only';

import { GlossaryCsvWriter } from './exchange/glossary-csv';
import type { GlossaryFileEntry } from './exchange/glossary-file';
import { TbxWriter } from './exchange/tbx-writer';
import { assertCollection } from './glossary-rows';
import { partOfSpeechOf, statusOf } from './glossary-values';
import type { GlossaryExportQuery } from './schemas';
import { assertCan, type Actor } from '../auth/permissions';
import { getReadDb, Prisma, type Db } from '../db/client';

/** Terms read per query: memory stays flat whatever the glossary's size. */
const EXPORT_BATCH = 1000;

export interface GlossaryExport {
  fileName: string;
  contentType: string;
  /** The file in pieces (its start, then one term each), read from the database as they are pulled. */
  chunks: AsyncGenerator<string>;
}

interface TermRow {
  id: string;
  term_key: string;
  text: string;
  part_of_speech: 'NOUN' | 'VERB' | 'ADJECTIVE' | 'ADVERB' | 'PROPER_NOUN' | 'OTHER' | null;
  note: string;
  example: string;
  translations: { text: string; usage: 'PREFERRED' | 'ADMITTED' | 'FORBIDDEN' }[];
}

/**
 * A collection's glossary for a language pair as a TBX-Basic or CSV file (docs/glossary.md,
 * Formats): its approved terms in term order, each with its approved translations. Whoever may
 * read the glossary may download it. Checks run before the first piece (NOT_FOUND is thrown by
 * this call, not by the stream); the stream reads {@link EXPORT_BATCH} terms per query (keyset).
 */
export async function exportGlossary({ actor, input, db = getReadDb(), now = new Date() }: { actor: Actor; input: GlossaryExportQuery; db?: Db; now?: Date }): Promise<GlossaryExport> {
  const collection = await assertCollection(db, input.collectionId);
  assertCan(actor, 'glossary.read', { collectionId: collection.id });
  const fileName = `${collection.slug}-glossary-${input.source}-${input.target}.${input.format}`;
  return input.format === 'tbx'
    ? { fileName, contentType: 'application/x-tbx+xml; charset=utf-8', chunks: writeFile(db, input, new TbxWriter(), (writer) => writer.start({ title: `${collection.title}: glossary`, sourceLanguage: input.source, targetLanguage: input.target, createdAt: now }), (writer) => writer.end()) }
    : { fileName, contentType: 'text/csv; charset=utf-8', chunks: writeFile(db, input, new GlossaryCsvWriter(), (writer) => writer.start(), () => '') };
}

async function* writeFile<W extends { entry: (entry: GlossaryFileEntry) => string }>(db: Db, input: GlossaryExportQuery, writer: W, start: (writer: W) => string, end: (writer: W) => string): AsyncGenerator<string> {
  yield start(writer);
  let after: { key: string; id: string } | null = null;
  for (;;) {
    const rows: TermRow[] = await db.$queryRaw<TermRow[]>`
      SELECT t.id, t.term_key, t.text, t.part_of_speech::text AS part_of_speech, t.note, t.example,
             coalesce((SELECT json_agg(json_build_object('text', r.text, 'usage', r.usage) ORDER BY r.usage, r.id)
                         FROM glossary_translation r WHERE r.term_id = t.id AND r.state = 'APPROVED'), '[]'::json) AS translations
        FROM glossary_term t
       WHERE t.collection_id = ${input.collectionId}::uuid AND t.source_language = ${input.source} AND t.target_language = ${input.target} AND t.state = 'APPROVED'
         ${after === null ? Prisma.empty : Prisma.sql`AND (t.term_key, t.id) > (${after.key}, ${after.id}::uuid)`}
       ORDER BY t.term_key, t.id
       LIMIT ${EXPORT_BATCH}`;
    for (const row of rows) {
      if (row.translations.length === 0) continue;
      yield writer.entry({ term: row.text, partOfSpeech: partOfSpeechOf(row.part_of_speech), note: row.note, example: row.example, translations: row.translations.map((translation) => ({ text: translation.text, status: statusOf(translation.usage) })) });
    }
    const last = rows.at(-1);
    if (rows.length < EXPORT_BATCH || !last) break;
    after = { key: last.term_key, id: last.id };
  }
  yield end(writer);
}
