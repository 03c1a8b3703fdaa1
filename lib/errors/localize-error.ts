import { createTranslator } from 'next-intl';

import type { AppError, AppErrorBody, InputIssue } from './app-error';
import { translatorOf, type ErrorTranslate } from './error-text';
import type { FieldErrors } from './field-errors';
import { wordError, wordFieldErrors, wordIssue } from './word-issue';
import type { Messages } from '../i18n/load-messages';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import en from '../i18n/messages/en.json';
import ru from '../i18n/messages/ru.json';

/**
 * Server messages in the interface's languages. The catalogues are read once, when the server
 * starts: error bodies are also written where no request scope exists (the upload limit of
 * server.ts), so this never awaits. A new language adds its catalogue here.
 */
const CATALOGUES: Record<Locale, Messages> = { en, ru };

const translators = new Map<Locale, ErrorTranslate>();

function translatorFor(locale: Locale): ErrorTranslate {
  let t = translators.get(locale);
  if (!t) {
    t = translatorOf(locale, CATALOGUES[locale]);
    translators.set(locale, t);
  }
  return t;
}

/** An error's message in `locale`. */
export function localizedMessage(error: AppError, locale: Locale): string {
  return wordError(error, locale, translatorFor(locale));
}

/**
 * The error body in the request's interface language: the message, and the field errors of
 * invalid input. English is the error's own text, unchanged.
 */
export function localizedErrorBody(error: AppError, locale: Locale): AppErrorBody {
  const body = error.toBody();
  if (locale === DEFAULT_LOCALE) return body;
  const details = error.issues ? localizedFieldErrors(error.issues, locale, error.details) : error.details;
  return { error: { ...body.error, message: localizedMessage(error, locale), ...(details === undefined ? {} : { details }) } };
}

/** Field errors of zod issues in `locale` (`other` keeps the entries that are no field's). */
export function localizedFieldErrors(issues: readonly InputIssue[], locale: Locale, other?: unknown): FieldErrors {
  return wordFieldErrors(issues, locale, translatorFor(locale), other);
}

/**
 * One zod issue's message in `locale`. A schema's own message (lib/errors/error-text.ts,
 * `fieldMessage`) is translated by its key; zod's own English is worded again from the issue's
 * code and bounds (`errors.validation.*`, lib/errors/word-issue.ts). English keeps the issue's text.
 */
export function issueMessage(issue: InputIssue, locale: Locale): string {
  return wordIssue(issue, locale, translatorFor(locale));
}

/** The way back under an error shown as a page of its own (HTML; its link goes to the library). */
export function errorPageWayBack(locale: Locale): string {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: 'errors.page' });
  return t.markup('wayBack', { link: (chunks) => `<a href="/">${chunks}</a>` });
}
