import 'server-only';

import type { EditorChunk, EditorRow, EditorSegmentKind, PublishedState } from './types';
import type { Actor } from '../auth/permissions';
import { liveTextSegmentsOf } from '../auth/scope';
import type { Db } from '../db/client';
import { findTextSuggestions } from '../review/find-text-suggestions';
import { emphasisFromPairs } from '../segment/emphasis';
import { findWaitingStructuralEdits } from '../structure/find-waiting-structural-edits';

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

/** Segments read past the end of a range to finish a group that starts in it (a group rarely joins more than two or three). */
const GROUP_LOOKAHEAD = 8;

/**
 * The rows of chunks `fromChunk` … `toChunk - 1` in reading order (chunks are numbered in
 * reading order, so chunk then order key is the work's order), each with its published source
 * text and its published text in `language`, how many suggestions for each await review, and the
 * suggestions of the edited text the viewer's row needs (waiting for review, or turned down) and,
 * when editing the source, the structural edits awaiting review that touch each row.
 * Segments whose translation continues the previous one's are marked, and the source texts of
 * each group are listed on its first row, reading past the range when a group runs on into the
 * next chunk. Every chunk of the range is returned, empty or not.
 */
export async function readEditorChunks(db: Db, { actor, workId, collectionId, sourceLanguage, language, fromChunk, toChunk }: { actor: Actor; workId: string; collectionId: string; sourceLanguage: string; language: string; fromChunk: number; toChunk: number }): Promise<EditorChunk[]> {
  if (toChunk <= fromChunk) return [];
  const languages = [...new Set([sourceLanguage, language])];
  const segments = await db.segment.findMany({
    where: { ...liveTextSegmentsOf(workId), chunk: { gte: fromChunk, lt: toChunk } },
    orderBy: [{ chunk: 'asc' }, { orderKey: 'asc' }],
    select: {
      id: true, kind: true, level: true, label: true, chunk: true, parentId: true,
      texts: { where: { language: { in: languages } }, select: { language: true, status: true, continuesPrevious: true, publishedRevisionId: true, sourceRevisionId: true, publishedRevision: { select: { text: true, emphasis: true } } } },
    },
  });
  const segmentIds = segments.map((segment) => segment.id);
  const [openSuggestions, suggestions, structures, following] = await Promise.all([
    countOpenSuggestions(db, segmentIds, languages),
    findTextSuggestions({ actor, collectionId, language, segmentIds, db }),
    language === sourceLanguage ? findWaitingStructuralEdits({ actor, collectionId, workId, rows: segments.map((segment) => ({ segmentId: segment.id, parentId: segment.parentId })), db }) : new Map(),
    language === sourceLanguage || segments.length === 0 ? [] : readFollowingSegments(db, { workId, fromChunk: toChunk, languages }),
  ]);
  const chunks = new Map<number, EditorRow[]>();
  for (let chunk = fromChunk; chunk < toChunk; chunk += 1) chunks.set(chunk, []);
  const continues = (texts: readonly { language: string; continuesPrevious: boolean }[]) => language !== sourceLanguage && texts.some((text) => text.language === language && text.continuesPrevious);
  const sourceOf = (texts: readonly { language: string; publishedRevision: { text: string } | null }[]) => texts.find((text) => text.language === sourceLanguage)?.publishedRevision?.text ?? '';
  // The first row of the group being read: rows that continue it add their source to it.
  let head: EditorRow | null = null;
  for (const segment of segments) {
    const state = (tag: string): PublishedState => {
      const text = segment.texts.find((entry) => entry.language === tag);
      const published = text ? { text: text.publishedRevision?.text ?? '', revisionId: text.publishedRevisionId, status: text.status } : { text: '', revisionId: null, status: 'EMPTY' as const };
      const emphasis = emphasisFromPairs(text?.publishedRevision?.emphasis);
      return { ...published, openSuggestions: openSuggestions.get(`${segment.id}:${tag}`) ?? 0, ...(emphasis.length > 0 ? { emphasis } : {}) };
    };
    const row: EditorRow = {
      segmentId: segment.id,
      kind: segment.kind as EditorSegmentKind,
      level: segment.level,
      label: segment.label,
      chunk: segment.chunk,
      parentId: segment.parentId,
      source: state(sourceLanguage),
      target: state(language),
      isStale: isStaleTranslation(segment.texts, sourceLanguage, language),
      continuesPrevious: continues(segment.texts),
      groupedSources: [],
      suggestions: suggestions.get(segment.id) ?? { waiting: [], declined: [] },
      structure: structures.get(segment.id) ?? [],
    };
    if (!row.continuesPrevious) head = row;
    else head?.groupedSources.push({ segmentId: row.segmentId, text: row.source.text });
    chunks.get(segment.chunk)?.push(row);
  }
  for (const segment of following) {
    if (!head || !continues(segment.texts)) break;
    head.groupedSources.push({ segmentId: segment.id, text: sourceOf(segment.texts) });
  }
  return [...chunks].map(([chunk, rows]) => ({ chunk, rows }));
}

/** The first text-bearing segments from chunk `fromChunk` on, with their texts: where a group that ends a range goes on. */
async function readFollowingSegments(db: Db, { workId, fromChunk, languages }: { workId: string; fromChunk: number; languages: readonly string[] }) {
  return db.segment.findMany({
    where: { ...liveTextSegmentsOf(workId), chunk: { gte: fromChunk } },
    orderBy: [{ chunk: 'asc' }, { orderKey: 'asc' }],
    take: GROUP_LOOKAHEAD,
    select: { id: true, texts: { where: { language: { in: [...languages] } }, select: { language: true, continuesPrevious: true, publishedRevision: { select: { text: true } } } } },
  });
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
    where: { segmentId: { in: [...segmentIds] }, language: { in: [...languages] }, kind: { not: 'STRUCTURE' }, status: { in: [...OPEN_SUGGESTION_STATUSES] } },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [`${group.segmentId}:${group.language}`, group._count._all]));
}
