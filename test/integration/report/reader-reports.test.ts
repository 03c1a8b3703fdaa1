import { randomBytes } from 'node:crypto';

import { beforeAll, describe, expect, it } from 'vitest';

import { ANONYMOUS, SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { REPORT_MIN_FILL_MS } from '../../../lib/config/limits';
import { getDb } from '../../../lib/db/client';
import { AppError } from '../../../lib/errors/app-error';
import { createReport, type CreateReportOptions } from '../../../lib/report/create-report';
import { dismissReport, resolveReport } from '../../../lib/report/decide-report';
import { findOpenReports } from '../../../lib/report/find-open-reports';
import { issueReportFormToken } from '../../../lib/report/report-secrets';
import type { ReportQueueItem } from '../../../lib/report/types';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { addTranslationBySegmentOrder } from '../../../lib/segment/add-translation-by-segment-order';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';

const WORK = '# The Title\n\nThe first sentence. The second sentence. The third sentence.\n';
const TRANSLATION = '# Le titre\n\nLa première phrase. La deuxième phrase. La troisième phrase.\n';
const MINUTE = 60_000;

/** A made-up client address of its own, so no two tests share a rate-limit bucket. */
const newAddress = () => `203.0.113.${randomBytes(1)[0]}:${randomBytes(4).toString('hex')}`;

/** A form shown long enough ago to pass the spam trap, at `now`. */
const formShownBefore = (now: Date) => issueReportFormToken({ now: new Date(now.getTime() - REPORT_MIN_FILL_MS - 2_000) });

describe('readers’ error reports', () => {
  let collectionId: string;
  let workId: string;
  let segmentIds: string[];
  let editor: Actor;
  let otherEditor: Actor;
  let volunteer: Actor;

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    workId = (await buildWork({ collectionId, text: WORK, title: 'Reported Work' })).workId;
    await addTranslationBySegmentOrder({ actor: SYSTEM_ACTOR, workId, language: 'fr', text: TRANSLATION, format: 'md' });
    segmentIds = (await getDb().segment.findMany({ where: { workId, kind: { not: 'PARAGRAPH' } }, orderBy: { orderKey: 'asc' }, select: { id: true } })).map((row) => row.id);
    editor = await grantRole((await buildUser({ name: 'Report Editor' })).id, collectionId, 'EDITOR');
    otherEditor = await grantRole((await buildUser()).id, (await buildCollection()).id, 'EDITOR');
    volunteer = (await buildUser({ name: 'Careful Reader' })).actor;
  });

  const segment = (index: number) => segmentIds[index] as string;
  const report = (overrides: Partial<Omit<CreateReportOptions, 'input'>> & { input?: Partial<CreateReportOptions['input']> } = {}) => {
    const now = overrides.now ?? new Date();
    return createReport({
      actor: overrides.actor ?? ANONYMOUS,
      clientAddress: overrides.clientAddress ?? newAddress(),
      now,
      input: { segmentId: segment(1), language: 'fr', message: 'A typo here.', formToken: formShownBefore(now), ...overrides.input },
    });
  };
  const storedFor = (segmentId: string) => getDb().readerReport.count({ where: { segmentId } });

  it('stores an anonymous reader’s report with the published text they saw, keyed by a salted hash of their address', async () => {
    const address = newAddress();
    const outcome = await report({ clientAddress: address, input: { message: '  “phrase” is misspelt.  ' } });
    expect(outcome.isStored).toBe(true);
    const stored = await getDb().readerReport.findUniqueOrThrow({ where: { id: outcome.isStored ? outcome.reportId : '' } });
    expect(stored).toMatchObject({ segmentId: segment(1), workId, collectionId, language: 'fr', quotedText: 'La première phrase.', message: '“phrase” is misspelt.', reporterId: null, status: 'OPEN' });
    expect(stored.reporterKey).toMatch(/^addr:[0-9a-f]{64}$/);
    expect(stored.reporterKey).not.toContain(address);
    // The same address always gives the same key (that is what the rate limit counts).
    const again = await report({ clientAddress: address });
    expect(again.isStored && (await getDb().readerReport.findUniqueOrThrow({ where: { id: again.reportId } })).reporterKey).toBe(stored.reporterKey);
  });

  it('records a signed-in reader as the reporter, and refuses texts that are not there', async () => {
    const outcome = await report({ actor: volunteer, input: { language: 'en', segmentId: segment(2) } });
    const stored = await getDb().readerReport.findUniqueOrThrow({ where: { id: outcome.isStored ? outcome.reportId : '' } });
    expect(stored).toMatchObject({ reporterId: volunteer.kind === 'user' ? volunteer.id : '', quotedText: 'The second sentence.', reporterKey: `user:${volunteer.kind === 'user' ? volunteer.id : ''}` });

    expect(await errorCodeOf(report({ input: { language: 'de' } }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(report({ input: { segmentId: '00000000-0000-7000-8000-000000000000' } }))).toBe('NOT_FOUND');
    const paragraph = await getDb().segment.findFirstOrThrow({ where: { workId, kind: 'PARAGRAPH' }, select: { id: true } });
    expect(await errorCodeOf(report({ input: { segmentId: paragraph.id } }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(report({ input: { message: '   ' } }))).toBe('INVALID_INPUT');
    expect(await errorCodeOf(report({ input: { message: 'x'.repeat(2_001) } }))).toBe('INVALID_INPUT');
  });

  it('keeps the text the reader saw when it was published before, and never a text the segment never had', async () => {
    const publisher = await grantRole((await buildUser()).id, collectionId, 'EDITOR');
    const before = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId: segment(3), language: 'fr' } }, select: { publishedRevisionId: true } });
    await createSuggestion({ actor: publisher, input: { segmentId: segment(3), language: 'fr', text: 'La troisième phrase, corrigée.', baseRevisionId: before.publishedRevisionId, publish: true } });

    const old = await report({ input: { segmentId: segment(3), quotedText: 'La troisième phrase.' } });
    const invented = await report({ input: { segmentId: segment(3), quotedText: 'Words the segment never held.' } });
    const quoted = async (outcome: Awaited<ReturnType<typeof report>>) => (await getDb().readerReport.findUniqueOrThrow({ where: { id: outcome.isStored ? outcome.reportId : '' } })).quotedText;
    expect(await quoted(old)).toBe('La troisième phrase.');
    expect(await quoted(invented)).toBe('La troisième phrase, corrigée.');
  });

  describe('spam trap', () => {
    it('answers a filled hidden field like a success and stores nothing', async () => {
      const before = await storedFor(segment(0));
      expect(await report({ input: { segmentId: segment(0), website: 'http://spam.example' } })).toEqual({ isStored: false });
      expect(await storedFor(segment(0))).toBe(before);
    });

    it('answers a form sent too fast, or with a forged or missing token, like a success and stores nothing', async () => {
      const now = new Date();
      const before = await storedFor(segment(0));
      const tooFast = issueReportFormToken({ now: new Date(now.getTime() - REPORT_MIN_FILL_MS + 500) });
      expect(await report({ now, input: { segmentId: segment(0), formToken: tooFast } })).toEqual({ isStored: false });
      const [issuedAt, nonce] = formShownBefore(now).split('.');
      expect(await report({ now, input: { segmentId: segment(0), formToken: `${issuedAt}.${nonce}.${'A'.repeat(43)}` } })).toEqual({ isStored: false });
      // A token re-signed for an earlier time by someone without the secret does not verify.
      const genuine = tooFast.split('.');
      expect(await report({ now, input: { segmentId: segment(0), formToken: `${now.getTime() - MINUTE}.${genuine[1]}.${genuine[2]}` } })).toEqual({ isStored: false });
      expect(await report({ now, input: { segmentId: segment(0), formToken: '' } })).toEqual({ isStored: false });
      expect(await storedFor(segment(0))).toBe(before);
      // The same form, sent a little later, is stored.
      expect(await report({ now: new Date(now.getTime() + 1_000), input: { segmentId: segment(0), formToken: tooFast } })).toMatchObject({ isStored: true });
    });

    it('asks to reopen a form left open too long', async () => {
      const now = new Date();
      const stale = issueReportFormToken({ now: new Date(now.getTime() - 13 * 60 * MINUTE) });
      expect(await errorCodeOf(report({ now, input: { formToken: stale } }))).toBe('INVALID_INPUT');
    });
  });

  describe('rate limit', () => {
    const rateLimitOf = async (promise: Promise<unknown>) => {
      const error = await promise.then(() => null, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      return error as AppError;
    };

    it('allows five reports in ten minutes per address, then answers RATE_LIMITED saying when to retry', async () => {
      const address = newAddress();
      const t0 = new Date(Date.now() + 60 * MINUTE);
      for (let index = 0; index < 5; index += 1) {
        expect(await report({ clientAddress: address, now: new Date(t0.getTime() + index * MINUTE) })).toMatchObject({ isStored: true });
      }
      const sixthAt = new Date(t0.getTime() + 5 * MINUTE);
      const refused = await rateLimitOf(report({ clientAddress: address, now: sixthAt }));
      expect(refused.code).toBe('RATE_LIMITED');
      // The first of the five leaves the window ten minutes after it was sent: five minutes later.
      expect(refused.details).toMatchObject({ retryAfterSeconds: 300 });
      expect(refused.message).toBe('You have sent 5 reports in the last 10 minutes. You can send another in 5 minutes.');
      // Another reader, and this one signed in from the same address, are counted apart.
      expect(await report({ now: sixthAt })).toMatchObject({ isStored: true });
      expect(await report({ actor: volunteer, clientAddress: address, now: sixthAt })).toMatchObject({ isStored: true });
      // Refused requests are not counted: once the first report left the window, one more is allowed.
      expect(await report({ clientAddress: address, now: new Date(t0.getTime() + 10 * MINUTE + 1) })).toMatchObject({ isStored: true });
      expect(await errorCodeOf(report({ clientAddress: address, now: new Date(t0.getTime() + 10 * MINUTE + 2) }))).toBe('RATE_LIMITED');
    });

    it('allows thirty reports a day per address', async () => {
      const address = newAddress();
      const t0 = new Date(Date.now() + 2 * 24 * 60 * MINUTE);
      let stored = 0;
      for (let index = 0; index < 30; index += 1) {
        // Five every eleven minutes: never more than five in ten minutes.
        const at = new Date(t0.getTime() + Math.floor(index / 5) * 11 * MINUTE + (index % 5) * 1_000);
        if ((await report({ clientAddress: address, now: at })).isStored) stored += 1;
      }
      expect(stored).toBe(30);
      const at = new Date(t0.getTime() + 80 * MINUTE);
      const refused = await rateLimitOf(report({ clientAddress: address, now: at }));
      expect(refused.code).toBe('RATE_LIMITED');
      expect(refused.message).toMatch(/^You have sent 30 reports in the last 24 hours\. You can send another in 23 hours\.$/);
      expect(refused.details).toMatchObject({ retryAfterSeconds: 24 * 60 * 60 - 80 * 60 });
    });

    it('applies to signed-in readers per account', async () => {
      const reader = (await buildUser()).actor;
      const now = new Date(Date.now() + 4 * 24 * 60 * MINUTE);
      for (let index = 0; index < 5; index += 1) await report({ actor: reader, now });
      expect(await errorCodeOf(report({ actor: reader, now }))).toBe('RATE_LIMITED');
      expect(await getDb().readerReport.count({ where: { reporterId: reader.kind === 'user' ? reader.id : '' } })).toBe(5);
    });

    it('lets no more than five through when they arrive at once', async () => {
      const address = newAddress();
      const now = new Date(Date.now() + 6 * 24 * 60 * MINUTE);
      const outcomes = await Promise.all(Array.from({ length: 8 }, () => errorCodeOf(report({ clientAddress: address, now }))));
      expect(outcomes.filter((code) => code === 'resolved')).toHaveLength(5);
      expect(outcomes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(3);
    });
  });

  describe('the same text reported again', () => {
    let duplicateWork: string;
    let sentence: string;

    beforeAll(async () => {
      duplicateWork = (await buildWork({ collectionId, text: WORK, title: 'Duplicate Work' })).workId;
      await addTranslationBySegmentOrder({ actor: SYSTEM_ACTOR, workId: duplicateWork, language: 'fr', text: TRANSLATION, format: 'md' });
      sentence = (await getDb().segment.findFirstOrThrow({ where: { workId: duplicateWork, kind: 'SENTENCE' }, orderBy: { orderKey: 'asc' }, select: { id: true } })).id;
    });

    const reportOn = (options: { actor?: Actor; clientAddress?: string; language?: string; message?: string } = {}) =>
      report({ actor: options.actor, clientAddress: options.clientAddress, input: { segmentId: sentence, language: options.language ?? 'fr', message: options.message ?? 'A typo here.' } });
    const openOf = async () => (await findOpenReports({ actor: editor, filter: { workId: duplicateWork } })).items;

    it('merges a report on a text already reported and open into that report, counting each reader once', async () => {
      const address = newAddress();
      const first = await reportOn({ clientAddress: address });
      if (!first.isStored) throw new Error('the first report was not stored');
      expect(first.duplicateOfId).toBeNull();
      expect(await reportOn()).toMatchObject({ isStored: true, duplicateOfId: first.reportId });
      // Other words for the same text are merged too, and kept; the same words differently spaced are not repeated.
      expect(await reportOn({ actor: volunteer, message: 'Should be “première”.' })).toMatchObject({ duplicateOfId: first.reportId });
      expect(await reportOn({ message: '  a TYPO   here. ' })).toMatchObject({ duplicateOfId: first.reportId });
      // The first reader again: one more report, not one more reader.
      expect(await reportOn({ clientAddress: address })).toMatchObject({ duplicateOfId: first.reportId });
      // The original of the same segment is another text.
      const english = await reportOn({ language: 'en' });
      expect(english).toMatchObject({ isStored: true, duplicateOfId: null });

      const open = await openOf();
      expect(open.map((item) => item.reportId)).toEqual([first.reportId, english.isStored ? english.reportId : '']);
      expect(open[0]).toMatchObject({ message: 'A typo here.', reporterCount: 4, moreMessages: ['Should be “première”.'] });
      expect(open[1]).toMatchObject({ reporterCount: 1, moreMessages: [] });
      expect(JSON.stringify(open)).not.toContain('addr:');
      // Every submission still counts against its sender's rate limit: each is a row.
      expect(await getDb().readerReport.count({ where: { segmentId: sentence } })).toBe(6);
    });

    it('closes the merged reports with the report they were merged into, and then starts afresh', async () => {
      const [group, english] = (await openOf()) as [ReportQueueItem, ReportQueueItem];
      await resolveReport({ actor: editor, input: { reportId: group.reportId, note: 'Fixed.' } });
      const rows = await getDb().readerReport.findMany({ where: { segmentId: sentence, language: 'fr' }, select: { status: true, handlerNote: true } });
      expect(rows).toHaveLength(5);
      expect(rows.every((row) => row.status === 'RESOLVED' && row.handlerNote === 'Fixed.')).toBe(true);
      const event = await getDb().auditEvent.findFirstOrThrow({ where: { type: 'report.resolved', data: { path: ['reportId'], equals: group.reportId } }, select: { data: true } });
      expect(event.data).toMatchObject({ reportId: group.reportId, duplicates: 4 });
      expect((await openOf()).map((item) => item.reportId)).toEqual([english.reportId]);

      // The same text reported after the decision is a new report.
      const again = await reportOn();
      expect(again).toMatchObject({ isStored: true, duplicateOfId: null });
      for (const reportId of [english.reportId, again.isStored ? again.reportId : '']) await dismissReport({ actor: editor, input: { reportId } });
      expect(await openOf()).toEqual([]);
    });

    it('never opens two reports for one text, nor merges into a report being closed, when they meet', async () => {
      const outcomes = await Promise.all(Array.from({ length: 4 }, () => reportOn({ message: 'Twice at once.' })));
      const open = await openOf();
      expect(open).toHaveLength(1);
      const primary = open[0] as ReportQueueItem;
      expect(outcomes.filter((outcome) => outcome.isStored && outcome.duplicateOfId === null)).toHaveLength(1);

      const [closed, late] = await Promise.all([dismissReport({ actor: editor, input: { reportId: primary.reportId } }), reportOn({ message: 'Late.' })]);
      expect(closed).toBeUndefined();
      // Either merged before the decision (and closed with it) or a report of its own, still open.
      const stranded = await getDb().readerReport.count({ where: { segmentId: sentence, status: 'OPEN', duplicateOf: { status: { not: 'OPEN' } } } });
      expect(stranded).toBe(0);
      const lateRow = late.isStored ? await getDb().readerReport.findUniqueOrThrow({ where: { id: late.reportId }, select: { status: true, duplicateOfId: true } }) : null;
      expect([lateRow?.status === 'DISMISSED' && lateRow.duplicateOfId === primary.reportId, lateRow?.status === 'OPEN' && lateRow.duplicateOfId === null]).toContain(true);
    });

    it('counts every reader of a merged report but lists a bounded number of their other messages', async () => {
      const before = (await openOf()).find((item) => item.language === 'fr');
      for (let n = 0; n < 25; n += 1) await reportOn({ clientAddress: newAddress(), message: `Another complaint, number ${n}.` });
      const group = (await openOf()).find((item) => item.language === 'fr');
      expect(group?.reporterCount).toBe((before?.reporterCount ?? 0) + 25);
      expect(group?.moreMessages).toHaveLength(20);
      expect(new Set(group?.moreMessages).size).toBe(20);
    });
  });

  describe('in the editors’ queue', () => {
    let workOnly: string;
    let reportIds: string[];

    beforeAll(async () => {
      workOnly = (await buildWork({ collectionId, text: WORK, title: 'Queue Work' })).workId;
      await addTranslationBySegmentOrder({ actor: SYSTEM_ACTOR, workId: workOnly, language: 'fr', text: TRANSLATION, format: 'md' });
      const ids = (await getDb().segment.findMany({ where: { workId: workOnly, kind: 'SENTENCE' }, orderBy: { orderKey: 'asc' }, select: { id: true } })).map((row) => row.id);
      reportIds = [];
      for (const [index, language] of ['fr', 'en', 'fr'].entries()) {
        const outcome = await report({ actor: index === 1 ? volunteer : ANONYMOUS, input: { segmentId: ids[index], language, message: `Report ${index}` } });
        if (outcome.isStored) reportIds.push(outcome.reportId);
      }
    });

    it('lists open reports oldest first with the text seen, the text now and the original, in keyset pages', async () => {
      const first = await findOpenReports({ actor: editor, filter: { workId: workOnly, limit: 2 } });
      expect(first.items.map((item) => item.reportId)).toEqual(reportIds.slice(0, 2));
      expect(first.items[0]).toMatchObject({
        message: 'Report 0', language: 'fr', quotedText: 'La première phrase.', currentText: 'La première phrase.', sourceText: 'The first sentence.',
        reporterName: null, work: { id: workOnly, title: 'Queue Work', sourceLanguage: 'en' }, collection: { id: collectionId },
      });
      expect(first.items[1]).toMatchObject({ language: 'en', sourceText: null, reporterName: 'Careful Reader' });
      expect(first.next).toBe(reportIds[1]);
      const second = await findOpenReports({ actor: editor, filter: { workId: workOnly, limit: 2, after: first.next ?? undefined } });
      expect(second).toEqual({ items: [expect.objectContaining({ reportId: reportIds[2] })], next: null });
      const english = await findOpenReports({ actor: editor, filter: { workId: workOnly, language: 'en' } });
      expect(english.items.map((item) => item.reportId)).toEqual([reportIds[1]]);
      // The queue never shows who an anonymous reporter is.
      expect(JSON.stringify(first)).not.toContain('addr:');
    });

    it('shows a collection’s reports only to its editors and admins', async () => {
      expect(await errorCodeOf(findOpenReports({ actor: ANONYMOUS, filter: {} }))).toBe('UNAUTHENTICATED');
      expect(await errorCodeOf(findOpenReports({ actor: volunteer, filter: {} }))).toBe('FORBIDDEN');
      expect(await errorCodeOf(findOpenReports({ actor: otherEditor, filter: { collectionId } }))).toBe('FORBIDDEN');
      expect((await findOpenReports({ actor: otherEditor, filter: { workId: workOnly } })).items).toEqual([]);
      expect((await findOpenReports({ actor: SYSTEM_ACTOR, filter: { workId: workOnly } })).items).toHaveLength(3);
    });

    it('resolves and dismisses with a note and an audit event, once', async () => {
      const [resolved, dismissed] = reportIds as [string, string];
      expect(await errorCodeOf(resolveReport({ actor: volunteer, input: { reportId: resolved } }))).toBe('FORBIDDEN');
      expect(await errorCodeOf(resolveReport({ actor: ANONYMOUS, input: { reportId: resolved } }))).toBe('UNAUTHENTICATED');
      expect(await errorCodeOf(resolveReport({ actor: otherEditor, input: { reportId: resolved } }))).toBe('NOT_FOUND');

      await resolveReport({ actor: editor, input: { reportId: resolved, note: ' Fixed the accent. ' } });
      await dismissReport({ actor: editor, input: { reportId: dismissed, note: 'The original says so.' } });
      expect(await errorCodeOf(dismissReport({ actor: editor, input: { reportId: resolved } }))).toBe('CONFLICT');

      const rows = await getDb().readerReport.findMany({ where: { id: { in: [resolved, dismissed] } }, orderBy: { id: 'asc' }, select: { status: true, handlerNote: true, handledById: true, handledAt: true } });
      const editorId = editor.kind === 'user' ? editor.id : '';
      expect(rows).toEqual([
        { status: 'RESOLVED', handlerNote: 'Fixed the accent.', handledById: editorId, handledAt: expect.any(Date) },
        { status: 'DISMISSED', handlerNote: 'The original says so.', handledById: editorId, handledAt: expect.any(Date) },
      ]);
      const events = await getDb().auditEvent.findMany({ where: { type: { startsWith: 'report.' }, workId: workOnly }, orderBy: { createdAt: 'asc' }, select: { type: true, actorId: true, collectionId: true, data: true } });
      expect(events).toEqual([
        { type: 'report.resolved', actorId: editorId, collectionId, data: expect.objectContaining({ reportId: resolved, note: 'Fixed the accent.' }) },
        { type: 'report.dismissed', actorId: editorId, collectionId, data: expect.objectContaining({ reportId: dismissed, note: 'The original says so.' }) },
      ]);
      expect((await findOpenReports({ actor: editor, filter: { workId: workOnly } })).items.map((item) => item.reportId)).toEqual([reportIds[2]]);
    });

    it('ends two editors closing the same report at once with one decision', async () => {
      const reportId = reportIds[2] as string;
      const second = await grantRole((await buildUser()).id, collectionId, 'EDITOR');
      const outcomes = await Promise.all([resolveReport({ actor: editor, input: { reportId } }), dismissReport({ actor: second, input: { reportId } })].map(errorCodeOf));
      expect(outcomes.sort()).toEqual(['CONFLICT', 'resolved']);
      expect(await getDb().auditEvent.count({ where: { type: { in: ['report.resolved', 'report.dismissed'] }, data: { path: ['reportId'], equals: reportId } } })).toBe(1);
    });
  });
});
