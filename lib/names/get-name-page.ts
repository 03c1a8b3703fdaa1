import 'server-only';

import { findCollectionLanguages } from './find-collection-languages';
import { presentNames } from './present-names';
import { refreshNameMentions } from './refresh-name-mentions';
import type { NamePageQuery } from './schemas';
import type { NameMentionView, NamePage } from './types';
import { assertCan, can, type Actor } from '../auth/permissions';
import { liveSegmentSql } from '../auth/scope';
import { NAME_MENTIONS_PAGE_SIZE } from '../config/limits';
import { getDb, type DbClient } from '../db/client';
import { AppError } from '../errors/app-error';

interface MentionRow {
  segment_id: string;
  language: string;
  work_id: string;
  work_title: string;
  text: string;
  marks: { start: number; end: number; isPreferred: boolean }[];
}

/**
 * One name's page (public for a confirmed name; a proposal or a rejected name only for those who
 * manage the collection's names): its record and forms, and a page of the passages that mention
 * it (each passage's published text as scanned, this name's mentions marked), by work and in the
 * order of the text. Texts changed since the last read are scanned first. Throws NOT_FOUND (no
 * such name in this collection, or one the actor may not see).
 */
export async function getNamePage({ actor, query, db = getDb() }: { actor: Actor; query: NamePageQuery; db?: DbClient }): Promise<NamePage> {
  const name = await db.nameEntry.findUnique({
    where: { id: query.nameId },
    select: { id: true, kind: true, status: true, note: true, label: true, createdAt: true, collection: { select: { id: true, title: true, slug: true } } },
  });
  if (!name || name.collection.id !== query.collectionId) throw new AppError('NOT_FOUND', 'names.notInCollectionIndex');
  assertCan(actor, 'names.read', { collectionId: name.collection.id });
  const abilities = { canManage: can(actor, 'names.manage', { collectionId: name.collection.id }), canPropose: can(actor, 'names.propose', { collectionId: name.collection.id }) };
  if (name.status !== 'CONFIRMED' && !abilities.canManage) throw new AppError('NOT_FOUND', 'names.notInCollectionIndex');
  const { pending } = await refreshNameMentions({ db, collectionId: name.collection.id });

  const [counted] = await db.$queryRaw<{ texts: number }[]>`
    SELECT count(*)::int AS texts FROM (SELECT DISTINCT m.segment_id, m.language FROM name_mention m JOIN segment s ON s.id = m.segment_id
     WHERE m.name_id = ${name.id}::uuid AND ${liveSegmentSql('s')}) t`;
  const rows = await db.$queryRaw<MentionRow[]>`
    SELECT ns.segment_id, ns.language, w.id AS work_id, w.title AS work_title, r.text,
           json_agg(json_build_object('start', m.start, 'end', m."end", 'isPreferred', m.is_preferred) ORDER BY m.start) AS marks
      FROM name_mention m
      JOIN name_scan ns ON ns.segment_id = m.segment_id AND ns.language = m.language
      JOIN revision r ON r.id = ns.revision_id
      JOIN segment s ON s.id = m.segment_id
      JOIN work w ON w.id = s.work_id
     WHERE m.name_id = ${name.id}::uuid AND ${liveSegmentSql('s')}
     GROUP BY ns.segment_id, ns.language, w.id, w.title, r.text, s.order_key
     ORDER BY w.title, w.id, s.order_key, ns.language
     LIMIT ${NAME_MENTIONS_PAGE_SIZE} OFFSET ${(query.page - 1) * NAME_MENTIONS_PAGE_SIZE}`;
  const [summary] = await presentNames(db, [name]);
  const mentions: NameMentionView[] = rows.map((row) => ({ segmentId: row.segment_id, language: row.language, workId: row.work_id, workTitle: row.work_title, text: row.text, marks: row.marks }));
  return {
    collection: name.collection,
    name: { ...(summary as NonNullable<typeof summary>), createdAt: name.createdAt.toISOString() },
    mentions,
    page: query.page,
    pageCount: Math.max(1, Math.ceil((counted?.texts ?? 0) / NAME_MENTIONS_PAGE_SIZE)),
    pendingScans: pending,
    languages: await findCollectionLanguages(db, name.collection.id),
    abilities,
  };
}
