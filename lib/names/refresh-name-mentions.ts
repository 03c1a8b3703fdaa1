import 'server-only';

import { scanTexts } from './scan-texts';
import { liveSegmentSql } from '../auth/scope';
import { MAX_NAME_SCANS_PER_READ, NAME_SCAN_BATCH } from '../config/limits';
import { getDb, type Db, type DbClient, type Prisma } from '../db/client';

interface QueuedRow {
  segment_id: string;
  language: string;
  ticket: bigint;
  revision_id: string | null;
  text: string | null;
  is_live: boolean;
}

/** Serialises scans and name changes of one collection (docs/names.md, "Keeping the index current"). */
export async function lockCollectionNames(tx: Prisma.TransactionClient, collectionId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`names:${collectionId}`}, 0))`;
}

/** Texts of a collection waiting to be scanned. */
export async function countPendingScans(db: Db, collectionId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ pending: number }[]>`SELECT count(*)::int AS pending FROM name_scan_queue WHERE collection_id = ${collectionId}::uuid`;
  return row?.pending ?? 0;
}

/**
 * Brings a collection's name mentions up to date: scans the texts its queue lists (published,
 * revised, reverted, retired since their last scan, or possibly touched by a change of a name),
 * oldest first, {@link NAME_SCAN_BATCH} per transaction and at most `maxTexts`: each text's
 * scan and mentions are replaced by those of its published revision (removed when it has none,
 * or its segment is retired or a paragraph), and its queue row is removed unless it was queued
 * again meanwhile (its ticket changed). Each transaction holds the collection's names lock, so a
 * change of a name waits for it and then queues what it changes against committed scans; a scan
 * that finds the lock taken (another scan, a change of a name) stops, leaving the rest pending.
 * Returns how many texts were scanned and how many still wait.
 */
export async function refreshNameMentions({ db = getDb(), collectionId, maxTexts = MAX_NAME_SCANS_PER_READ }: { db?: DbClient; collectionId: string; maxTexts?: number }): Promise<{ scanned: number; pending: number }> {
  let scanned = 0;
  // Nothing queued (the usual read): one index probe, no transaction.
  if ((await countPendingScans(db, collectionId)) === 0) return { scanned, pending: 0 };
  while (scanned < maxTexts) {
    const count = await db.$transaction((tx) => scanBatch(tx, collectionId, Math.min(NAME_SCAN_BATCH, maxTexts - scanned)), { timeout: 60_000, maxWait: 10_000 });
    scanned += count;
    if (count === 0) break;
  }
  return { scanned, pending: await countPendingScans(db, collectionId) };
}

async function scanBatch(tx: Prisma.TransactionClient, collectionId: string, limit: number): Promise<number> {
  // Another scan or a change of a name holds the lock: it is bringing the index up to date, so
  // this read does not wait for it (past the lock timeout it would fail) and says what is pending.
  const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtextextended(${`names:${collectionId}`}, 0)) AS locked`;
  if (!lock?.locked) return 0;
  const rows = await tx.$queryRaw<QueuedRow[]>`
    SELECT q.segment_id, q.language, q.ticket, st.published_revision_id AS revision_id, r.text,
           (${liveSegmentSql('s')} AND s.kind <> 'PARAGRAPH') AS is_live
      FROM name_scan_queue q
      JOIN segment s ON s.id = q.segment_id
      LEFT JOIN segment_text st ON st.segment_id = q.segment_id AND st.language = q.language
      LEFT JOIN revision r ON r.id = st.published_revision_id
     WHERE q.collection_id = ${collectionId}::uuid
     ORDER BY q.ticket
     LIMIT ${limit}`;
  if (rows.length === 0) return 0;

  const live = rows.filter((row): row is QueuedRow & { revision_id: string; text: string } => row.is_live && row.revision_id !== null && row.text !== null);
  const scans: { segmentId: string; language: string; revisionId: string; words: string }[] = [];
  const mentions: { segmentId: string; language: string; nameId: string; start: number; end: number; found: string; isPreferred: boolean }[] = [];
  for (const language of new Set(live.map((row) => row.language))) {
    const texts = live.filter((row) => row.language === language);
    const results = await scanTexts(tx, { collectionId, language, texts: texts.map((row) => row.text) });
    results.forEach((result, index) => {
      const row = texts[index] as (typeof texts)[number];
      scans.push({ segmentId: row.segment_id, language, revisionId: row.revision_id, words: result.words.join(' ') });
      for (const mention of result.mentions) {
        mentions.push({ segmentId: row.segment_id, language, nameId: mention.nameId, start: mention.start, end: mention.end, found: mention.found, isPreferred: mention.isPreferred });
      }
    });
  }

  // The old scans go with their mentions (cascade); the new ones replace them.
  await tx.$executeRaw`
    DELETE FROM name_scan n USING unnest(${rows.map((row) => row.segment_id)}::uuid[], ${rows.map((row) => row.language)}::text[]) q(segment_id, language)
     WHERE n.segment_id = q.segment_id AND n.language = q.language`;
  if (scans.length > 0) {
    await tx.$executeRaw`
      INSERT INTO name_scan (segment_id, language, revision_id, words)
      SELECT u.segment_id, u.language, u.revision_id, array_to_tsvector(array_remove(string_to_array(u.words, ' '), ''))
        FROM unnest(${scans.map((scan) => scan.segmentId)}::uuid[], ${scans.map((scan) => scan.language)}::text[],
                    ${scans.map((scan) => scan.revisionId)}::uuid[], ${scans.map((scan) => scan.words)}::text[]) u(segment_id, language, revision_id, words)`;
  }
  if (mentions.length > 0) {
    await tx.$executeRaw`
      INSERT INTO name_mention (segment_id, language, name_id, start, "end", found, is_preferred)
      SELECT * FROM unnest(${mentions.map((m) => m.segmentId)}::uuid[], ${mentions.map((m) => m.language)}::text[], ${mentions.map((m) => m.nameId)}::uuid[],
                           ${mentions.map((m) => m.start)}::int[], ${mentions.map((m) => m.end)}::int[], ${mentions.map((m) => m.found)}::text[], ${mentions.map((m) => m.isPreferred)}::boolean[])`;
  }
  // A row queued again since it was read (a newer ticket) stays for the next scan.
  await tx.$executeRaw`
    DELETE FROM name_scan_queue q
     USING unnest(${rows.map((row) => row.segment_id)}::uuid[], ${rows.map((row) => row.language)}::text[], ${rows.map((row) => row.ticket)}::bigint[]) d(segment_id, language, ticket)
     WHERE q.segment_id = d.segment_id AND q.language = d.language AND q.ticket = d.ticket`;
  return rows.length;
}
