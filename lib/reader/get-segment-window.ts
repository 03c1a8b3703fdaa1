import 'server-only';

import type { ReaderLayout, ReaderNote, ReaderSegment, SegmentWindow } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { liveSegment, liveSegmentsOf } from '../auth/scope';
import { READER_WINDOW_SEGMENTS } from '../config/limits';
import { getDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { emphasisFromPairs } from '../segment/emphasis';

export interface GetSegmentWindowOptions {
  actor: Actor;
  workId: string;
  /** Languages whose published texts to include. */
  languages: string[];
  /** Start after this order key (exclusive). */
  after?: string;
  /** Start at this order key (inclusive): a page's or a permalink's first segment. */
  from?: string;
  /** End before this order key (exclusive); the window then holds the segments just before it. */
  before?: string;
  /** Start a little before this segment so it is in view with some context. */
  around?: string;
  limit?: number;
  db?: Db;
}

const CONTEXT_BEFORE = 5;

/**
 * One window of a work's segments in reading order, with the published texts of `languages` (and
 * their emphasis), page anchors, the layout of their paragraphs (each sentence carries its paragraph's) and the notes
 * their references point to (shown in place, without another request): the reader never loads a
 * whole work at once. Throws NOT_FOUND.
 */
export async function getSegmentWindow({ actor, workId, languages, after, from, before, around, limit = READER_WINDOW_SEGMENTS, db = getDb() }: GetSegmentWindowOptions): Promise<SegmentWindow> {
  assertCan(actor, 'work.read');
  const work = isUuid(workId) ? await db.work.findUnique({ where: { id: workId }, select: { collectionId: true } }) : null;
  if (!work) throw new AppError('NOT_FOUND', 'work.notFound');
  const take = Math.min(Math.max(limit, 1), READER_WINDOW_SEGMENTS);
  let startAfter = after;
  if (around !== undefined) {
    // all segments: a segment a later cleanup retired still has its place, and the window opens where it stood.
    const target = isUuid(around) ? await db.segment.findFirst({ where: { id: around, workId }, select: { orderKey: true, parentId: true } }) : null;
    if (!target) throw new AppError('NOT_FOUND', 'reader.segmentNotInWork');
    const context = await db.segment.findMany({
      where: { ...liveSegmentsOf(workId), orderKey: { lt: target.orderKey } },
      orderBy: { orderKey: 'desc' },
      take: CONTEXT_BEFORE + 1,
      select: { orderKey: true },
    });
    startAfter = context.length > CONTEXT_BEFORE ? context[CONTEXT_BEFORE]?.orderKey : undefined;
  }

  const isBackward = before !== undefined && startAfter === undefined && from === undefined;
  const rows = await db.segment.findMany({
    where: { ...liveSegmentsOf(workId), orderKey: isBackward ? { lt: before } : startAfter !== undefined ? { gt: startAfter } : from !== undefined ? { gte: from } : undefined },
    orderBy: { orderKey: isBackward ? 'desc' : 'asc' },
    take: take + 1,
    select: {
      id: true, kind: true, level: true, label: true, orderKey: true, parentId: true, style: true, speaker: true,
      parent: { select: { style: true, speaker: true, label: true, level: true } },
      anchors: { select: { label: true, charOffset: true }, orderBy: { charOffset: 'asc' } },
      // References to a retired note, and from retired text, are not shown.
      noteRefs: { where: { footnote: liveSegment }, select: { label: true, charOffset: true, footnoteId: true }, orderBy: { charOffset: 'asc' } },
      referrers: { where: { segment: liveSegment }, select: { segmentId: true } },
      texts: {
        where: { language: { in: languages } },
        select: { language: true, status: true, continuesPrevious: true, alignScore: true, publishedRevision: { select: { text: true, emphasis: true } } },
      },
    },
  });
  const hasMore = rows.length > take;
  const page = rows.slice(0, take);
  if (isBackward) page.reverse();
  const notes = await notesOf(db, [...new Set(page.flatMap((row) => row.noteRefs.map((ref) => ref.footnoteId)))], work.collectionId, languages);
  const segments: ReaderSegment[] = page.map((row) => ({
    id: row.id,
    kind: row.kind,
    level: row.level,
    label: row.label,
    orderKey: row.orderKey,
    parentId: row.parentId,
    layout: layoutOf(row.kind === 'SENTENCE' && row.parent ? row.parent : row),
    pages: row.anchors.map((anchor) => ({ label: anchor.label, offset: anchor.charOffset })),
    footnoteRefs: row.noteRefs.flatMap((ref) => {
      const note = notes.get(ref.footnoteId);
      return note ? [{ label: ref.label, offset: ref.charOffset, footnoteId: ref.footnoteId, note }] : [];
    }),
    referencedBy: [...new Set(row.referrers.map((referrer) => referrer.segmentId))],
    texts: Object.fromEntries(
      row.texts
        .filter((t) => t.publishedRevision || t.continuesPrevious)
        .map((t) => [
          t.language,
          { text: t.publishedRevision?.text ?? '', status: t.status, continuesPrevious: t.continuesPrevious, alignScore: t.alignScore, emphasis: emphasisFromPairs(t.publishedRevision?.emphasis) },
        ]),
    ),
  }));
  const first = segments[0]?.orderKey;
  const last = segments.at(-1)?.orderKey;
  const [hasBefore, hasAfter] = await Promise.all([
    isBackward ? hasMore : first !== undefined && db.segment.count({ where: { ...liveSegmentsOf(workId), orderKey: { lt: first } }, take: 1 }).then((n) => n > 0),
    isBackward ? last !== undefined && db.segment.count({ where: { ...liveSegmentsOf(workId), orderKey: { gt: last } }, take: 1 }).then((n) => n > 0) : hasMore,
  ]);
  return { segments, hasBefore: Boolean(hasBefore), hasAfter: Boolean(hasAfter) };
}

/**
 * The notes a window's references point to, read in the languages of the window: live notes of
 * the same collection only (a volume's notes may be in another of its works). One query, bounded
 * by the references of one window.
 */
async function notesOf(db: Db, ids: readonly string[], collectionId: string, languages: readonly string[]): Promise<Map<string, ReaderNote>> {
  if (ids.length === 0) return new Map();
  const rows = await db.segment.findMany({
    where: { id: { in: [...ids] }, kind: 'FOOTNOTE', ...liveSegment, work: { collectionId } },
    select: {
      id: true, label: true, workId: true,
      texts: { where: { language: { in: [...languages] } }, select: { language: true, publishedRevision: { select: { text: true } } } },
    },
  });
  return new Map(
    rows.map((row) => [
      row.id,
      { label: row.label, workId: row.workId, texts: Object.fromEntries(row.texts.flatMap((t) => (t.publishedRevision ? [[t.language, t.publishedRevision.text]] : []))) },
    ]),
  );
}

/** The layout a paragraph row stores: its style, speaker and (for a list item) marker and depth. */
function layoutOf(paragraph: { style: ReaderLayout['style']; speaker: string | null; label: string | null; level: number }): ReaderLayout {
  const isItem = paragraph.style === 'LIST_ITEM';
  return { style: paragraph.style, speaker: paragraph.style === 'SPEAKER_TURN' ? paragraph.speaker : null, marker: isItem ? paragraph.label : null, depth: isItem ? paragraph.level : 0 };
}
