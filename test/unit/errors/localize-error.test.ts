import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { AppError } from '../../../lib/errors/app-error';
import { fieldMessage, sizeInBytes, waitSeconds } from '../../../lib/errors/error-text';
import { localizedErrorBody } from '../../../lib/errors/localize-error';
import en from '../../../lib/i18n/messages/en.json';
import ru from '../../../lib/i18n/messages/ru.json';

function keysOf(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'object' && value !== null ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]));
}

describe('server messages (lib/errors)', () => {
  it('has every errors.* key in both catalogues', () => {
    expect(keysOf(en.errors).length).toBeGreaterThan(200);
    expect(keysOf(ru.errors).sort()).toEqual(keysOf(en.errors).sort());
  });

  it('keeps an AppError’s message in English and words its body in the language asked for', () => {
    const error = new AppError('NOT_FOUND', 'work.notFound');
    expect(error.message).toBe('This work does not exist.');
    expect(error.toBody()).toEqual({ error: { code: 'NOT_FOUND', message: 'This work does not exist.' } });
    expect(localizedErrorBody(error, 'en')).toEqual(error.toBody());
    expect(localizedErrorBody(error, 'ru')).toEqual({ error: { code: 'NOT_FOUND', message: 'Такого произведения нет.' } });
  });

  it('words sizes and waits in the message’s language, the English as before', () => {
    const tooLarge = new AppError('PAYLOAD_TOO_LARGE', 'file.tooLarge', { values: { size: sizeInBytes(3 * 1024 * 1024 + 512 * 1024), limit: sizeInBytes(2 * 1024 * 1024) }, details: { limit: 2 } });
    expect(tooLarge.message).toBe('The file is 3.5 MB; the limit is 2 MB.');
    expect(localizedErrorBody(tooLarge, 'ru').error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'Размер файла — 3,5 МБ, а предел — 2 МБ.', details: { limit: 2 } });
    const attempts = new AppError('RATE_LIMITED', 'account.tooManyAttempts', { values: { wait: waitSeconds(5 * 60) } });
    expect(attempts.message).toBe('Too many attempts; try again in 5 minutes.');
    expect(localizedErrorBody(attempts, 'ru').error.message).toBe('Слишком много попыток; попробуйте через 5 минут.');
    expect(new AppError('RATE_LIMITED', 'account.tooManyAttempts', { values: { wait: waitSeconds(1) } }).message).toBe('Too many attempts; try again in 1 second.');
  });

  it('words the field errors of invalid input again: a schema’s own message by its key, zod’s by the issue', () => {
    const schema = z.object({ title: z.string().trim().min(1, fieldMessage('form.titleMissing')), note: z.string().max(3) });
    const parsed = schema.safeParse({ title: ' ', note: 'longer' });
    if (parsed.success) throw new Error('expected a failure');
    const error = AppError.invalidInput(parsed.error.issues);
    expect(error.message).toBe('Enter a title.');
    expect(error.details).toEqual({ title: ['Enter a title.'], note: [parsed.error.issues[1]?.message] });
    expect(localizedErrorBody(error, 'ru').error).toEqual({
      code: 'INVALID_INPUT',
      message: 'Введите название.',
      details: { title: ['Введите название.'], note: ['Не длиннее 3 символов.'] },
    });
  });
});
