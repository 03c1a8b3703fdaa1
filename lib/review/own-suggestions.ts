import 'server-only';

import { z } from 'zod';

import { readHunkRejections } from './declined-suggestions';
import type { HunkRejection, RejectReasonCode } from './schemas';
import { assertCan, type Actor } from '../auth/permissions';
import { getDb, type Db, type Prisma } from '../db/client';
import { diffWords, type DiffOp } from '../diff/word-diff';

export const ownSuggestionsFilter = z.object({
  status: z.enum(['PENDING', 'APPROVED', 'PUBLISHED', 'REJECTED', 'WITHDRAWN']).optional(),
  /** One suggestion only (the editor links a draft waiting for review to it); someone else's shows nothing. */
  suggestionId: z.string().uuid().optional(),
  /** Keyset cursor: the id of the last item of the previous page (newest first). */
  before: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type OwnSuggestionsFilter = z.input<typeof ownSuggestionsFilter>;

export interface OwnSuggestion {
  suggestionId: string;
  status: 'PENDING' | 'APPROVED' | 'PUBLISHED' | 'REJECTED' | 'WITHDRAWN';
  kind: 'CORRECTION' | 'TRANSLATION' | 'STRUCTURE';
  segmentId: string;
  language: string;
  work: { id: string; title: string };
  createdAt: Date;
  /** What the author proposed, as a word diff against the text it was based on (empty for a structural edit). */
  diff: DiffOp[];
  /** For a structural edit (kind STRUCTURE): what it changes, in one line; null for a text suggestion. */
  summary: string | null;
  /** The text published in the end when a reviewer edited it or kept only some changes. */
  publishedText: string | null;
  reviewer: string | null;
  decidedAt: Date | null;
  rejectReason: RejectReasonCode | null;
  rejectNote: string;
  /** Changes the reviewer turned down while approving the rest, with their reasons. */
  hunkRejections: HunkRejection[];
}

/**
 * The signed-in author's own suggestions, newest first, with the outcome of each and the
 * reviewers' reasons: what the author's page shows. Keyset pages on id.
 */
export async function getOwnSuggestions({ actor, filter, db = getDb() }: { actor: Actor; filter: OwnSuggestionsFilter; db?: Db }): Promise<{ items: OwnSuggestion[]; next: string | null }> {
  assertCan(actor, 'account.view');
  if (actor.kind !== 'user') return { items: [], next: null };
  const { status, suggestionId, before, limit } = ownSuggestionsFilter.parse(filter);
  const where: Prisma.SuggestionWhereInput = { authorId: actor.id, ...(status ? { status } : {}), id: { ...(suggestionId ? { equals: suggestionId } : {}), ...(before ? { lt: before } : {}) } };
  const rows = await db.suggestion.findMany({
    where,
    orderBy: { id: 'desc' },
    take: limit + 1,
    select: {
      id: true, status: true, kind: true, segmentId: true, language: true, createdAt: true, text: true, approvedText: true, baseRevisionId: true,
      reviewedAt: true, validatedAt: true, rejectReason: true, rejectNote: true, hunkRejections: true,
      reviewer: { select: { name: true } },
      validator: { select: { name: true } },
      segment: { select: { work: { select: { id: true, title: true } } } },
    },
  });
  const page = rows.slice(0, limit);
  const baseIds = [...new Set(page.filter((row) => row.kind !== 'STRUCTURE').map((row) => row.baseRevisionId).filter((id): id is string => id !== null))];
  const bases = baseIds.length > 0 ? await db.revision.findMany({ where: { id: { in: baseIds } }, select: { id: true, text: true } }) : [];
  const baseText = new Map(bases.map((base) => [base.id, base.text]));
  const items = page.map((row): OwnSuggestion => {
    const isDecided = row.status === 'PUBLISHED' || row.status === 'REJECTED';
    return {
      suggestionId: row.id,
      status: row.status,
      kind: row.kind,
      segmentId: row.segmentId,
      language: row.language,
      work: row.segment.work,
      createdAt: row.createdAt,
      diff: row.kind === 'STRUCTURE' ? [] : diffWords(row.baseRevisionId ? (baseText.get(row.baseRevisionId) ?? '') : '', row.text),
      summary: row.kind === 'STRUCTURE' ? row.text : null,
      publishedText: row.status === 'PUBLISHED' && row.approvedText !== null && row.approvedText !== row.text ? row.approvedText : null,
      reviewer: (row.validator ?? row.reviewer)?.name ?? null,
      decidedAt: isDecided ? (row.validatedAt ?? row.reviewedAt) : null,
      rejectReason: row.rejectReason,
      rejectNote: row.rejectNote,
      hunkRejections: readHunkRejections(row),
    };
  });
  return { items, next: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
