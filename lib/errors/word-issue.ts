import type { AppError, InputIssue } from './app-error';
import { errorText, fieldMessageKey, type ErrorKey, type ErrorTranslate, type ErrorValues } from './error-text';
import type { FieldErrors } from './field-errors';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';

/**
 * Errors and zod issues worded by a translator of the catalogues' `errors` namespace: the server's
 * (lib/errors/localize-error.ts) or the browser's, where a form checks its input with the server's
 * schema before sending it (`useTranslations('errors')`). Reads no catalogue itself, so the
 * browser loads none twice.
 */

/**
 * The catalogue key of one zod issue: a schema's own message (lib/errors/error-text.ts,
 * `fieldMessage`) by the key it was written with; zod's own English by the issue's code and
 * bounds (`errors.validation.*`).
 */
function issueKey(issue: InputIssue): { key: ErrorKey; values?: ErrorValues } {
  const own = fieldMessageKey(issue.message);
  if (own) return own;
  const [key, values] = zodIssueKey(issue);
  return values ? { key, values } : { key };
}

/** One zod issue's message in `locale`, worded by `t`; English keeps the issue's text. */
export function wordIssue(issue: InputIssue, locale: Locale, t: ErrorTranslate): string {
  if (locale === DEFAULT_LOCALE) return issue.message;
  const { key, values } = issueKey(issue);
  return errorText(key, values, t);
}

/**
 * An error's message in `locale`, worded by `t`; English is the error's own text. `own` is the
 * error's version in `locale` (`inLanguage`), when the caller has it already.
 */
export function wordError(error: AppError, locale: Locale, t: ErrorTranslate, own = locale === DEFAULT_LOCALE ? undefined : error.inLanguage?.(locale)): string {
  // Values holding text of the request or of another namespace come in the error's own version per language.
  const values = own?.values || error.values;
  if (error.issues) return error.issues[0] ? wordIssue(error.issues[0], locale, t) : errorText(error.key, values, t);
  return locale === DEFAULT_LOCALE ? error.message : errorText(error.key, values, t);
}

/** The field errors of zod issues in `locale` (`other` keeps the entries that are no field's). */
export function wordFieldErrors(issues: readonly InputIssue[], locale: Locale, t: ErrorTranslate, other?: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (other && typeof other === 'object' && !Array.isArray(other)) Object.assign(errors, other);
  const fields = new Set(issues.map(issueField));
  for (const field of fields) delete errors[field];
  for (const issue of issues) (errors[issueField(issue)] ??= []).push(wordIssue(issue, locale, t));
  return errors;
}

/** The form field an issue belongs to: its path ("account.email"), or "form" for the input as a whole. */
function issueField(issue: InputIssue): string {
  return issue.path.map(String).join('.') || 'form';
}

function zodIssueKey(issue: InputIssue): [ErrorKey, Record<string, number>?] {
  const origin = issue.origin;
  const isList = origin === 'array' || origin === 'set' || origin === 'map';
  switch (issue.code) {
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (origin === 'string') return minimum <= 1 ? ['validation.required'] : ['validation.tooShort', { minimum }];
      if (isList) return minimum <= 1 ? ['validation.noneChosen'] : ['validation.tooFew', { minimum }];
      return ['validation.tooSmall', { minimum }];
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (origin === 'string') return ['validation.tooLong', { maximum }];
      if (isList) return ['validation.tooMany', { maximum }];
      if (origin === 'file') return ['validation.fileTooLarge'];
      return ['validation.tooBig', { maximum }];
    }
    case 'invalid_type':
      if (issue.message.endsWith('received undefined')) return ['validation.required'];
      return issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint' ? ['validation.notANumber'] : ['validation.invalid'];
    case 'invalid_value':
      return ['validation.notAnOption'];
    case 'invalid_format':
      return issue.format === 'email' ? ['validation.email'] : issue.format === 'url' ? ['validation.url'] : ['validation.format'];
    case 'not_multiple_of':
      return ['validation.notAllowedNumber'];
    case 'unrecognized_keys':
      return ['validation.unknownFields'];
    default:
      return ['validation.invalid'];
  }
}
