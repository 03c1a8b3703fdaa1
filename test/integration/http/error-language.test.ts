import { describe, expect, it, vi } from 'vitest';

import { signUp } from '../../../app/(auth)/sign-up/actions';
import { POST as reportRoute } from '../../../app/api/segments/[segmentId]/reports/route';
import { GET as segmentsRoute } from '../../../app/api/works/[workId]/segments/route';
import { ANONYMOUS } from '../../../lib/auth/permissions';
import { callRoute } from '../../helpers/requests';

// A server action reads its request through next/headers: here, the headers each test sets.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: (name: string) => (request.headers.get('cookie')?.includes(`${name}=`) ? { name, value: request.headers.get('cookie')?.split(`${name}=`)[1]?.split(';')[0] ?? '' } : undefined) }),
}));
vi.mock('../../../lib/auth/session', () => ({ getActor: async () => ANONYMOUS }));

const MISSING = '00000000-0000-7000-8000-000000000000';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string[]> } };

async function report(body: unknown, acceptLanguage: string, cookie?: string): Promise<{ status: number; body: ErrorBody }> {
  const response = await callRoute(reportRoute, `/api/segments/${MISSING}/reports`, {
    params: { segmentId: MISSING },
    init: { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': acceptLanguage, ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) },
  });
  return { status: response.status, body: (await response.json()) as ErrorBody };
}

describe('errors are answered in the interface language of the request', () => {
  it('words a route’s error in English or Russian as Accept-Language asks', async () => {
    const url = `/api/works/${MISSING}/segments?langs=en`;
    const english = await callRoute(segmentsRoute, url, { params: { workId: MISSING }, init: { headers: { 'accept-language': 'en-GB,en;q=0.9' } } });
    const russian = await callRoute(segmentsRoute, url, { params: { workId: MISSING }, init: { headers: { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' } } });
    expect(english.status).toBe(404);
    expect(russian.status).toBe(404);
    expect(await english.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'This work does not exist.' } });
    expect(await russian.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Такого произведения нет.' } });
  });

  it('words the field errors of a route’s input (a schema’s own message and zod’s) in the same language', async () => {
    const body = { language: 'en', message: '   ' };
    const english = await report(body, 'en');
    const russian = await report(body, 'ru');
    expect(english.status).toBe(422);
    expect(english.body.error).toMatchObject({ code: 'INVALID_INPUT', message: 'Say what is wrong with this passage.', details: { message: ['Say what is wrong with this passage.'] } });
    expect(russian.body.error).toMatchObject({ code: 'INVALID_INPUT', message: 'Опишите, что не так в этом фрагменте.', details: { message: ['Опишите, что не так в этом фрагменте.'] } });

    // zod's own message (no message written in the schema): English as zod words it, Russian from the catalogue.
    const wrongType = { language: 'en', message: 5 };
    expect((await report(wrongType, 'en')).body.error.details?.message).toEqual(['Invalid input: expected string, received number']);
    expect((await report(wrongType, 'ru')).body.error.details?.message).toEqual(['Недопустимое значение.']);
  });

  it('prefers the language chosen in the header (its cookie) to Accept-Language', async () => {
    const { body } = await report({ language: 'en', message: '' }, 'en', 'interface-language=ru');
    expect(body.error.message).toBe('Опишите, что не так в этом фрагменте.');
  });

  it('words a server action’s error and its field errors in English or Russian', async () => {
    const input = { email: 'not an address', name: ' ', password: 'correct horse battery staple' };
    request.headers = new Headers({ 'accept-language': 'en' });
    const english = await signUp(null, input);
    request.headers = new Headers({ 'accept-language': 'ru' });
    const russian = await signUp(null, input);
    expect(english).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Enter a valid e-mail address.', fieldErrors: { email: ['Enter a valid e-mail address.'], name: ['Enter your name.'] } },
    });
    expect(russian).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Введите правильный адрес электронной почты.', fieldErrors: { email: ['Введите правильный адрес электронной почты.'], name: ['Введите своё имя.'] } },
    });
  });
});
