import 'server-only';

import { z } from 'zod';

import { can, canSomewhere, type Actor } from '../auth/permissions';
import { collectionIdInScopeWhere, liveSegment } from '../auth/scope';
import { MAX_STRUCTURE_PREVIEWS_PER_PAGE } from '../config/limits';
import { getDb, type Db, type Prisma } from '../db/client';
import { diffWords, type DiffOp } from '../diff/word-diff';
import { AppError } from '../errors/app-error';
import { machineOriginOf, type MachineOrigin } from '../machine-translation/providers';
import { previewStoredStructuralEdit, type StoredStructurePreview } from '../structure/preview-stored-structural-edit';

export const queueFilter = z.object({
  collectionId: z.string().uuid().optional(),
  workId: z.string().uuid().optional(),
  /** One segment's suggestions (the editor links a text waiting for review here). */
  segmentId: z.string().uuid().optional(),
  language: z.string().max(35).optional(),
  authorId: z.string().uuid().optional(),
  kind: z.enum(['CORRECTION', 'TRANSLATION', 'STRUCTURE']).optional(),
  /** Only suggestions at least this many days old. */
  minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
  /** Keyset cursor: the id of the last item of the previous page. */
  after: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type QueueFilter = z.input<typeof queueFilter>;

export interface QueueItem {
  suggestionId: string;
  status: 'PENDING' | 'APPROVED';
  kind: 'CORRECTION' | 'TRANSLATION' | 'STRUCTURE';
  segmentId: string;
  language: string;
  work: { id: string; title: string; sourceLanguage: string };
  author: { id: string; name: string } | null;
  createdAt: Date;
  /** The suggestion's base is no longer the published text: approving it is a conflict. */
  isStale: boolean;
  publishedText: string;
  /** The revision `publishedText` is (null: no text yet): what an edited approval is based on. */
  publishedRevisionId: string | null;
  suggestedText: string;
  /** Word diff of the suggestion against the text published now. */
  diff: DiffOp[];
  /** The source segment beside a translation. */
  sourceText: string | null;
  /** The machine translation service the suggested text came from (and whether the translator edited it), or null for human text. */
  machine: MachineOrigin | null;
  /**
   * For a translation filled from a repetition (lib/review/fill-repetitions.ts): the segment
   * whose translation it copies, the same sentence elsewhere in the work or its volume; null otherwise.
   */
  repetitionOf: { segmentId: string; workId: string; workTitle: string } | null;
  /**
   * For a STRUCTURE suggestion: the change before and after, planned against the current state,
   * what would refuse its approval now (`blockers`) and the proposer's note. Its `suggestedText`
   * is the change's one-line summary, `publishedText` the first segment's source text, `diff` empty.
   */
  structure?: StoredStructurePreview;
}

/**
 * The reviewers' queue: open suggestions (pending, or approved and waiting for a second reviewer)
 * in the collections the actor reviews, oldest first, filtered by collection, work, segment,
 * language, author, kind and age; keyset pages. Each item carries its word diff against the published text.
 */
export async function getReviewQueue({ actor, filter, db = getDb() }: { actor: Actor; filter: QueueFilter; db?: Db }): Promise<{ items: QueueItem[]; next: string | null }> {
  const { collectionId, workId, segmentId, language, authorId, kind, minAgeDays, after, limit } = queueFilter.parse(filter);
  if (!canSomewhere(actor, 'suggestion.review')) throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN', 'Only editors review suggestions.');
  if (collectionId && !can(actor, 'suggestion.review', { collectionId })) throw new AppError('FORBIDDEN', 'You do not review this collection.');
  const where: Prisma.SuggestionWhereInput = {
    status: { in: ['PENDING', 'APPROVED'] },
    // Suggestions for text a re-import retired wait, out of sight, until it is restored. A
    // structural edit whose first segment was retired since stays in sight, to be rejected: its
    // preview says why it no longer applies.
    OR: [{ segment: liveSegment }, { kind: 'STRUCTURE' }],
    ...(collectionId ? { collectionId } : collectionIdInScopeWhere(actor, 'suggestion.review')),
    ...(workId ? { workId } : {}),
    ...(segmentId ? { segmentId } : {}),
    ...(language ? { language } : {}),
    ...(authorId ? { authorId } : {}),
    ...(kind ? { kind } : {}),
    ...(minAgeDays ? { createdAt: { lte: new Date(Date.now() - minAgeDays * 86_400_000) } } : {}),
    ...(after ? { id: { gt: after } } : {}),
  };
  // uuid v7 ids grow with time: ordering by id is oldest first and makes a stable keyset cursor.
  const rows = await db.suggestion.findMany({
    where,
    orderBy: { id: 'asc' },
    take: limit + 1,
    select: {
      id: true, status: true, kind: true, segmentId: true, language: true, createdAt: true, text: true, approvedText: true, baseRevisionId: true, workId: true, operation: true, machineProvider: true, isMachineEdited: true,
      author: { select: { id: true, name: true } },
      segment: { select: { work: { select: { id: true, title: true, sourceLanguage: true } } } },
      // all segments: where a filled translation came from stays its provenance, retired or not.
      repetitionOf: { select: { id: true, work: { select: { id: true, title: true } } } },
    },
  });
  // Each structural edit is planned again for its preview: a page ends after the
  // MAX_STRUCTURE_PREVIEWS_PER_PAGE-th of them (its cursor then leads on from there).
  let end = Math.min(limit, rows.length);
  let structural = 0;
  for (let index = 0; index < end; index += 1) {
    if (rows[index]?.kind !== 'STRUCTURE') continue;
    structural += 1;
    if (structural === MAX_STRUCTURE_PREVIEWS_PER_PAGE) end = index + 1;
  }
  const page = rows.slice(0, end);
  const texts = await db.segmentText.findMany({
    where: { OR: page.flatMap((row) => [{ segmentId: row.segmentId, language: row.language }, { segmentId: row.segmentId, language: row.segment.work.sourceLanguage }]) },
    select: { segmentId: true, language: true, publishedRevisionId: true, publishedRevision: { select: { text: true } } },
  });
  const textOf = new Map(texts.map((text) => [`${text.segmentId}:${text.language}`, text]));
  const structures = new Map<string, StoredStructurePreview>(
    await Promise.all(page.filter((row) => row.kind === 'STRUCTURE').map(async (row) => [row.id, await previewStoredStructuralEdit({ db, suggestion: row, work: row.segment.work })] as const)),
  );
  const items = page.map((row): QueueItem => {
    const structure = structures.get(row.id);
    const published = textOf.get(`${row.segmentId}:${row.language}`);
    const publishedText = published?.publishedRevision?.text ?? '';
    const publishedRevisionId = published?.publishedRevisionId ?? null;
    const common = {
      suggestionId: row.id,
      status: row.status as 'PENDING' | 'APPROVED',
      kind: row.kind,
      segmentId: row.segmentId,
      language: row.language,
      work: row.segment.work,
      author: row.author,
      createdAt: row.createdAt,
      publishedText,
      publishedRevisionId,
      machine: suggestedMachineOrigin(row),
      repetitionOf: row.repetitionOf ? { segmentId: row.repetitionOf.id, workId: row.repetitionOf.work.id, workTitle: row.repetitionOf.work.title } : null,
    };
    // A structural edit has no text of its own to compare: its preview is the diff, its blockers the conflict.
    if (structure) return { ...common, isStale: structure.blockers.length > 0, suggestedText: row.text, diff: [], sourceText: null, structure };
    const suggestedText = row.approvedText ?? row.text;
    return {
      ...common,
      isStale: publishedRevisionId !== row.baseRevisionId,
      suggestedText,
      diff: diffWords(publishedText, suggestedText),
      sourceText: row.kind === 'TRANSLATION' ? (textOf.get(`${row.segmentId}:${row.segment.work.sourceLanguage}`)?.publishedRevision?.text ?? null) : null,
    };
  });
  return { items, next: rows.length > page.length ? (page.at(-1)?.id ?? null) : null };
}

/** The label of the text a suggestion offers now: a first reviewer's changes (`approvedText`) make machine output edited too. */
function suggestedMachineOrigin(row: { text: string; approvedText: string | null; machineProvider: string | null; isMachineEdited: boolean }): MachineOrigin | null {
  const origin = machineOriginOf(row);
  return origin && row.approvedText !== null && row.approvedText !== row.text ? { ...origin, isEdited: true } : origin;
}
