import { beforeAll, describe, expect, it } from 'vitest';

import { GET, POST } from '../../../app/api/works/[workId]/repetitions/route';
import { parseAuditEvent } from '../../../lib/audit/parse-audit-event';
import { ANONYMOUS, SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { MAX_REPETITIONS_PER_FILL } from '../../../lib/config/limits';
import { getDb, withTransaction } from '../../../lib/db/client';
import { findRepetitions } from '../../../lib/memory/find-repetitions';
import { repetitionsQuerySchema, type FilledRepetitions, type FillRepetitionsInput, type Repetitions } from '../../../lib/memory/repetition-schemas';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { approveSuggestion, rejectSuggestion } from '../../../lib/review/decide-suggestion';
import { fillRepetitions } from '../../../lib/review/fill-repetitions';
import { getReviewQueue } from '../../../lib/review/review-queue';
import { writeRevision } from '../../../lib/revision/write-revision';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

const DOOR = 'The door opened.';
// Work A: the sentence four times (one later written in capitals with more spaces), a longer
// sentence beginning with it, and others between.
const WORK_A = '# The House\n\nThe door opened. Nobody came in. The door opened. The wind was cold. The door opened. She waited. The door opened again. The door opened.\n';
// Work B, in the same volume: the sentence twice. Work C, in the volume but not translated into Russian.
const WORK_B = '# The Street\n\nIt was late. The door opened. A man stood there. The door opened.\n';
const WORK_C = '# The Garden\n\nThe door opened. Birds sang.\n';
// Work D, in the same collection but no volume: never searched from A.
const WORK_D = '# Elsewhere\n\nThe door opened. The end.\n';

interface Sentence {
  id: string;
  text: string;
  revisionId: string | null;
}

async function sentences(workId: string): Promise<Sentence[]> {
  // all segments: the tests retire and restore some.
  const rows = await getDb().segment.findMany({
    where: { workId, kind: 'SENTENCE' },
    orderBy: { orderKey: 'asc' },
    select: { id: true, texts: { where: { language: 'en' }, select: { publishedRevisionId: true, publishedRevision: { select: { text: true } } } } },
  });
  return rows.map((row) => ({ id: row.id, text: row.texts[0]?.publishedRevision?.text ?? '', revisionId: row.texts[0]?.publishedRevisionId ?? null }));
}

async function occurrencesOf(workId: string, text: string): Promise<string[]> {
  return (await sentences(workId)).filter((row) => row.text === text).map((row) => row.id);
}

async function publish(segmentId: string, language: string, text: string): Promise<void> {
  await withTransaction(getDb(), (tx) => writeRevision({ tx, segmentId, language, text, origin: 'EDIT', authorId: null, expectedRevisionId: null }));
}

describe('repetitions', () => {
  let collectionId: string;
  let workA: string;
  let workB: string;
  let workC: string;
  let workD: string;
  let volunteer: { id: string; actor: Actor };
  let editor: Actor;
  /** The occurrences of the sentence in A, in reading order: the first is the one translated. */
  let doorsA: string[];
  let doorsB: string[];

  const find = (segment: string, lang = 'ru', actor: Actor = volunteer.actor, workId = workA): Promise<Repetitions> =>
    findRepetitions({ actor, input: repetitionsQuerySchema.parse({ workId, segment, lang }) });
  const fill = (input: Partial<FillRepetitionsInput> & { segmentIds: string[] }, actor: Actor = volunteer.actor): Promise<FilledRepetitions> =>
    fillRepetitions({ actor, input: { workId: workA, segment: doorsA[0] ?? '', lang: 'ru', text: 'Дверь открылась.', ...input } });
  const listed = (result: Repetitions) => result.occurrences.map((occurrence) => occurrence.segmentId);

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    workA = (await buildWork({ collectionId, text: WORK_A, title: 'The House', filename: 'a.md' })).workId;
    workB = (await buildWork({ collectionId, text: WORK_B, title: 'The Street', filename: 'b.md' })).workId;
    workC = (await buildWork({ collectionId, text: WORK_C, title: 'The Garden', filename: 'c.md' })).workId;
    workD = (await buildWork({ collectionId, text: WORK_D, title: 'Elsewhere', filename: 'd.md' })).workId;
    const volume = await getDb().volume.create({ data: { collectionId, title: 'Stories' }, select: { id: true } });
    for (const [position, workId] of [workA, workB, workC].entries()) await getDb().work.update({ where: { id: workId }, data: { volumeId: volume.id, volumePosition: position } });
    for (const workId of [workA, workB, workD]) await getDb().workLanguage.create({ data: { workId, language: 'ru' } });
    for (const workId of [workA, workB]) await getDb().workLanguage.create({ data: { workId, language: 'de' } });
    await getDb().workLanguage.create({ data: { workId: workC, language: 'de' } });
    doorsA = await occurrencesOf(workA, DOOR);
    doorsB = await occurrencesOf(workB, DOOR);
    expect(doorsA).toHaveLength(4);
    expect(doorsB).toHaveLength(2);
    // The third occurrence differs in case and white space only.
    const third = (await sentences(workA)).find((row) => row.id === doorsA[2]);
    await withTransaction(getDb(), (tx) => writeRevision({ tx, segmentId: doorsA[2] ?? '', language: 'en', text: '  THE DOOR   opened. ', origin: 'EDIT', authorId: null, expectedRevisionId: third?.revisionId ?? null }));
    volunteer = await buildUser({ name: 'Vera Volunteer' });
    const editorUser = await buildUser({ name: 'Edith Editor' });
    editor = await grantRole(editorUser.id, collectionId, 'EDITOR');
  });

  it('finds the same sentence in the work and in the volume’s other works, case and white space aside', async () => {
    const result = await find(doorsA[0] ?? '');
    expect(result.sourceText).toBe(DOOR);
    expect(result.isInVolume).toBe(true);
    // Not the segment itself, nor “The door opened again.”; C is not read in Russian, D is in no volume.
    expect(result.counts).toEqual({ work: 3, otherWorks: 2 });
    expect(listed(result)).toEqual([doorsA[1], doorsA[2], doorsA[3], doorsB[0], doorsB[1]]);
    expect(result.otherWorks).toEqual([{ id: workB, title: 'The Street' }]);
    // Where the editor shows each (the chunk's rows: heading, then the sentences) and its context.
    expect(result.occurrences[0]).toMatchObject({ workId: workA, chunk: 0, position: 3, previousText: 'Nobody came in.', nextText: 'The wind was cold.' });
    expect(result.occurrences.at(-1)).toMatchObject({ workId: workB, previousText: 'A man stood there.', nextText: null });
    // From the variant in capitals, the plain ones are found.
    expect(listed(await find(doorsA[2] ?? ''))).toEqual([doorsA[0], doorsA[1], doorsA[3], doorsB[0], doorsB[1]]);
    // In German, C is searched too; from a work outside the volume, only its own text.
    expect((await find(doorsA[0] ?? '', 'de')).counts).toEqual({ work: 3, otherWorks: 3 });
    const outside = await find((await occurrencesOf(workD, DOOR))[0] ?? '', 'ru', volunteer.actor, workD);
    expect(outside).toMatchObject({ isInVolume: false, counts: { work: 0, otherWorks: 0 }, occurrences: [] });
  });

  it('leaves out retired segments, translated ones and those with a suggestion waiting, in that language only', async () => {
    await getDb().segment.update({ where: { id: doorsA[1] }, data: { retiredAt: new Date() } });
    expect(listed(await find(doorsA[0] ?? ''))).toEqual([doorsA[2], doorsA[3], doorsB[0], doorsB[1]]);
    await getDb().segment.update({ where: { id: doorsA[1] }, data: { retiredAt: null } });

    await publish(doorsB[0] ?? '', 'ru', 'Дверь отворилась.');
    const pending = await createSuggestion({ actor: volunteer.actor, input: { segmentId: doorsA[3] ?? '', language: 'ru', text: 'Открылась дверь.', baseRevisionId: null } });
    expect(listed(await find(doorsA[0] ?? ''))).toEqual([doorsA[1], doorsA[2], doorsB[1]]);
    // German is another language: nothing of the Russian texts counts there.
    expect(listed(await find(doorsA[0] ?? '', 'de'))).toContain(doorsB[0]);
    expect(listed(await find(doorsA[0] ?? '', 'de'))).toContain(doorsA[3]);

    // Clean up for the next tests: the Russian text and the suggestion go away.
    await getDb().suggestion.update({ where: { id: pending.suggestionId }, data: { status: 'WITHDRAWN' } });
    await getDb().segmentText.update({ where: { segmentId_language: { segmentId: doorsB[0] ?? '', language: 'ru' } }, data: { publishedRevisionId: null, status: 'EMPTY' } });
    expect((await find(doorsA[0] ?? '')).counts).toEqual({ work: 3, otherWorks: 2 });
  });

  it('follows the source texts as they change, in the transaction that publishes them', async () => {
    const keyOf = async (segmentId: string) => (await getDb().sourceKey.findUnique({ where: { segmentId }, select: { exactKey: true } }))?.exactKey ?? null;
    const [{ key } = { key: 0n }] = await getDb().$queryRaw<{ key: bigint }[]>`SELECT memory_exact_key(${DOOR}) AS key`;
    expect(await keyOf(doorsB[1] ?? '')).toBe(key);
    const published = async (segmentId: string) => (await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId, language: 'en' } }, select: { publishedRevisionId: true } })).publishedRevisionId;
    const write = async (segmentId: string, text: string) => {
      const expected = await published(segmentId);
      await withTransaction(getDb(), (tx) => writeRevision({ tx, segmentId, language: 'en', text, origin: 'EDIT', authorId: null, expectedRevisionId: expected }));
    };
    // Corrected into another sentence, the occurrence is no repetition any more; corrected back, it is one again.
    await write(doorsB[1] ?? '', 'The door closed.');
    expect(listed(await find(doorsA[0] ?? ''))).not.toContain(doorsB[1]);
    await write(doorsB[1] ?? '', DOOR);
    expect(listed(await find(doorsA[0] ?? ''))).toContain(doorsB[1]);
    // A blank source has no key; a translation published changes no key.
    await write(doorsB[1] ?? '', '   ');
    expect(await keyOf(doorsB[1] ?? '')).toBeNull();
    await write(doorsB[1] ?? '', DOOR);
    expect(await keyOf(doorsB[1] ?? '')).toBe(key);
    const before = await getDb().sourceKey.count();
    await publish(doorsB[1] ?? '', 'de', 'Die Tür ging auf.');
    expect(await getDb().sourceKey.count()).toBe(before);
    await getDb().segmentText.delete({ where: { segmentId_language: { segmentId: doorsB[1] ?? '', language: 'de' } } });
    expect(await keyOf(doorsB[1] ?? '')).toBe(key);
    // Every published source of the library has its key, and only those.
    const [counts] = await getDb().$queryRaw<{ texts: bigint; keys: bigint }[]>`
      SELECT (SELECT count(*) FROM segment_text st JOIN segment s ON s.id = st.segment_id JOIN work w ON w.id = s.work_id JOIN revision r ON r.id = st.published_revision_id
               WHERE st.language = w.source_language AND btrim(r.text) <> '') AS texts,
             (SELECT count(*) FROM source_key) AS keys`;
    expect(counts?.keys).toBe(counts?.texts);
  });

  it('offers nothing from a segment whose translation is grouped with the next one’s', async () => {
    const all = await sentences(workA);
    const next = all[all.findIndex((row) => row.id === doorsA[0]) + 1];
    await getDb().segmentText.create({ data: { segmentId: next?.id ?? '', language: 'fr', continuesPrevious: true } });
    await getDb().workLanguage.create({ data: { workId: workA, language: 'fr' } });
    expect(await find(doorsA[0] ?? '', 'fr')).toMatchObject({ sourceText: DOOR, counts: { work: 0, otherWorks: 0 } });
    // Nor is a segment grouped into the previous one a repetition to fill.
    expect(listed(await find(doorsA[1] ?? '', 'fr'))).not.toContain(next?.id);
  });

  it('fills the chosen occurrences as suggestions waiting for review, which an editor approves as any other', async () => {
    const chosen = [doorsA[1] ?? '', doorsA[2] ?? '', doorsB[1] ?? ''];
    const result = await fill({ segmentIds: chosen });
    expect(result).toEqual({ filled: 3, works: 2, taken: 0, declined: 0, blocked: 0, unavailable: 0 });

    const made = await getDb().suggestion.findMany({ where: { repetitionOfId: doorsA[0] } });
    expect(made.map((row) => row.segmentId).sort()).toEqual([...chosen].sort());
    const sourceOf = new Map([...(await sentences(workA)), ...(await sentences(workB))].map((row) => [row.id, row.revisionId]));
    for (const row of made) {
      expect(row).toMatchObject({ kind: 'TRANSLATION', status: 'PENDING', language: 'ru', text: 'Дверь открылась.', authorId: volunteer.id, baseRevisionId: null, collectionId });
      expect(row.sourceRevisionId).toBe(sourceOf.get(row.segmentId));
      expect(row.workId).toBe(row.segmentId === doorsB[1] ? workB : workA);
    }
    // One audit event per work, naming the suggestions.
    const events = await getDb().auditEvent.findMany({ where: { type: 'suggestion.repetitions_filled', workId: { in: [workA, workB] } } });
    expect(events.map((event) => `${event.workId === workA ? 'A' : 'B'}:${event.actorId === volunteer.id}`).sort()).toEqual(['A:true', 'B:true']);
    const filledIds = events.flatMap((event) => parseAuditEvent(event, ['suggestion.repetitions_filled']).data.suggestionIds);
    expect(filledIds.sort()).toEqual(made.map((row) => row.id).sort());

    // Filled ones wait for review: no longer offered; the last one still is.
    expect(listed(await find(doorsA[0] ?? ''))).toEqual([doorsA[3], doorsB[0]]);
    // The queue shows reviewers where the text comes from.
    const queue = await getReviewQueue({ actor: editor, filter: { workId: workB, language: 'ru' } });
    expect(queue.items.map((item) => [item.segmentId, item.repetitionOf])).toEqual([[doorsB[1], { segmentId: doorsA[0], workId: workA, workTitle: 'The House' }]]);

    const approved = await approveSuggestion({ actor: editor, input: { suggestionId: made.find((row) => row.segmentId === doorsA[1])?.id ?? '' } });
    expect(approved.status).toBe('PUBLISHED');
    const text = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId: doorsA[1] ?? '', language: 'ru' } }, select: { publishedRevision: { select: { text: true, authorId: true, sourceRevisionId: true } } } });
    expect(text.publishedRevision).toEqual({ text: 'Дверь открылась.', authorId: volunteer.id, sourceRevisionId: sourceOf.get(doorsA[1] ?? '') });
  });

  it('skips occurrences translated or suggested for since, turned down as they stand, or out of reach', async () => {
    const rejected = await getDb().suggestion.findFirstOrThrow({ where: { repetitionOfId: doorsA[0], segmentId: doorsA[2] }, select: { id: true } });
    await rejectSuggestion({ actor: editor, input: { suggestionId: rejected.id, reason: 'STYLE' } });
    // Meanwhile someone else suggested a text for B's first occurrence.
    const other = await buildUser();
    await createSuggestion({ actor: other.actor, input: { segmentId: doorsB[0] ?? '', language: 'ru', text: 'Дверь раскрылась.', baseRevisionId: null } });
    const notRepetition = (await sentences(workA)).find((row) => row.text === 'The door opened again.')?.id ?? '';
    const outside = (await occurrencesOf(workD, DOOR))[0] ?? '';
    const notAText = (await getDb().segment.findFirstOrThrow({ where: { workId: workA, kind: 'PARAGRAPH' }, select: { id: true } })).id;
    const result = await fill({ segmentIds: [doorsA[1] ?? '', doorsA[2] ?? '', doorsA[3] ?? '', doorsB[0] ?? '', notRepetition, outside, notAText, doorsA[0] ?? ''] });
    // A1 was published, B0 has a suggestion: taken. A2's text was rejected as it stands. The rest are no repetitions here.
    expect(result).toEqual({ filled: 1, works: 1, taken: 2, declined: 1, blocked: 0, unavailable: 4 });
    expect(await getDb().suggestion.count({ where: { segmentId: doorsA[3], repetitionOfId: doorsA[0], status: 'PENDING' } })).toBe(1);
    // Another text for the rejected one is a new proposal.
    expect(await fill({ segmentIds: [doorsA[2] ?? ''], text: 'Дверь отворилась.' })).toMatchObject({ filled: 1, declined: 0 });
    expect(await getDb().suggestion.count({ where: { segmentId: { in: [notRepetition, outside, notAText] } } })).toBe(0);
  });

  it('refuses those who may not suggest, the source language, empty texts and more than the limit', async () => {
    expect(await errorCodeOf(find(doorsA[0] ?? '', 'ru', ANONYMOUS))).toBe('UNAUTHENTICATED');
    expect(await errorCodeOf(fill({ segmentIds: [doorsA[3] ?? ''] }, ANONYMOUS))).toBe('UNAUTHENTICATED');
    expect(await errorCodeOf(find(doorsA[0] ?? '', 'en'))).toBe('INVALID_INPUT');
    expect(await errorCodeOf(fill({ segmentIds: [doorsA[3] ?? ''], lang: 'en' }))).toBe('INVALID_INPUT');
    expect(await errorCodeOf(fill({ segmentIds: [doorsA[3] ?? ''], text: '  ' }))).toBe('INVALID_INPUT');
    expect(await errorCodeOf(fill({ segmentIds: [doorsA[3] ?? '', doorsA[3] ?? ''] }))).toBe('INVALID_INPUT');
    const many = Array.from({ length: MAX_REPETITIONS_PER_FILL + 1 }, () => crypto.randomUUID());
    expect(await errorCodeOf(fill({ segmentIds: many }))).toBe('INVALID_INPUT');
    // A language the work is not read in.
    expect(await errorCodeOf(find(doorsA[0] ?? '', 'it'))).toBe('NOT_FOUND');
    expect(await errorCodeOf(fill({ segmentIds: [doorsA[3] ?? ''], lang: 'it' }))).toBe('NOT_FOUND');
    // A segment of another work than the one named.
    expect(await errorCodeOf(fill({ segmentIds: [doorsA[3] ?? ''], workId: workB }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(find(doorsB[0] ?? ''))).toBe('NOT_FOUND');
  });

  it('counts every occurrence and lists at most the limit', async () => {
    const text = `# Echo\n\n${Array.from({ length: MAX_REPETITIONS_PER_FILL + 5 }, () => 'Yes.').join(' ')}\n`;
    const workId = (await buildWork({ collectionId, text, title: 'Echo', filename: 'echo.md' })).workId;
    await getDb().workLanguage.create({ data: { workId, language: 'ru' } });
    const yes = await occurrencesOf(workId, 'Yes.');
    expect(yes).toHaveLength(MAX_REPETITIONS_PER_FILL + 5);
    const result = await find(yes[0] ?? '', 'ru', volunteer.actor, workId);
    expect(result.counts).toEqual({ work: MAX_REPETITIONS_PER_FILL + 4, otherWorks: 0 });
    expect(listed(result)).toEqual(yes.slice(1, MAX_REPETITIONS_PER_FILL + 1));
    // Filled in two goes.
    const first = await fillRepetitions({ actor: volunteer.actor, input: { workId, segment: yes[0] ?? '', lang: 'ru', text: 'Да.', segmentIds: listed(result) } });
    expect(first).toMatchObject({ filled: MAX_REPETITIONS_PER_FILL, works: 1 });
    const rest = await find(yes[0] ?? '', 'ru', volunteer.actor, workId);
    expect(rest.counts.work).toBe(4);
  });

  it('answers over HTTP to those who may translate, and refuses the rest', async () => {
    const url = (query = '') => `/api/works/${workA}/repetitions${query}`;
    const query = `?segment=${doorsA[0]}&lang=ru`;
    expect((await callRoute(GET, url(query), { params: { workId: workA } })).status).toBe(401);
    const body = JSON.stringify({ segment: doorsA[0], lang: 'ru', text: 'Дверь открылась.', segmentIds: [doorsB[1]] });
    const post = (cookie?: string, payload = body) => callRoute(POST, url(), { params: { workId: workA }, ...(cookie ? { cookie } : {}), init: { method: 'POST', body: payload, headers: { 'content-type': 'application/json' } } });
    expect((await post()).status).toBe(401);
    const cookie = await sessionCookie(volunteer.id);
    const found = await callRoute(GET, url(query), { params: { workId: workA }, cookie });
    expect(found.status).toBe(200);
    expect(((await found.json()) as Repetitions).sourceText).toBe(DOOR);
    expect((await callRoute(GET, url(`?segment=${doorsA[0]}&lang=ru`), { params: { workId: workB }, cookie })).status).toBe(404);
    expect((await callRoute(GET, url(`?segment=x'--&lang=ru`), { params: { workId: workA }, cookie })).status).toBe(422);
    const filled = await post(cookie);
    expect(filled.status).toBe(200);
    // B's second occurrence already waits for review (filled earlier).
    expect((await filled.json()) as FilledRepetitions).toEqual({ filled: 0, works: 0, taken: 1, declined: 0, blocked: 0, unavailable: 0 });
    expect((await post(cookie, JSON.stringify({ segment: doorsA[0], lang: 'ru', text: 'x', segmentIds: 'all' }))).status).toBe(422);
  });

  it('labels the copies of a machine translation as the origin’s text is labelled', async () => {
    // A work of its own, in French: “The lamp went out.” three times.
    const lamps = (await buildWork({ collectionId, text: '# Lamps\n\nThe lamp went out. It was dark. The lamp went out. We waited. The lamp went out.\n', title: 'Lamps', filename: 'lamps.md' })).workId;
    await getDb().workLanguage.create({ data: { workId: lamps, language: 'fr' } });
    const [origin = '', second = '', third = ''] = await occurrencesOf(lamps, 'The lamp went out.');
    const source = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId: origin, language: 'en' } }, select: { publishedRevisionId: true } });
    const machine = await getDb().machineTranslation.create({ data: { segmentId: origin, language: 'fr', sourceRevisionId: source.publishedRevisionId ?? '', provider: 'DEEPL', text: 'La lampe s’éteignit.' } });
    // The volunteer inserted the machine's words and changed one: an edited machine translation.
    const edited = 'La lampe s’est éteinte.';
    await createSuggestion({ actor: volunteer.actor, input: { segmentId: origin, language: 'fr', text: edited, baseRevisionId: null, machineTranslationId: machine.id } });
    const fillLamps = (text: string, segmentIds: string[]) => fillRepetitions({ actor: volunteer.actor, input: { workId: lamps, segment: origin, lang: 'fr', text, segmentIds } });
    expect(await fillLamps(edited, [second])).toMatchObject({ filled: 1 });
    const label = (segmentId: string) => getDb().suggestion.findFirstOrThrow({ where: { segmentId, language: 'fr', status: 'PENDING' }, select: { machineProvider: true, isMachineEdited: true, repetitionOfId: true } });
    expect(await label(second)).toEqual({ machineProvider: 'DEEPL', isMachineEdited: true, repetitionOfId: origin });
    // The machine's words as they were, not submitted at the origin: unedited machine translation.
    expect(await fillLamps('La lampe s’éteignit.', [third])).toMatchObject({ filled: 1 });
    expect(await label(third)).toEqual({ machineProvider: 'DEEPL', isMachineEdited: false, repetitionOfId: origin });
    // A person's own words carry no label.
    await getDb().suggestion.updateMany({ where: { segmentId: third, language: 'fr' }, data: { status: 'WITHDRAWN' } });
    expect(await fillLamps('La lampe s’est éteinte de nouveau.', [third])).toMatchObject({ filled: 1 });
    expect(await label(third)).toEqual({ machineProvider: null, isMachineEdited: false, repetitionOfId: origin });
  });

  it('leaves the work’s other texts and the system actor’s reach alone', async () => {
    // The command line may fill too (no author): the suggestion is anonymous, like its other writes.
    const free = listed(await find(doorsA[0] ?? '', 'de', SYSTEM_ACTOR));
    expect(free.length).toBeGreaterThan(0);
    expect(await fill({ segmentIds: free.slice(0, 1), lang: 'de', text: 'Die Tür ging auf.' }, SYSTEM_ACTOR)).toMatchObject({ filled: 1 });
    expect(await getDb().suggestion.findFirst({ where: { segmentId: free[0], language: 'de' }, select: { authorId: true, repetitionOfId: true } })).toEqual({ authorId: null, repetitionOfId: doorsA[0] });
  });
});
