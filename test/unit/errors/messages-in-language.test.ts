import { describe, expect, it } from 'vitest';

import { registerUserSchema } from '../../../lib/account/schemas';
import { formatFinding } from '../../../lib/checks/format-finding';
import { checksTranslatorIn } from '../../../lib/checks/get-checks-translator';
import { AppError } from '../../../lib/errors/app-error';
import { errorText, fieldMessage } from '../../../lib/errors/error-text';
import { errorTextIn, localizedErrorBody } from '../../../lib/errors/localize-error';
import en from '../../../lib/i18n/messages/en.json';
import ru from '../../../lib/i18n/messages/ru.json';
import { createInvitationSchema } from '../../../lib/membership/schemas';
import { TmxReader } from '../../../lib/memory/tmx/tmx-reader';
import { structureRefusalText } from '../../../lib/structure/plan-structural-edit';
import { refusalError } from '../../../lib/worker/worker-pool';
import { XliffReader } from '../../../lib/xliff/xliff-reader';

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

const russian = (error: AppError) => localizedErrorBody(error, 'ru').error;

describe('messages built deeper down, worded in the request’s language', () => {
  it('words the file readers’ complaints, the English unchanged', () => {
    const xliff = thrown(() => {
      const reader = new XliffReader();
      reader.write('<?xml version="1.0"?><html></html>');
      reader.end();
    });
    expect(xliff.message).toBe('The file is XML but not XLIFF: its root element is <html>, not <xliff>.');
    expect(russian(xliff).message).toBe('Файл — XML, но не XLIFF: его корневой элемент — <html>, а не <xliff>.');
    const tmx = thrown(() => {
      const reader = new TmxReader({ onUnit: () => undefined });
      reader.write(new TextEncoder().encode('<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "b">]><tmx/>'));
      reader.end();
    });
    expect(tmx.message).toBe('The file declares its own document type (a DTD with entities). TMX files need none: remove the <!DOCTYPE …[…]> part and import it again.');
    expect(russian(tmx).message).toBe('В файле объявлен собственный тип документа (DTD с сущностями). Файлам TMX он не нужен: удалите часть <!DOCTYPE …[…]> и импортируйте файл снова.');
    const missing = new AppError('INVALID_INPUT', 'memory.noUnitInLanguage', { values: { missing: 'en', second: 'none', languages: 'fr, ru' } });
    expect(missing.message).toBe('The file has no unit in en; its languages are fr, ru.');
    expect(russian(missing).message).toBe('В файле нет единиц на языке «en»; его языки: fr, ru.');
    expect(new AppError('INVALID_INPUT', 'memory.noUnitInLanguage', { values: { missing: 'en', second: 'fr', languages: 'none' } }).message).toBe('The file has no unit in en or fr; its languages are none.');
  });

  it('words the duplicate-suggestion message and the worker pools’ refusals', () => {
    const twin = new AppError('CONFLICT', 'review.twin', { values: { outcome: 'WAITING' } });
    expect(twin.message).toBe('This text is already waiting for review as it stands.');
    expect(russian(twin).message).toBe('Этот текст в таком виде уже ждёт проверки.');
    const slow = refusalError({ code: 'PAYLOAD_TOO_LARGE', key: 'worker.tooLong', values: { seconds: 3, work: 'upload' } });
    expect(slow.message).toBe('The file could not be read within 3 seconds: it is too large or too complex to import.');
    expect(russian(slow).message).toBe('Файл не удалось прочитать за 3 секунды: он слишком велик или сложен для импорта.');
    expect(errorTextIn('ru', 'worker.busy', { work: 'proofread' })).toBe('Сервер занят проверкой других произведений. Попробуйте снова через минуту.');
  });

  it('words the password rules as the field’s error', () => {
    const parsed = registerUserSchema.safeParse({ email: 'ada@example.org', name: 'Ada', password: 'aaaaaaaaaaaaaa' });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const error = AppError.invalidInput(parsed.error.issues);
    expect(error.message).toMatch(/^Repeated characters such as “aaa” are easy to guess\. /u);
    const body = russian(error);
    expect(body.message).toMatch(/^Повторяющиеся символы вроде «aaa» легко угадать\. /u);
    expect(body.details).toEqual({ password: [body.message] });
  });

  it('words the invitation form’s own messages as the fields’ errors', () => {
    const parsed = createInvitationSchema.safeParse({ collectionId: 'x', role: 'VOLUNTEER', expiresInDays: '5', maxUses: '0' });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const error = AppError.invalidInput(parsed.error.issues);
    expect(error.toBody().error.details).toEqual({ collectionId: ['Choose a collection.'], expiresInDays: ['Choose how long the link works.'], maxUses: ['Enter at least 1, or leave it empty.'] });
    expect(russian(error).details).toEqual({ collectionId: ['Выберите собрание.'], expiresInDays: ['Выберите срок действия ссылки.'], maxUses: ['Введите не меньше 1 или оставьте поле пустым.'] });
  });

  it('words field errors written into the details, and details given per language', () => {
    const taken = new AppError('CONFLICT', 'membership.titleTaken', { values: { title: 'Poems' }, details: { title: [fieldMessage('field.chooseAnotherTitle')], fields: { file: fieldMessage('field.tbxOrCsv') }, count: 2 } });
    expect(taken.toBody().error.details).toEqual({ title: ['Choose another title.'], fields: { file: 'A .tbx or .csv file.' }, count: 2 });
    expect(russian(taken)).toEqual({ code: 'CONFLICT', message: 'Собрание «Poems» уже есть.', details: { title: ['Выберите другое название.'], fields: { file: 'Файл .tbx или .csv.' }, count: 2 } });
    const label = 'Пушкин';
    const exists = new AppError('CONFLICT', 'names.formExists', { values: { text: label }, details: { text: [errorText('field.alreadyThereAs', { label })] }, inLanguage: (locale) => ({ details: { text: [errorTextIn(locale, 'field.alreadyThereAs', { label })] } }) });
    expect(exists.toBody().error.details).toEqual({ text: ['Already there as “Пушкин”.'] });
    expect(russian(exists).details).toEqual({ text: ['Уже есть — как «Пушкин».'] });
  });

  it('words the quality checks’ findings listed in the blocking refusal', () => {
    const finding = { check: 'numbers' as const, message: { key: 'numbers.missing', values: { number: '1917' } } } as unknown as Parameters<typeof formatFinding>[1] & { check: 'numbers' };
    const worded = (t: ReturnType<typeof checksTranslatorIn>) => {
      const lines = [`${t(`names.${finding.check}`)}: ${formatFinding(t, finding)}`];
      return { values: { count: 1, listed: lines.join(' '), more: 0 }, details: { text: lines } };
    };
    const error = new AppError('INVALID_INPUT', 'checks.blockingFindings', { ...worded(checksTranslatorIn('en')), inLanguage: (locale) => worded(checksTranslatorIn(locale)) });
    const body = russian(error);
    expect(error.message).toContain('Numbers and dates: “1917” of the original is not in the translation.');
    const line = (body.details as { text: string[] }).text[0] ?? '';
    expect(line).toMatch(/1917/u);
    expect(line).not.toBe((error.details as { text: string[] }).text[0]);
    expect(body.message).toMatch(/^Сначала исправьте замечание/u);
    expect(body.message).toContain(line);
  });

  it('names the structural editor’s refusals with the same words on the server and in the interface', () => {
    expect(en.errors.structureRefusal).toEqual(en.structure.refusals);
    expect(ru.errors.structureRefusal).toEqual(ru.structure.refusals);
    expect(structureRefusalText({ refused: 'kindsDiffer', values: { first: 'heading', second: 'sentence' } })).toBe('Only segments of the same kind merge: this is a heading, the next a sentence.');
    expect(structureRefusalText({ refused: 'sharedWithPrevious', values: { language: 'fr', becomes: 'footnote' } })).toBe('Its fr translation is shared with the segment before it; separate the two in the alignment editor before making it a footnote.');
    const refused = new AppError('INVALID_INPUT', 'structureRefusal.notAParagraph', { values: { kind: 'heading' } });
    expect(refused.message).toBe('That is a heading, not a paragraph.');
    expect(russian(refused).message).toBe('Это заголовок, а не абзац.');
  });
});
