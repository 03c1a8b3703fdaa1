import { createElement } from 'react';
import { describe, expect, it } from 'vitest';

import { AccountFields } from '../../../components/auth/account-fields';
import { errorWording, useErrorWording } from '../../../components/errors/error-wording';
import { registerUserSchema } from '../../../lib/account/schemas';
import { AppError } from '../../../lib/errors/app-error';
import { translatorOf, sizeInBytes } from '../../../lib/errors/error-text';
import { fieldErrorsFromIssues, invalidInputResult } from '../../../lib/errors/field-errors';
import en from '../../../lib/i18n/messages/en.json';
import ru from '../../../lib/i18n/messages/ru.json';
import { renderInEnglish } from '../../helpers/render-in-english';
import { renderInRussian } from '../../helpers/render-in-russian';

const invalidSignUp = { name: ' ', email: 'not an address', password: 'short' };

/** The sign-up form's fields after its own check in the browser, as the form shows them. */
function CheckedSignUp() {
  const wording = useErrorWording();
  const checked = registerUserSchema.safeParse(invalidSignUp);
  return createElement(AccountFields, { result: checked.success ? null : wording.invalidInput(checked.error.issues) });
}

describe('errors found in the browser, in the interface’s language', () => {
  it('shows the sign-up form’s field errors in Russian with the server’s keys, and its English unchanged', () => {
    const russian = renderInRussian(createElement(CheckedSignUp));
    expect(russian).toContain('Введите своё имя.');
    expect(russian).toContain('Введите правильный адрес электронной почты.');
    expect(russian).toContain('Не короче');
    expect(russian).not.toContain('Enter your name.');
    const english = renderInEnglish(createElement(CheckedSignUp));
    expect(english).toContain('Enter your name.');
    expect(english).toContain('Enter a valid e-mail address.');
  });

  it('words field errors as the server does: English as the schema wrote them, zod’s own by the issue in Russian', () => {
    const checked = registerUserSchema.safeParse({ ...invalidSignUp, name: 'x'.repeat(101) });
    if (checked.success) throw new Error('expected the check to fail');
    const issues = checked.error.issues;
    expect(errorWording('en', translatorOf('en', en)).invalidInput(issues)).toEqual(invalidInputResult(issues));
    const result = errorWording('ru', translatorOf('ru', ru)).invalidInput(issues);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fieldErrors?.name).toEqual(['Не длиннее 100 символов.']);
    expect(Object.keys(result.error.fieldErrors ?? {})).toEqual(Object.keys(fieldErrorsFromIssues(issues)));
    expect(result.error.message).toBe(result.error.fieldErrors?.[String(issues[0]?.path[0])]?.[0]);
  });

  it('words an error thrown by shared code by its key', () => {
    const error = new AppError('PAYLOAD_TOO_LARGE', 'file.tooLarge', { values: { size: sizeInBytes(3 * 1024 * 1024 + 512 * 1024), limit: sizeInBytes(2 * 1024 * 1024) } });
    expect(errorWording('en', translatorOf('en', en)).error(error)).toBe(error.message);
    expect(errorWording('ru', translatorOf('ru', ru)).error(error)).toBe('Размер файла — 3,5 МБ, а предел — 2 МБ.');
    expect(errorWording('ru', translatorOf('ru', ru)).message(error.key, error.values)).toBe('Размер файла — 3,5 МБ, а предел — 2 МБ.');
  });
});
