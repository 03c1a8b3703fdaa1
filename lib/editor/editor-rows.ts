import 'server-only';

import type { EditorChunk, EditorRow, EditorSegmentKind, PublishedState } from './types';
import { liveTextSegmentsOf } from '../auth/scope';
import type { Db } from '../db/client';

/** Suggestions that still await a reviewer's decision (as the review queue counts them). */
const OPEN_SUGGESTION_STATUSES = ['PENDING', 'APPROVED'] as const;

/**
 * Text-bearing segments per collaboration chunk, indexed by chunk number (chunks left empty by
 * merges or retirement count 0): the layout of the editor's virtual list for the whole work, in one query.
 */
export async function countChunkSizes(db: Db, workId: string): Promise<number[]> {
  const groups = await db.segment.groupBy({ by: ['chunk'], where: liveTextSegmentsOf(workId), _count: { _all: true } });
  const sizes: number[] = [];
  const last = groups.reduce((max, group) => Math.max(max, group.chunk), -1);
  for (let chunk = 0; chunk <= last; chunk += 1) sizes.push(0);
  for (const group of groups) sizes[group.chunk] = group._count._all;
  return sizes;
}

/**
 * The rows of chunks `fromChunk` … `toChunk - 1` in reading order (chunks are numbered in
 * reading order, so chunk then order key is the work's order), each with its published source
 * text and its published text in `language`, and how many suggestions for each await review.
 * Every chunk of the range is returned, empty or not.
 */
export async function readEditorChunks(db: Db, { workId, sourceLanguage, language, fromChunk, toChunk }: { workId: string; sourceLanguage: string; language: string; fromChunk: number; toChunk: number }): Promise<EditorChunk[]> {
  if (toChunk <= fromChunk) return [];
  const segments = await db.segment.findMany({
    where: { ...liveTextSegmentsOf(workId), chunk: { gte: fromChunk, lt: toChunk } },
    orderBy: [{ chunk: 'asc' }, { orderKey: 'asc' }],
    select: {
      id: true, kind: true, level: true, label: true, chunk: true, parentId: true,
      texts: { where: { language: { in: [...new Set([sourceLanguage, language])] } }, select: { language: true, status: true, publishedRevisionId: true, sourceRevisionId: true, publishedRevision: { select: { text: true } } } },
    },
  });
  const openSuggestions = await countOpenSuggestions(db, segments.map((segment) => segment.id), [...new Set([sourceLanguage, language])]);
  const chunks = new Map<number, EditorRow[]>();
  for (let chunk = fromChunk; chunk < toChunk; chunk += 1) chunks.set(chunk, []);
  for (const segment of segments) {
    const state = (tag: string): PublishedState => {
      const text = segment.texts.find((entry) => entry.language === tag);
      const published = text ? { text: text.publishedRevision?.text ?? '', revisionId: text.publishedRevisionId, status: text.status } : { text: '', revisionId: null, status: 'EMPTY' as const };
      return { ...published, openSuggestions: openSuggestions.get(`${segment.id}:${tag}`) ?? 0 };
    };
    chunks.get(segment.chunk)?.push({
      segmentId: segment.id,
      kind: segment.kind as EditorSegmentKind,
      level: segment.level,
      label: segment.label,
      chunk: segment.chunk,
      parentId: segment.parentId,
      source: state(sourceLanguage),
      target: state(language),
      isStale: isStaleTranslation(segment.texts, sourceLanguage, language),
    });
  }
  return [...chunks].map(([chunk, rows]) => ({ chunk, rows }));
}

/**
 * A translation is stale when the source was corrected since it was made or last confirmed: the
 * source revision it records is not the source's published one (lib/review/stale-translations).
 */
function isStaleTranslation(texts: readonly { language: string; publishedRevisionId: string | null; sourceRevisionId: string | null }[], sourceLanguage: string, language: string): boolean {
  if (language === sourceLanguage) return false;
  const translation = texts.find((entry) => entry.language === language);
  const source = texts.find((entry) => entry.language === sourceLanguage);
  return !!translation?.publishedRevisionId && !!source?.publishedRevisionId && translation.sourceRevisionId !== source.publishedRevisionId;
}

/** Suggestions awaiting review per `segmentId:language`, for the given segments and languages (one grouped query). */
async function countOpenSuggestions(db: Db, segmentIds: readonly string[], languages: readonly string[]): Promise<Map<string, number>> {
  if (segmentIds.length === 0) return new Map();
  const groups = await db.suggestion.groupBy({
    by: ['segmentId', 'language'],
    where: { segmentId: { in: [...segmentIds] }, language: { in: [...languages] }, status: { in: [...OPEN_SUGGESTION_STATUSES] } },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [`${group.segmentId}:${group.language}`, group._count._all]));
}
