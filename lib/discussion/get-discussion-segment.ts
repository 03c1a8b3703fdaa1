import 'server-only';

import { findSegmentThreads } from './find-segment-threads';
import type { DiscussionThread } from './types';
import { actorUserId, assertCan, can, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';
import { loadSegmentContext } from '../segment/segment-context';

export interface DiscussionSegment {
  segmentId: string;
  kind: 'HEADING' | 'SENTENCE' | 'FOOTNOTE' | 'PARAGRAPH';
  work: { id: string; title: string; collectionTitle: string; sourceLanguage: string };
  /** The work's languages, the source first, each with this segment's published text (empty when none). */
  texts: { language: string; text: string; isSource: boolean }[];
  threads: DiscussionThread[];
  viewerId: string | null;
  abilities: { canComment: boolean; canModerate: boolean };
}

/**
 * A segment with its published texts and its discussion, for the segment's discussion page.
 * Throws NOT_FOUND (also for paragraphs, which hold no text of their own).
 */
export async function getDiscussionSegment({ actor, segmentId, db = getDb() }: { actor: Actor; segmentId: string; db?: Db }): Promise<DiscussionSegment> {
  const context = await loadSegmentContext(db, segmentId);
  const resource = { collectionId: context.collectionId };
  assertCan(actor, 'work.read', resource);
  const [segment, threads] = await Promise.all([
    // all segments: a retired passage's discussion stays readable, like its history (docs/import.md).
    db.segment.findUniqueOrThrow({
      where: { id: segmentId },
      select: {
        kind: true,
        texts: { select: { language: true, publishedRevision: { select: { text: true } } } },
        work: { select: { id: true, title: true, sourceLanguage: true, collection: { select: { title: true } }, languages: { select: { language: true }, orderBy: { createdAt: 'asc' } } } },
      },
    }),
    findSegmentThreads({ actor, segmentId, db }),
  ]);
  const textOf = new Map(segment.texts.map((text) => [text.language, text.publishedRevision?.text ?? '']));
  const languages = [segment.work.sourceLanguage, ...segment.work.languages.map((entry) => entry.language).filter((language) => language !== segment.work.sourceLanguage)];
  return {
    segmentId,
    kind: segment.kind,
    work: { id: segment.work.id, title: segment.work.title, collectionTitle: segment.work.collection.title, sourceLanguage: segment.work.sourceLanguage },
    texts: languages.map((language) => ({ language, text: textOf.get(language) ?? '', isSource: language === segment.work.sourceLanguage })),
    threads,
    viewerId: actorUserId(actor),
    abilities: { canComment: can(actor, 'comment.create', resource), canModerate: can(actor, 'comment.moderate', resource) },
  };
}
