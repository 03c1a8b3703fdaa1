import 'server-only';

import { z } from 'zod';

import { can, canSomewhere, type Actor } from '../auth/permissions';
import { collectionIdInScopeWhere, liveSegment } from '../auth/scope';
import { checkTexts } from '../checks/check-texts';
import { checkIdSchema } from '../checks/schemas';
import type { CheckId, ShownFinding } from '../checks/types';
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
  /** Only translations with an undismissed finding of this quality check (docs/quality-checks.md). */
  check: checkIdSchema.optional(),
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
  /** What the quality checks find in a suggested translation (with the dismissed ones); empty for corrections and structural edits. */
  findings: ShownFinding[];
}

/** Suggestions read at a time while looking for those with a finding of a check. */
const CHECK_SCAN_BATCH = 100;
/** Most suggestions one page looks through for findings of a check; the page's cursor then leads on from there. */
const MAX_CHECK_SCAN = 2_000;

/**
 * The reviewers' queue: open suggestions (pending, or approved and waiting for a second reviewer)
 * in the collections the actor reviews, oldest first, filtered by collection, work, segment,
 * language, author, kind, age and a quality check that finds something (translations only);
 * keyset pages. Each item carries its word diff against the published text and, for a
 * translation, what the quality checks find in it.
 */
export async function getReviewQueue({ actor, filter, db = getDb() }: { actor: Actor; filter: QueueFilter; db?: Db }): Promise<{ items: QueueItem[]; next: string | null }> {
  const { collectionId, workId, segmentId, language, authorId, kind, check, minAgeDays, after, limit } = queueFilter.parse(filter);
  if (!canSomewhere(actor, 'suggestion.review')) throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN', 'review.editorsOnly');
  if (collectionId && !can(actor, 'suggestion.review', { collectionId })) throw new AppError('FORBIDDEN', 'review.notYourCollection');
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
    // Only translations have findings.
    ...(check ? { kind: 'TRANSLATION' as const } : kind ? { kind } : {}),
    ...(minAgeDays ? { createdAt: { lte: new Date(Date.now() - minAgeDays * 86_400_000) } } : {}),
  };
  if (check && kind && kind !== 'TRANSLATION') return { items: [], next: null };
  // uuid v7 ids grow with time: ordering by id is oldest first and makes a stable keyset cursor.
  const readRows = (from: string | undefined, take: number) =>
    db.suggestion.findMany({
      where: { ...where, ...(from ? { id: { gt: from } } : {}) },
      orderBy: { id: 'asc' },
      take,
      select: {
        id: true, status: true, kind: true, segmentId: true, language: true, createdAt: true, text: true, approvedText: true, baseRevisionId: true, workId: true, collectionId: true, operation: true, machineProvider: true, isMachineEdited: true,
        author: { select: { id: true, name: true } },
        segment: { select: { work: { select: { id: true, title: true, sourceLanguage: true } } } },
        // all segments: where a filled translation came from stays its provenance, retired or not.
        repetitionOf: { select: { id: true, work: { select: { id: true, title: true } } } },
      },
    });
  type Row = Awaited<ReturnType<typeof readRows>>[number];
  const toCheck = (row: Row) => ({ id: row.id, segmentId: row.segmentId, workId: row.workId, collectionId: row.collectionId, sourceLanguage: row.segment.work.sourceLanguage, language: row.language, text: row.approvedText ?? row.text });

  let page: Row[];
  let next: string | null;
  if (check) {
    ({ page, next } = await pageWithFinding(readRows, (rows) => checkTexts(db, rows.map(toCheck), { only: new Set([check]) }), { after, limit, check }));
  } else {
    const rows = await readRows(after, limit + 1);
    // Each structural edit is planned again for its preview: a page ends after the
    // MAX_STRUCTURE_PREVIEWS_PER_PAGE-th of them (its cursor then leads on from there).
    let end = Math.min(limit, rows.length);
    let structural = 0;
    for (let index = 0; index < end; index += 1) {
      if (rows[index]?.kind !== 'STRUCTURE') continue;
      structural += 1;
      if (structural === MAX_STRUCTURE_PREVIEWS_PER_PAGE) end = index + 1;
    }
    page = rows.slice(0, end);
    next = rows.length > page.length ? (page.at(-1)?.id ?? null) : null;
  }
  const findings = await checkTexts(db, page.filter((row) => row.kind === 'TRANSLATION').map(toCheck));
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
      findings: findings.get(row.id) ?? [],
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
  return { items, next };
}

/**
 * A page of suggestions with an undismissed finding of `check`: reads the queue in batches from
 * the cursor and keeps those the checks flag, until the page is full, the queue ends or
 * {@link MAX_CHECK_SCAN} suggestions were read (the cursor then names the last one read, so the
 * next page goes on from there).
 */
async function pageWithFinding<R extends { id: string }>(
  readRows: (from: string | undefined, take: number) => Promise<R[]>,
  findingsOf: (rows: R[]) => Promise<Map<string, ShownFinding[]>>,
  { after, limit, check }: { after: string | undefined; limit: number; check: CheckId },
): Promise<{ page: R[]; next: string | null }> {
  const page: R[] = [];
  let cursor = after;
  let scanned = 0;
  while (scanned < MAX_CHECK_SCAN) {
    const rows = await readRows(cursor, CHECK_SCAN_BATCH);
    if (rows.length === 0) return { page, next: null };
    scanned += rows.length;
    const findings = await findingsOf(rows);
    for (const row of rows) {
      if (!(findings.get(row.id) ?? []).some((finding) => finding.check === check && !finding.dismissal)) continue;
      page.push(row);
      // Full: what follows this one (read or not) is the next page's.
      if (page.length === limit) return { page, next: row.id };
    }
    cursor = rows.at(-1)?.id;
    if (rows.length < CHECK_SCAN_BATCH) return { page, next: null };
  }
  return { page, next: cursor ?? null };
}

/** The label of the text a suggestion offers now: a first reviewer's changes (`approvedText`) make machine output edited too. */
function suggestedMachineOrigin(row: { text: string; approvedText: string | null; machineProvider: string | null; isMachineEdited: boolean }): MachineOrigin | null {
  const origin = machineOriginOf(row);
  return origin && row.approvedText !== null && row.approvedText !== row.text ? { ...origin, isEdited: true } : origin;
}
