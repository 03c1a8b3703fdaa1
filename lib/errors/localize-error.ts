import { createTranslator } from 'next-intl';

import type { AppError, AppErrorBody, InputIssue } from './app-error';
import { errorText, fieldMessageKey, translatorOf, type ErrorKey, type ErrorTranslate, type ErrorValues } from './error-text';
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

/** The catalogue of an interface language, for translators of other namespaces (lib/checks/get-checks-translator.ts). */
export function catalogueOf(locale: Locale): Messages {
  return CATALOGUES[locale];
}

/** A server message in `locale`. */
export function errorTextIn(locale: Locale, key: ErrorKey, values?: ErrorValues): string {
  return errorText(key, values, translatorFor(locale));
}

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
 * invalid input and those of the details (texts written with `fieldMessage`). English is the
 * error's own text, unchanged.
 */
export function localizedErrorBody(error: AppError, locale: Locale): AppErrorBody {
  const body = error.toBody();
  if (locale === DEFAULT_LOCALE) return body;
  const own = error.inLanguage?.(locale);
  const worded = localizedDetails(own && 'details' in own ? own.details : error.details, locale);
  const details = error.issues ? wordFieldErrors(error.issues, locale, translatorFor(locale), worded) : worded;
  return { error: { ...body.error, message: wordError(error, locale, translatorFor(locale), own), ...(details === undefined ? {} : { details }) } };
}

/**
 * Field errors in an error's details (`{ title: ['Choose another title.'] }`, `{ fields: { file:
 * '…' } }`) in `locale`: each text written with `fieldMessage` is worded again by its key; any
 * other value is kept.
 */
function localizedDetails(details: unknown, locale: Locale): unknown {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return details;
  const word = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const own = fieldMessageKey(value);
      return own ? errorText(own.key, own.values, translatorFor(locale)) : value;
    }
    return Array.isArray(value) ? value.map(word) : value;
  };
  return Object.fromEntries(
    Object.entries(details).map(([name, value]) => [name, value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).map(([field, text]) => [field, word(text)])) : word(value)]),
  );
}

/**
 * One zod issue's message in `locale`. A schema's own message (lib/errors/error-text.ts,
 * `fieldMessage`) is translated by its key; zod's own English is worded again from the issue's
 * code and bounds (`errors.validation.*`, lib/errors/word-issue.ts). English keeps the issue's text.
 */
export function issueMessage(issue: InputIssue, locale: Locale): string {
  return wordIssue(issue, locale, translatorFor(locale));
}

const wayBackByLocale = new Map<Locale, string>();

/** The way back under an error shown as a page of its own (HTML; its link goes to the library): worded once per language. */
export function errorPageWayBack(locale: Locale): string {
  let wayBack = wayBackByLocale.get(locale);
  if (wayBack === undefined) {
    const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: 'errors.page' });
    wayBack = t.markup('wayBack', { link: (chunks) => `<a href="/">${chunks}</a>` });
    wayBackByLocale.set(locale, wayBack);
  }
  return wayBack;
}
