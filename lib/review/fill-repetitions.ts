import 'server-only';

import { DECIDED_STATUSES, declinedOutcome } from './declined-suggestions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { liveSegmentSql } from '../auth/scope';
import { findBlockingFindingsOf } from '../checks/assert-no-blocking-findings';
import { getDb, withTransaction, type Db } from '../db/client';
import { uuidv7Batch } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';
import { findMachineOrigin, type MachineColumns } from '../machine-translation/find-machine-origin';
import { findRepetitionWorks, loadRepetitionOrigin, openToTranslationSql, sameSentenceSql } from '../memory/repetition-candidates';
import { fillRepetitionsSchema, type FilledRepetitions, type FillRepetitionsInput } from '../memory/repetition-schemas';
import { loadSegmentContext } from '../segment/segment-context';

interface OccurrenceState {
  id: string;
  work_id: string;
  /** The published source revision, when the segment is a live repetition of the sentence. */
  source_revision_id: string | null;
  is_open: boolean;
}

/**
 * Fills chosen repetitions of a segment's source sentence with the actor's translation of it
 * (docs/memory.md, "Repetitions"): for each occurrence named that is still a repetition
 * (`findRepetitions`: same work or volume, same sentence, open to a first translation), a
 * suggestion by the actor awaiting review, of the same kind as a submitted draft (TRANSLATION, no
 * base revision, made against the occurrence's published source) and marked as filled from
 * `segment` (`repetition_of_id`, shown to reviewers) and labelled as machine translation when the
 * text is one at the origin. One transaction: the segments are locked
 * (a structural edit cannot retire one meanwhile), their state is read in one query, the
 * suggestions are written in one statement and one `suggestion.repetitions_filled` audit event per
 * work. Skipped and counted: occurrences translated or suggested for since they were listed,
 * those where a reviewer already turned this very text down, those where the text has findings of
 * a check their collection made blocking, and those no longer a repetition or
 * out of the actor's reach (another work's collection where they may not suggest). Nothing is
 * published. NOT_FOUND for a segment of another work or a retired one; UNAUTHENTICATED/FORBIDDEN
 * without `suggestion.create` and `segment.edit` on the work; INVALID_INPUT for the source language,
 * an empty text or more than `MAX_REPETITIONS_PER_FILL` occurrences.
 */
export async function fillRepetitions({ actor, input, db = getDb() }: { actor: Actor; input: FillRepetitionsInput; db?: Db }): Promise<FilledRepetitions> {
  const { workId, segment, lang, text, segmentIds } = parseInput(fillRepetitionsSchema, input);
  const context = await loadSegmentContext(db, segment);
  if (context.workId !== workId || context.isRetired) throw new AppError('NOT_FOUND', 'segment.notFound');
  assertCan(actor, 'suggestion.create', { collectionId: context.collectionId });
  assertCan(actor, 'segment.edit', { collectionId: context.collectionId });
  if (lang === context.sourceLanguage) throw new AppError('INVALID_INPUT', 'memory.repetitionsNeedTranslation');
  const authorId = actorUserId(actor);
  const requested = segmentIds.filter((id) => id !== segment);

  return withTransaction(db, async (tx) => {
    const result: FilledRepetitions = { filled: 0, works: 0, taken: 0, declined: 0, blocked: 0, unavailable: segmentIds.length - requested.length };
    const origin = await loadRepetitionOrigin(tx, { segmentId: segment, sourceLanguage: context.sourceLanguage, language: lang });
    if (!origin || origin.isGrouped) return { ...result, unavailable: segmentIds.length };
    // Per work: the actor may edit and suggest there (checked for each work of the volume).
    const { works } = await findRepetitionWorks(tx, actor, { workId, sourceLanguage: context.sourceLanguage, language: lang });
    const workOf = new Map(works.map((work) => [work.id, work]));

    // Locked in one order (by id): a structural edit applied meanwhile either waits for this
    // transaction or has retired the segment before it is read, and so does another fill of the
    // same occurrences (FOR NO KEY UPDATE, which two fills cannot both hold: the second then sees
    // the first one's suggestions); writing a text (FOR KEY SHARE) is not held up.
    await tx.$queryRaw`SELECT s.id FROM segment s WHERE s.id = ANY(${requested}::uuid[]) AND ${liveSegmentSql('s')} ORDER BY s.id FOR NO KEY UPDATE`;
    // Each named segment looked up on its own (LIMIT 1: never a join of whole tables), its text
    // compared last (see sameSentenceSql: never a filter on the revisions).
    const states = await tx.$queryRaw<OccurrenceState[]>`
      WITH named AS MATERIALIZED (
        SELECT c.*
          FROM unnest(${requested}::uuid[]) i(id)
          CROSS JOIN LATERAL (
            SELECT s.id, s.work_id, st.published_revision_id AS source_revision_id, r.text, (${openToTranslationSql('s', lang)}) AS is_open
              FROM segment s
              JOIN work w ON w.id = s.work_id
              JOIN segment_text st ON st.segment_id = s.id AND st.language = w.source_language
              JOIN revision r ON r.id = st.published_revision_id
             WHERE s.id = i.id AND s.kind <> 'PARAGRAPH' AND ${liveSegmentSql('s')}
             LIMIT 1) c
      )
      SELECT c.id, c.work_id, c.source_revision_id, c.is_open FROM named c WHERE ${sameSentenceSql('c', origin)}`;
    // Live repetitions of the sentence in the works searched; anything else named is out of reach.
    const inReach = states.filter((state) => workOf.has(state.work_id));
    const open = inReach.filter((state) => state.is_open);
    result.unavailable += requested.length - inReach.length;
    result.taken = inReach.length - open.length;

    // A reviewer already turned this very text down for the untranslated segment: not asked again.
    const decided = await tx.suggestion.findMany({
      where: { segmentId: { in: open.map((state) => state.id) }, language: lang, text, baseRevisionId: null, kind: 'TRANSLATION', status: { in: [...DECIDED_STATUSES] } },
      select: { id: true, segmentId: true, status: true, text: true, approvedText: true, hunkRejections: true },
    });
    const declined = new Set(decided.filter((row) => declinedOutcome(row) !== null).map((row) => row.segmentId));
    const undeclined = open.filter((state) => !declined.has(state.id));
    result.declined = open.length - undeclined.length;
    // Each copy is held to its collection's blocking checks, as a submitted draft is: its own
    // footnote markers, its work's length norm, its dismissals.
    const blocked = await findBlockingFindingsOf(
      tx,
      undeclined.map((state) => {
        const work = workOf.get(state.work_id);
        return { id: state.id, segmentId: state.id, workId: state.work_id, collectionId: work?.collectionId ?? context.collectionId, sourceLanguage: context.sourceLanguage, language: lang, text };
      }),
    );
    const fillable = undeclined.filter((state) => !blocked.has(state.id));
    result.blocked = undeclined.length - fillable.length;
    if (fillable.length === 0) return result;

    const machine = await machineLabelOf(tx, { segmentId: segment, language: lang, text, authorId });
    const ids = uuidv7Batch(fillable.length);
    const rows = fillable.map((state, index) => {
      const work = workOf.get(state.work_id);
      if (!work) throw new Error(`fill repetitions: no work for segment ${state.id}`);
      return { id: ids[index] ?? '', segmentId: state.id, language: lang, workId: work.id, collectionId: work.collectionId, kind: 'TRANSLATION' as const, authorId, baseRevisionId: null, sourceRevisionId: state.source_revision_id, text, repetitionOfId: segment, ...machine };
    });
    await tx.suggestion.createMany({ data: rows });
    const byWork = new Map<string, typeof rows>();
    for (const row of rows) byWork.set(row.workId, [...(byWork.get(row.workId) ?? []), row]);
    for (const [filledWorkId, filled] of byWork) {
      const collectionId = workOf.get(filledWorkId)?.collectionId ?? context.collectionId;
      await recordAuditEvent({ db: tx, type: 'suggestion.repetitions_filled', actorId: authorId, collectionId, workId: filledWorkId, data: { repetitionOf: segment, language: lang, suggestionIds: filled.map((row) => row.id) } });
    }
    return { ...result, filled: rows.length, works: byWork.size };
  });
}

/**
 * The machine-translation label the filled copies carry (docs/machine-translation.md): the one
 * the text has at the origin — on the actor's latest suggestion of these very words there, else
 * on its published revision of them — and otherwise what the origin's machine translations say of
 * the words (`findMachineOrigin`). The same sentence, so the same label: a copy of a machine's
 * words is not passed off as a person's.
 */
async function machineLabelOf(db: Db, { segmentId, language, text, authorId }: { segmentId: string; language: string; text: string; authorId: string | null }): Promise<MachineColumns> {
  const select = { machineProvider: true, isMachineEdited: true } as const;
  const submitted = authorId ? await db.suggestion.findFirst({ where: { segmentId, language, text, authorId, kind: 'TRANSLATION' }, orderBy: { createdAt: 'desc' }, select }) : null;
  if (submitted) return submitted;
  const published = await db.segmentText.findUnique({ where: { segmentId_language: { segmentId, language } }, select: { publishedRevision: { select: { text: true, ...select } } } });
  if (published?.publishedRevision?.text === text) return { machineProvider: published.publishedRevision.machineProvider, isMachineEdited: published.publishedRevision.isMachineEdited };
  return findMachineOrigin(db, { segmentId, language, text });
}
