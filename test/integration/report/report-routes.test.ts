import { randomBytes } from 'node:crypto';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { POST as dismissRoute } from '../../../app/api/reports/[reportId]/dismiss/route';
import { POST as resolveRoute } from '../../../app/api/reports/[reportId]/resolve/route';
import { GET as formTokenRoute } from '../../../app/api/reports/form-token/route';
import { GET as reportQueueRoute } from '../../../app/api/review/reports/route';
import { POST as reportRoute } from '../../../app/api/segments/[segmentId]/reports/route';
import { ANONYMOUS } from '../../../lib/auth/permissions';
import { REPORT_MIN_FILL_MS } from '../../../lib/config/limits';
import { getDb } from '../../../lib/db/client';
import { PEER_ADDRESS_HEADER } from '../../../lib/http/peer-address';
import { checkReportFormToken, issueReportFormToken, reporterKeyFor } from '../../../lib/report/report-secrets';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const newAddress = () => `198.51.100.${randomBytes(1)[0]}-${randomBytes(4).toString('hex')}`;
const shownEarlier = () => issueReportFormToken({ now: new Date(Date.now() - REPORT_MIN_FILL_MS - 5_000) });

describe('report routes', () => {
  let collectionId: string;
  let workId: string;
  let segmentId: string;
  let editorCookie: string;
  let volunteerCookie: string;
  let outsiderCookie: string;

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    workId = (await buildWork({ collectionId })).workId;
    segmentId = (await getDb().segment.findFirstOrThrow({ where: { workId, kind: 'SENTENCE' }, orderBy: { orderKey: 'asc' }, select: { id: true } })).id;
    const editor = await buildUser();
    await grantRole(editor.id, collectionId, 'EDITOR');
    const outsider = await buildUser();
    await grantRole(outsider.id, (await buildCollection()).id, 'EDITOR');
    [editorCookie, volunteerCookie, outsiderCookie] = await Promise.all([sessionCookie(editor.id), sessionCookie((await buildUser()).id), sessionCookie(outsider.id)]);
  });

  afterEach(() => {
    delete process.env.TRUST_PROXY;
  });

  const post = (body: Record<string, unknown>, headers: Record<string, string> = {}, cookie?: string) =>
    callRoute(reportRoute, `/api/segments/${segmentId}/reports`, { params: { segmentId }, cookie, init: json({ language: 'en', message: 'Wrong word.', formToken: shownEarlier(), ...body }, headers) });
  const keyOf = (address: string) => reporterKeyFor({ actor: ANONYMOUS, address });

  it('hands out a form token that marks when the form was shown', async () => {
    const response = await callRoute(formTokenRoute, '/api/reports/form-token');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { token } = (await response.json()) as { token: string };
    expect(checkReportFormToken({ token })).toBe('too-fast');
    expect(checkReportFormToken({ token, now: new Date(Date.now() + REPORT_MIN_FILL_MS + 1_000) })).toBe('valid');
  });

  it('takes an anonymous reader’s report, keyed by the socket’s address and not by a forwarded one it does not trust', async () => {
    const address = newAddress();
    const response = await post({ message: 'The date is wrong.' }, { [PEER_ADDRESS_HEADER]: address, 'x-forwarded-for': '192.0.2.1' });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: 'received' });
    const stored = await getDb().readerReport.findFirstOrThrow({ where: { segmentId, message: 'The date is wrong.' } });
    expect(stored.reporterKey).toBe(keyOf(address));
  });

  it('believes X-Forwarded-For behind a trusted proxy, taking the entry the proxy added', async () => {
    process.env.TRUST_PROXY = '1';
    const client = newAddress();
    await post({ message: 'Behind a proxy.' }, { [PEER_ADDRESS_HEADER]: '10.0.0.2', 'x-forwarded-for': `192.0.2.99, ${client}` });
    expect((await getDb().readerReport.findFirstOrThrow({ where: { segmentId, message: 'Behind a proxy.' } })).reporterKey).toBe(keyOf(client));
  });

  it('answers a trapped submission exactly like a stored one', async () => {
    const before = await getDb().readerReport.count({ where: { segmentId } });
    const trapped = await post({ message: 'Buy now', website: 'spam' }, { [PEER_ADDRESS_HEADER]: newAddress() });
    const tooFast = await post({ message: 'Buy now', formToken: issueReportFormToken() }, { [PEER_ADDRESS_HEADER]: newAddress() });
    for (const response of [trapped, tooFast]) {
      expect(response.status).toBe(202);
      expect(await response.json()).toEqual({ status: 'received' });
    }
    expect(await getDb().readerReport.count({ where: { segmentId } })).toBe(before);
  });

  it('refuses the sixth report in ten minutes with 429, Retry-After and a message saying when', async () => {
    const headers = { [PEER_ADDRESS_HEADER]: newAddress() };
    for (let index = 0; index < 5; index += 1) expect((await post({ message: `Report ${index}` }, headers)).status).toBe(202);
    const refused = await post({ message: 'One more' }, headers);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(500);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(600);
    expect(await refused.json()).toMatchObject({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^You have sent 5 reports in the last 10 minutes\. You can send another in (9|10) minutes\.$/) } });
    expect((await post({ message: 'Invalid', language: 'not a tag' }, headers)).status).toBe(422);
  });

  it('lists open reports for the collection’s editors only, and closes them with a note', async () => {
    // The same text as the reports above: merged into the first of them, which the queue lists once.
    await post({ message: 'To be resolved.' }, { [PEER_ADDRESS_HEADER]: newAddress() });
    const url = `/api/review/reports?workId=${workId}&limit=100`;
    expect((await callRoute(reportQueueRoute, url)).status).toBe(401);
    expect((await callRoute(reportQueueRoute, url, { cookie: volunteerCookie })).status).toBe(403);
    expect((await callRoute(reportQueueRoute, `/api/review/reports?collectionId=${collectionId}`, { cookie: outsiderCookie })).status).toBe(403);
    const listed = await callRoute(reportQueueRoute, url, { cookie: editorCookie });
    expect(listed.status).toBe(200);
    type Listed = { items: { reportId: string; message: string; moreMessages: string[]; reporterCount: number; currentText: string }[] };
    const { items } = (await listed.json()) as Listed;
    expect(items).toHaveLength(1);
    const toResolve = items[0];
    expect(toResolve).toMatchObject({ message: 'The date is wrong.', currentText: 'The first sentence is here.' });
    expect(toResolve?.moreMessages).toContain('To be resolved.');
    expect(toResolve?.reporterCount).toBeGreaterThanOrEqual(3);
    const resolveUrl = `/api/reports/${toResolve?.reportId}/resolve`;
    const params = { reportId: toResolve?.reportId ?? '' };

    expect((await callRoute(resolveRoute, resolveUrl, { params, init: json({}) })).status).toBe(401);
    expect((await callRoute(resolveRoute, resolveUrl, { params, cookie: volunteerCookie, init: json({}) })).status).toBe(403);
    expect((await callRoute(resolveRoute, resolveUrl, { params, cookie: outsiderCookie, init: json({}) })).status).toBe(404);
    const other = await getDb().readerReport.findFirstOrThrow({ where: { segmentId, id: { not: toResolve?.reportId } }, select: { id: true } });
    // The report in the path is the one closed, whatever the body says; the reports merged into it are closed with it.
    const resolved = await callRoute(resolveRoute, resolveUrl, { params, cookie: editorCookie, init: json({ reportId: other.id, note: 'Corrected.' }) });
    expect(resolved.status).toBe(200);
    expect(await resolved.json()).toEqual({ reportId: toResolve?.reportId, status: 'RESOLVED' });
    expect(await getDb().readerReport.count({ where: { segmentId, status: 'OPEN' } })).toBe(0);

    // Reported again once the first was closed: a report of its own.
    await post({ message: 'To be dismissed.' }, { [PEER_ADDRESS_HEADER]: newAddress() });
    const toDismiss = await getDb().readerReport.findFirstOrThrow({ where: { segmentId, message: 'To be dismissed.' }, select: { id: true, duplicateOfId: true } });
    expect(toDismiss.duplicateOfId).toBeNull();
    const dismissed = await callRoute(dismissRoute, `/api/reports/${toDismiss.id}/dismiss`, { params: { reportId: toDismiss.id }, cookie: editorCookie, init: json({ note: 'Not an error.' }) });
    expect(dismissed.status).toBe(200);
    const again = await callRoute(dismissRoute, resolveUrl, { params, cookie: editorCookie, init: json({}) });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'CONFLICT', details: { status: 'RESOLVED' } } });

    const remaining = (await (await callRoute(reportQueueRoute, url, { cookie: editorCookie })).json()) as { items: { reportId: string }[] };
    expect(remaining.items.map((item) => item.reportId)).not.toContain(toResolve?.reportId);
    expect(remaining.items.map((item) => item.reportId)).not.toContain(toDismiss.id);
  });
});
