import 'server-only';

import * as Y from 'yjs';

import { createSuggestion } from './create-suggestion';
import { DECIDED_STATUSES, declinedOutcome, proposalKey } from './declined-suggestions';
import { assertCan, type Actor } from '../auth/permissions';
import { liveSegment } from '../auth/scope';
import { listSegmentEntries } from '../collab/segment-doc';
import { getDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';

/** Most drafts one request turns into suggestions; the rest wait for the next request. */
const MAX_DRAFTS_PER_SUBMISSION = 500;

export interface DraftSubmission {
  /** Drafts that became suggestions. */
  submitted: number;
  /** Drafts marked done that are already waiting for review as they are (submitted by anyone). */
  alreadySubmitted: number;
  /** Drafts marked done that equal the published text. */
  unchanged: number;
  /** Drafts marked done that a reviewer already rejected or published only in part as they are, on the same base. */
  declined: number;
  /** Drafts of segments translated together with the previous one (their text belongs to that segment's). */
  grouped: number;
  /** Drafts that could not be submitted, with the reason. */
  failed: { segmentId: string; message: string }[];
  /** More drafts are waiting than one request submits. */
  hasMore: boolean;
}

interface DoneDraft {
  segmentId: string;
  text: string;
  base: string | null;
  /** The machine translation the draft was filled with (its mark), for the label. */
  machineTranslationId: string | null;
}

/**
 * Turns every draft of a work in one language that is marked done into a suggestion by the actor
 * (the editor's "Submit all drafts marked done"). Drafts are read from the stored collaboration
 * documents: the compacted state and every update confirmed since, which is everything any editor
 * has been told is saved. Skipped, and counted: a draft equal to the published text; one waiting
 * for review as it is (same segment, base and text, whoever submitted it); one a reviewer already
 * rejected or published only in part as it is; one of a segment whose translation is grouped into
 * the previous segment's. Each of the others is submitted on its own (a failure leaves the rest
 * going through) and reported.
 */
export async function submitDoneDrafts({ actor, workId, language, db = getDb() }: { actor: Actor; workId: string; language: string; db?: Db }): Promise<DraftSubmission> {
  const work = isUuid(workId) ? await db.work.findUnique({ where: { id: workId }, select: { collectionId: true, languages: { where: { language }, select: { language: true } } } }) : null;
  if (!work) throw new AppError('NOT_FOUND', 'work.notFoundThat');
  assertCan(actor, 'suggestion.create', { collectionId: work.collectionId });
  if (work.languages.length === 0) throw new AppError('NOT_FOUND', 'review.noText', { values: { language } });

  const drafts = await readDoneDrafts(db, workId, language);
  const segmentIds = [...new Set(drafts.map((draft) => draft.segmentId))];
  const texts = await db.segmentText.findMany({ where: { segmentId: { in: segmentIds }, language }, select: { segmentId: true, continuesPrevious: true, publishedRevision: { select: { text: true } } } });
  const published = new Map(texts.map((text) => [text.segmentId, text.publishedRevision?.text ?? '']));
  const grouped = new Set(texts.filter((text) => text.continuesPrevious).map((text) => text.segmentId));
  // Suggestions of the same words for the same texts: waiting for review, or decided already.
  const twins = await db.suggestion.findMany({
    where: { workId, language, kind: { not: 'STRUCTURE' }, segmentId: { in: segmentIds }, text: { in: [...new Set(drafts.map((draft) => draft.text))] }, status: { in: ['PENDING', 'APPROVED', ...DECIDED_STATUSES] } },
    select: { id: true, segmentId: true, baseRevisionId: true, status: true, text: true, approvedText: true, hunkRejections: true },
  });
  const waitingKeys = new Set(twins.filter((twin) => twin.status === 'PENDING' || twin.status === 'APPROVED').map((twin) => proposalKey(twin.segmentId, twin.baseRevisionId, twin.text)));
  const declinedKeys = new Set(twins.filter((twin) => declinedOutcome(twin) !== null).map((twin) => proposalKey(twin.segmentId, twin.baseRevisionId, twin.text)));

  const result: DraftSubmission = { submitted: 0, alreadySubmitted: 0, unchanged: 0, declined: 0, grouped: 0, failed: [], hasMore: false };
  for (const draft of drafts) {
    const key = proposalKey(draft.segmentId, draft.base, draft.text);
    if (draft.text === (published.get(draft.segmentId) ?? '')) {
      result.unchanged += 1;
      continue;
    }
    if (grouped.has(draft.segmentId)) {
      result.grouped += 1;
      continue;
    }
    if (waitingKeys.has(key)) {
      result.alreadySubmitted += 1;
      continue;
    }
    if (declinedKeys.has(key)) {
      result.declined += 1;
      continue;
    }
    if (result.submitted + result.failed.length >= MAX_DRAFTS_PER_SUBMISSION) {
      result.hasMore = true;
      break;
    }
    try {
      await createSuggestion({ actor, input: { segmentId: draft.segmentId, language, text: draft.text, baseRevisionId: draft.base, machineTranslationId: draft.machineTranslationId }, db });
      result.submitted += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.failed.push({ segmentId: draft.segmentId, message: error.message });
    }
  }
  return result;
}

/** The drafts marked done in the stored documents of a work's language, in reading order. */
async function readDoneDrafts(db: Db, workId: string, language: string): Promise<DoneDraft[]> {
  const documents = await db.collabDocument.findMany({ where: { workId, language }, orderBy: { chunk: 'asc' }, select: { name: true, state: true } });
  if (documents.length === 0) return [];
  const updates = await db.collabUpdate.findMany({ where: { documentName: { in: documents.map((document) => document.name) } }, orderBy: { seq: 'asc' }, select: { documentName: true, update: true } });
  const drafts: DoneDraft[] = [];
  for (const document of documents) {
    const doc = new Y.Doc();
    for (const update of [document.state, ...updates.filter((row) => row.documentName === document.name).map((row) => row.update)]) {
      if (!update) continue;
      try {
        Y.applyUpdate(doc, update);
      } catch (error) {
        // An unreadable stored update is skipped, as the collaboration server does when loading.
        console.warn(`submit drafts: skipped an unreadable stored update of ${document.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    // A malformed entry (stored before updates were checked, or a damaged row) is left out, never fatal.
    const entries = listSegmentEntries(doc, (segmentId, problem) => console.warn(`submit drafts: skipped the entry of segment ${segmentId} in ${document.name}: ${problem}`));
    for (const [segmentId, entry] of entries) {
      if (!entry.done) continue;
      drafts.push({ segmentId, text: entry.text.toString(), base: entry.base, machineTranslationId: entry.machine && isUuid(entry.machine.id) ? entry.machine.id : null });
    }
    doc.destroy();
  }
  const order = new Map((await db.segment.findMany({ where: { id: { in: drafts.map((draft) => draft.segmentId) }, ...liveSegment }, select: { id: true, orderKey: true } })).map((segment) => [segment.id, segment.orderKey]));
  // Entries of segments deleted or retired since are left out.
  return drafts.filter((draft) => order.has(draft.segmentId)).sort((a, b) => ((order.get(a.segmentId) ?? '') < (order.get(b.segmentId) ?? '') ? -1 : 1));
}
