import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { PUT as settingsRoute } from '../../../app/api/collections/[collectionId]/checks/route';
import { GET as queueRoute } from '../../../app/api/review/queue/route';
import { DELETE as restoreRoute, POST as dismissRoute } from '../../../app/api/segments/[segmentId]/check-dismissals/route';
import { GET as windowRoute } from '../../../app/api/works/[workId]/checks/route';
import { ANONYMOUS, SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { dismissFinding, restoreFinding } from '../../../lib/checks/dismiss-finding';
import { findCheckSettings } from '../../../lib/checks/find-check-settings';
import { findCheckWindow } from '../../../lib/checks/find-check-window';
import { findWorkFindings } from '../../../lib/checks/find-work-findings';
import { formatFinding } from '../../../lib/checks/format-finding';
import { checksTranslatorIn } from '../../../lib/checks/get-checks-translator';
import { updateCheckSettings } from '../../../lib/checks/update-check-settings';
import { collabDocumentName } from '../../../lib/collab/document-name';
import { entryText, getSegmentEntry, replaceText, seedEntryUpdate } from '../../../lib/collab/segment-doc';
import { getDb, withTransaction } from '../../../lib/db/client';
import { AppError } from '../../../lib/errors/app-error';
import { createGlossaryTerm } from '../../../lib/glossary/create-glossary-term';
import { createGlossaryTermSchema } from '../../../lib/glossary/schemas';
import { importWork } from '../../../lib/import/import-work';
import { addNameForm } from '../../../lib/names/add-name-form';
import { createName } from '../../../lib/names/create-name';
import { createNameSchema } from '../../../lib/names/schemas';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { getReviewQueue } from '../../../lib/review/review-queue';
import { submitDoneDrafts } from '../../../lib/review/submit-drafts';
import { writeRevision } from '../../../lib/revision/write-revision';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

const englishChecks = checksTranslatorIn('en');
/** What a finding says in English, as the interface shows it. */
const english = (finding: Parameters<typeof formatFinding>[1] | undefined) => (finding ? formatFinding(englishChecks, finding) : undefined);

// Sentences no other test uses (the test database is shared).
const WORK = [
  '# The Quarry at Verkhnyaya Balka',
  '',
  'The quarry at Verkhnyaya Balka employed 1,240 workers in 1911.[^1] The owners of the quarry doubled the night shifts. The foreman read the quarry ledger aloud. The owners of the quarry doubled the night shifts. The carters waited by the weighing house.',
  '',
  '[^1]: Figures of the district office at Balka.',
  '',
].join('\n');

interface Sentence {
  id: string;
  text: string;
}

async function sentences(workId: string): Promise<Sentence[]> {
  const rows = await getDb().segment.findMany({ where: { workId, kind: 'SENTENCE', retiredAt: null }, orderBy: { orderKey: 'asc' }, select: { id: true, texts: { where: { language: 'en' }, select: { publishedRevision: { select: { text: true } } } } } });
  return rows.map((row) => ({ id: row.id, text: row.texts[0]?.publishedRevision?.text ?? '' }));
}

async function publish(segmentId: string, text: string): Promise<void> {
  const current = await getDb().segmentText.findUnique({ where: { segmentId_language: { segmentId, language: 'ru' } }, select: { publishedRevisionId: true } });
  await withTransaction(getDb(), (tx) => writeRevision({ tx, segmentId, language: 'ru', text, origin: 'EDIT', authorId: null, expectedRevisionId: current?.publishedRevisionId ?? null }));
}

describe('quality checks', () => {
  let collectionId: string;
  let workId: string;
  let rows: Sentence[];
  let volunteer: { id: string; actor: Actor };
  let editor: { id: string; actor: Actor };

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    workId = (await buildWork({ collectionId, text: WORK, title: 'The Quarry at Verkhnyaya Balka', filename: 'quarry.md' })).workId;
    await getDb().workLanguage.create({ data: { workId, language: 'ru' } });
    rows = await sentences(workId);
    volunteer = await buildUser({ name: 'Quarry Volunteer' });
    const editorUser = await buildUser({ name: 'Quarry Editor' });
    editor = { id: editorUser.id, actor: await grantRole(editorUser.id, collectionId, 'EDITOR') };
  });

  const row = (index: number): Sentence => rows[index] as Sentence;

  it('reads the footnote references of the source beside it, and the other translations of a repeated sentence', async () => {
    expect(rows.map((sentence) => sentence.text)).toEqual([
      'The quarry at Verkhnyaya Balka employed 1,240 workers in 1911.',
      'The owners of the quarry doubled the night shifts.',
      'The foreman read the quarry ledger aloud.',
      'The owners of the quarry doubled the night shifts.',
      'The carters waited by the weighing house.',
    ]);
    await publish(row(1).id, 'Владельцы карьера удвоили ночные смены.');
    const window = await findCheckWindow({ actor: volunteer.actor, workId, language: 'ru', fromChunk: 0, chunkCount: 2 });
    expect(window.settings.numbers).toEqual({ isEnabled: true, isBlocking: false });
    expect(window.canDismiss).toBe(false);
    expect(window.lengthNorm.isDefault).toBe(true);
    expect(window.segments[row(0).id]?.footnotes).toEqual([{ label: '1', offset: row(0).text.length }]);
    expect(window.segments[row(3).id]?.otherTranslations).toEqual([{ segmentId: row(1).id, text: 'Владельцы карьера удвоили ночные смены.' }]);
    expect(window.segments[row(1).id]?.otherTranslations).toEqual([]);
    expect((await findCheckWindow({ actor: editor.actor, workId, language: 'ru', fromChunk: 0 })).canDismiss).toBe(true);
    expect(await errorCodeOf(findCheckWindow({ actor: ANONYMOUS, workId, language: 'ru', fromChunk: 0 }))).toBe('UNAUTHENTICATED');
    expect(await errorCodeOf(findCheckWindow({ actor: volunteer.actor, workId, language: 'en', fromChunk: 0 }))).toBe('INVALID_INPUT');
    expect(await errorCodeOf(findCheckWindow({ actor: volunteer.actor, workId, language: 'de', fromChunk: 0 }))).toBe('NOT_FOUND');

    expect((await callRoute(windowRoute, `/api/works/${workId}/checks?lang=ru&chunk=0`, { params: { workId } })).status).toBe(401);
    const response = await callRoute(windowRoute, `/api/works/${workId}/checks?lang=ru&chunk=0&count=1`, { params: { workId }, cookie: await sessionCookie(volunteer.id) });
    expect(response.status).toBe(200);
    // The heading, the five sentences and the note.
    expect(Object.keys(((await response.json()) as { segments: Record<string, unknown> }).segments)).toHaveLength(7);
  });

  it('lists the findings of the published translation per segment, by check, and finds a repeated sentence translated otherwise', async () => {
    await publish(row(0).id, 'В карьере в Верхней Балке в 1912 году работали 1 240 рабочих.');
    await publish(row(3).id, 'Хозяева карьера  удвоили ночные смены.');
    const all = await findWorkFindings({ actor: volunteer.actor, workId, language: 'ru' });
    expect(all.canDismiss).toBe(false);
    // Numbered as the editor numbers its rows: the heading is the first.
    expect(all.segments.map((segment) => [segment.number, segment.findings.map((finding) => `${finding.check} ${finding.key}`)])).toEqual([
      [2, ['numbers missing:1911', 'numbers extra:1912', 'footnotes missing:1']],
      [3, [expect.stringMatching(/^consistency differs:/u)]],
      [5, ['spacing double-space:карьера', expect.stringMatching(/^consistency differs:/u)]],
    ]);
    expect(all.counts.numbers).toEqual({ open: 2, dismissed: 0 });
    expect(english(all.segments[2]?.findings[1])).toBe('The same sentence is translated “Владельцы карьера удвоили ночные смены.” elsewhere.');
    const numbers = await findWorkFindings({ actor: volunteer.actor, workId, language: 'ru', check: 'numbers' });
    expect(numbers.total).toBe(1);
    expect(numbers.segments[0]?.findings.map((finding) => finding.key)).toEqual(['missing:1911', 'extra:1912']);
    expect(await errorCodeOf(findWorkFindings({ actor: ANONYMOUS, workId, language: 'ru' }))).toBe('UNAUTHENTICATED');
  });

  it('lets editors dismiss a finding with a reason, shows who and why, and restores it', async () => {
    const finding = { segmentId: row(0).id, language: 'ru', check: 'numbers' as const, key: 'missing:1911' };
    expect(await errorCodeOf(dismissFinding({ actor: volunteer.actor, input: { ...finding, reason: 'The year is right.' } }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(dismissFinding({ actor: editor.actor, input: { ...finding, reason: '   ' } }))).toBe('INVALID_INPUT');
    expect(await errorCodeOf(dismissFinding({ actor: editor.actor, input: { ...finding, language: 'en', reason: 'Original.' } }))).toBe('INVALID_INPUT');
    const dismissal = await dismissFinding({ actor: editor.actor, input: { ...finding, reason: 'The district office counted in 1912.' } });
    expect(dismissal).toMatchObject({ check: 'numbers', key: 'missing:1911', reason: 'The district office counted in 1912.', by: { id: editor.id, name: 'Quarry Editor' } });

    const listed = await findWorkFindings({ actor: editor.actor, workId, language: 'ru', check: 'numbers' });
    expect(listed.canDismiss).toBe(true);
    expect(listed.segments[0]?.findings.map((shown) => [shown.key, shown.dismissal?.reason ?? null])).toEqual([
      ['extra:1912', null],
      ['missing:1911', 'The district office counted in 1912.'],
    ]);
    expect(listed.counts.numbers).toEqual({ open: 1, dismissed: 1 });
    expect((await findCheckWindow({ actor: volunteer.actor, workId, language: 'ru', fromChunk: 0 })).segments[row(0).id]?.dismissals).toHaveLength(1);

    // The same finding stays dismissed through an edit elsewhere in the text.
    await publish(row(0).id, 'В карьере в Верхней Балке в 1912 году работали 1 240 человек.');
    expect((await findWorkFindings({ actor: editor.actor, workId, language: 'ru', check: 'numbers' })).counts.numbers).toEqual({ open: 1, dismissed: 1 });

    await restoreFinding({ actor: editor.actor, input: finding });
    expect((await findWorkFindings({ actor: editor.actor, workId, language: 'ru', check: 'numbers' })).counts.numbers).toEqual({ open: 2, dismissed: 0 });
    expect(await errorCodeOf(restoreFinding({ actor: editor.actor, input: finding }))).toBe('NOT_FOUND');
    const events = await getDb().auditEvent.findMany({ where: { workId, type: { in: ['check.dismissed', 'check.restored'] } }, orderBy: { createdAt: 'asc' }, select: { type: true, actorId: true } });
    expect(events).toEqual([{ type: 'check.dismissed', actorId: editor.id }, { type: 'check.restored', actorId: editor.id }]);

    // Through the routes: a volunteer may not, an editor may.
    const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const params = { segmentId: row(0).id };
    expect((await callRoute(dismissRoute, `/api/segments/${row(0).id}/check-dismissals`, { params, cookie: await sessionCookie(volunteer.id), init: json('POST', { ...finding, reason: 'No.' }) })).status).toBe(403);
    const created = await callRoute(dismissRoute, `/api/segments/${row(0).id}/check-dismissals`, { params, cookie: await sessionCookie(editor.id), init: json('POST', { language: 'ru', check: 'numbers', key: 'missing:1911', reason: 'Checked against the report.' }) });
    expect(created.status).toBe(201);
    const query = new URLSearchParams({ language: 'ru', check: 'numbers', key: 'missing:1911' });
    expect((await callRoute(restoreRoute, `/api/segments/${row(0).id}/check-dismissals?${query}`, { params, cookie: await sessionCookie(editor.id), init: { method: 'DELETE' } })).status).toBe(200);
  });

  it('keeps settings per collection, and refuses a submission with an undismissed finding of a blocking check', async () => {
    expect(await errorCodeOf(updateCheckSettings({ actor: volunteer.actor, input: { collectionId, settings: [{ check: 'numbers', isEnabled: true, isBlocking: true }] } }))).toBe('FORBIDDEN');
    const settings = await updateCheckSettings({ actor: editor.actor, input: { collectionId, settings: [{ check: 'numbers', isEnabled: true, isBlocking: true }, { check: 'length', isEnabled: false, isBlocking: true }] } });
    expect(settings.numbers).toEqual({ isEnabled: true, isBlocking: true });
    // A check switched off cannot block.
    expect(settings.length).toEqual({ isEnabled: false, isBlocking: false });
    expect((await findCheckSettings({ actor: editor.actor })).find((entry) => entry.collection.id === collectionId)?.settings.numbers.isBlocking).toBe(true);
    expect((await findCheckSettings({ actor: volunteer.actor })).some((entry) => entry.collection.id === collectionId)).toBe(false);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { collectionId, type: 'check.settings_changed' }, select: { data: true } });
    expect(event.data).toEqual({ changes: [{ check: 'numbers', isEnabled: true, isBlocking: true }, { check: 'length', isEnabled: false, isBlocking: false }] });

    const wrong = 'Возчики ждали у весовой 2 часа.';
    const attempt = createSuggestion({ actor: volunteer.actor, input: { segmentId: row(4).id, language: 'ru', text: wrong, baseRevisionId: null } });
    const error = await attempt.then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    expect((error as AppError).message).toBe('Fix this finding of the quality checks first, or ask an editor to dismiss it: Numbers and dates: “2” of the translation is not in the original.');
    // Non-blocking findings (the double space) never hold a submission back.
    const fine = await createSuggestion({ actor: editor.actor, input: { segmentId: row(4).id, language: 'ru', text: 'Возчики  ждали у весовой.', baseRevisionId: null } });
    expect(fine.status).toBe('PENDING');
    // Dismissed, the finding no longer blocks.
    await dismissFinding({ actor: editor.actor, input: { segmentId: row(4).id, language: 'ru', check: 'numbers', key: 'extra:2', reason: 'Two hours, as the author says elsewhere.' } });
    expect((await createSuggestion({ actor: volunteer.actor, input: { segmentId: row(4).id, language: 'ru', text: wrong, baseRevisionId: null } })).status).toBe('PENDING');

    // Submitting every draft marked done reports the refused one with the same message.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, seedEntryUpdate(row(2).id, null, ''));
    const entry = getSegmentEntry(doc, row(2).id) as Y.Map<unknown>;
    replaceText(entryText(entry), 'Мастер читал вслух книгу карьера за 1913 год.');
    entry.set('done', true);
    await getDb().collabDocument.create({ data: { name: collabDocumentName({ workId, language: 'ru', chunk: 0 }), workId, language: 'ru', chunk: 0, state: new Uint8Array(Y.encodeStateAsUpdate(doc)) } });
    const submission = await submitDoneDrafts({ actor: volunteer.actor, workId, language: 'ru' });
    expect(submission.submitted).toBe(0);
    expect(submission.failed).toEqual([{ segmentId: row(2).id, message: 'Fix this finding of the quality checks first, or ask an editor to dismiss it: Numbers and dates: “1913” of the translation is not in the original.' }]);

    // Through the route: editors may, volunteers may not.
    const body = (settings: unknown): RequestInit => ({ method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ settings }) });
    expect((await callRoute(settingsRoute, `/api/collections/${collectionId}/checks`, { params: { collectionId }, cookie: await sessionCookie(volunteer.id), init: body([{ check: 'numbers', isEnabled: true, isBlocking: false }]) })).status).toBe(403);
    const response = await callRoute(settingsRoute, `/api/collections/${collectionId}/checks`, { params: { collectionId }, cookie: await sessionCookie(editor.id), init: body([{ check: 'numbers', isEnabled: true, isBlocking: false }]) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { settings: { numbers: unknown } }).settings.numbers).toEqual({ isEnabled: true, isBlocking: false });
  });

  it('shows each suggestion’s findings in the review queue, and filters the queue by check', async () => {
    const author = await buildUser({ name: 'Quarry Author' });
    const bad = await createSuggestion({ actor: author.actor, input: { segmentId: row(2).id, language: 'ru', text: 'Мастер читал вслух книгу карьера за 1914 год.', baseRevisionId: null } });
    const question = await createSuggestion({ actor: author.actor, input: { segmentId: row(1).id, language: 'ru', text: 'Владельцы карьера удвоили ночные смены?', baseRevisionId: (await getDb().segmentText.findFirstOrThrow({ where: { segmentId: row(1).id, language: 'ru' }, select: { publishedRevisionId: true } })).publishedRevisionId } });
    const queue = await getReviewQueue({ actor: editor.actor, filter: { workId, authorId: author.id } });
    const byId = new Map(queue.items.map((item) => [item.suggestionId, item]));
    expect(byId.get(bad.suggestionId)?.findings.map((finding) => finding.key)).toEqual(['extra:1914']);
    // A question where the original states, and another translation than the repeated sentence's elsewhere.
    expect(byId.get(question.suggestionId)?.findings.map((finding) => finding.check)).toEqual(['end-punctuation', 'consistency']);
    // The API gives each finding's message as text too, in the asker's interface language.
    const asked = async (acceptLanguage: string) => {
      const response = await callRoute(queueRoute, `/api/review/queue?workId=${workId}&authorId=${author.id}`, { cookie: await sessionCookie(editor.id), init: { headers: { 'accept-language': acceptLanguage } } });
      const page = (await response.json()) as { items: { suggestionId: string; findings: { key: string; message: { key: string }; text: string }[] }[] };
      return page.items.find((item) => item.suggestionId === bad.suggestionId)?.findings;
    };
    expect(await asked('en')).toMatchObject([{ key: 'extra:1914', message: { key: 'numbers.extra' }, text: '“1914” of the translation is not in the original.' }]);
    expect(await asked('ru-RU,ru;q=0.9')).toMatchObject([{ key: 'extra:1914', text: 'В оригинале нет числа «1914» из перевода.' }]);

    const numbers = await getReviewQueue({ actor: editor.actor, filter: { workId, check: 'numbers' } });
    // The volunteer's 1913 was refused above and "2 часа" dismissed: the author's 1914 only.
    expect(numbers.items.map((item) => item.suggestionId)).toEqual([bad.suggestionId]);
    expect((await getReviewQueue({ actor: editor.actor, filter: { workId, check: 'numbers', kind: 'CORRECTION' } })).items).toEqual([]);
    const spacing = await getReviewQueue({ actor: editor.actor, filter: { workId, check: 'spacing' } });
    expect(spacing.items.map((item) => item.findings.find((finding) => finding.check === 'spacing')?.key)).toEqual(['double-space:возчики']);
    // One at a time: the cursor leads to the next.
    const first = await getReviewQueue({ actor: editor.actor, filter: { workId, check: 'end-punctuation', limit: 1 } });
    expect(first.items.map((item) => item.suggestionId)).toEqual([question.suggestionId]);
    expect((await getReviewQueue({ actor: editor.actor, filter: { workId, check: 'end-punctuation', limit: 1, after: first.next ?? undefined } })).items).toEqual([]);
  });

  it('checks a translation covering two source segments against both, their footnote references moved to the joined source', async () => {
    // Sentences 4 and 5 translated as one: the fifth's text continues the fourth's.
    await getDb().segmentText.upsert({ where: { segmentId_language: { segmentId: row(4).id, language: 'ru' } }, create: { segmentId: row(4).id, language: 'ru', continuesPrevious: true }, update: { continuesPrevious: true } });
    await getDb().footnoteRef.create({ data: { segmentId: row(4).id, footnoteId: (await getDb().segment.findFirstOrThrow({ where: { workId, kind: 'FOOTNOTE' }, select: { id: true } })).id, label: '1', charOffset: row(4).text.length } });
    const window = await findCheckWindow({ actor: volunteer.actor, workId, language: 'ru', fromChunk: 0 });
    expect(window.segments[row(4).id]).toBeUndefined();
    expect(window.segments[row(3).id]?.footnotes).toEqual([{ label: '1', offset: row(3).text.length + 1 + row(4).text.length }]);
    const listed = await findWorkFindings({ actor: volunteer.actor, workId, language: 'ru' });
    const grouped = listed.segments.find((segment) => segment.segmentId === row(3).id);
    expect(grouped?.source).toBe(`${row(3).text} ${row(4).text}`);
    expect(grouped?.findings.map((finding) => finding.key)).toContain('missing:1');
    expect(listed.segments.some((segment) => segment.segmentId === row(4).id)).toBe(false);
  });

  it('finds a glossary term of the source translated with a forbidden word, in any inflected form, or without its preferred one', async () => {
    const glossaryCollection = (await buildCollection()).id;
    const text = '# Weighing\n\nThe carters stood at the weighbridge of Balka. Nobody crossed the weighbridge at night. A weighbridge is a scale for carts.\n';
    const glossaryWork = (await buildWork({ collectionId: glossaryCollection, text, title: 'Weighing at Balka', filename: 'weighing.md' })).workId;
    await getDb().workLanguage.create({ data: { workId: glossaryWork, language: 'ru' } });
    await createGlossaryTerm({
      actor: SYSTEM_ACTOR,
      input: createGlossaryTermSchema.parse({ collectionId: glossaryCollection, source: 'en', target: 'ru', text: 'weighbridge', translations: [{ text: 'весовая', status: 'preferred' }, { text: 'мостовые весы', status: 'admitted' }, { text: 'весовой мост', status: 'forbidden' }] }),
    });
    const [first, second, third] = await sentences(glossaryWork);
    const publishIn = async (segmentId: string, translation: string) => withTransaction(getDb(), (tx) => writeRevision({ tx, segmentId, language: 'ru', text: translation, origin: 'EDIT', authorId: null, expectedRevisionId: null }));
    // The forbidden translation inflected; the preferred one inflected; neither.
    await publishIn(first?.id ?? '', 'Возчики стояли у весового моста Балки.');
    await publishIn(second?.id ?? '', 'Ночью никто не переходил весовую.');
    await publishIn(third?.id ?? '', 'Это такие большие весы для телег.');
    const found = await findWorkFindings({ actor: editor.actor, workId: glossaryWork, language: 'ru', check: 'glossary' });
    const bySegment = new Map(found.segments.map((segment) => [segment.segmentId, segment.findings.map((finding) => [finding.key.replace(/:[0-9a-f-]{36}/u, ':TERM'), english(finding)])]));
    expect(bySegment.get(first?.id ?? '')).toEqual([
      ['forbidden:TERM:весовой мост', '“weighbridge” must not be translated “весовой мост”: use “весовая”.'],
    ]);
    expect(bySegment.has(second?.id ?? '')).toBe(false);
    expect(bySegment.get(third?.id ?? '')).toEqual([['missing:TERM', '“weighbridge” is translated “весовая” in the glossary (also admitted: “мостовые весы”).']]);
  });

  it('finds a name written otherwise than the collection’s preferred form, a transliteration among them', async () => {
    const namesCollection = (await buildCollection()).id;
    const { workId: congress } = await importWork({ actor: SYSTEM_ACTOR, file: { name: 'congress.md', bytes: new TextEncoder().encode('# Съезд в Туле\n\nЗиновьев выступил первым на съезде в Туле. Потом долго молчали делегаты из Тулы.\n') }, collection: { id: namesCollection }, metadata: { title: 'Съезд в Туле', language: 'ru' } });
    await getDb().workLanguage.create({ data: { workId: congress, language: 'en' } });
    const nameId = (await createName({ actor: SYSTEM_ACTOR, input: createNameSchema.parse({ collectionId: namesCollection, kind: 'PERSON', text: 'Зиновьев', language: 'ru' }) })).id;
    await addNameForm({ actor: SYSTEM_ACTOR, input: { nameId, text: 'Zinoviev', language: 'en', isPreferred: true } });
    const [first, second] = await getDb().segment.findMany({ where: { workId: congress, kind: 'SENTENCE' }, orderBy: { orderKey: 'asc' }, select: { id: true } });
    const publishIn = async (segmentId: string, translation: string) => withTransaction(getDb(), (tx) => writeRevision({ tx, segmentId, language: 'en', text: translation, origin: 'EDIT', authorId: null, expectedRevisionId: null }));
    await publishIn(first?.id ?? '', 'Zinovyev spoke first at the congress in Tula.');
    await publishIn(second?.id ?? '', 'Then Zinoviev’s delegates from Tula kept silent for a long time.');
    const found = await findWorkFindings({ actor: editor.actor, workId: congress, language: 'en', check: 'names' });
    expect(found.segments.map((segment) => [segment.segmentId, segment.findings.map((finding) => english(finding))])).toEqual([[first?.id, ['“Zinovyev” is written “Zinoviev” in this collection.']]]);
  });
});

