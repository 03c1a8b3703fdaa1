import { createTranslator, type MessageKeys, type NestedKeyOf } from 'next-intl';

import type { Messages } from '../i18n/load-messages';
import type { Locale } from '../i18n/locales';
import en from '../i18n/messages/en.json';

/**
 * The key of a server message in the catalogues' `errors` namespace (`segment.gone`,
 * `validation.tooLong`): what an {@link AppError} and a schema's own message name instead of
 * English text. A misspelt key fails `tsc`.
 */
export type ErrorKey = MessageKeys<Messages['errors'], NestedKeyOf<Messages['errors']>>;

/**
 * A quantity worded in the message's language: a size in bytes ("2 MB", «2 МБ») or a wait in
 * seconds, rounded up to the largest unit under which it stays ("7 minutes", «7 минут»).
 */
export interface ErrorQuantity {
  readonly quantity: 'bytes' | 'wait';
  readonly amount: number;
}

/** The ICU arguments of a server message. */
export type ErrorValues = Readonly<Record<string, string | number | ErrorQuantity>>;

/** A size in bytes as an argument of a server message. */
export function sizeInBytes(amount: number): ErrorQuantity {
  return { quantity: 'bytes', amount };
}

/** A wait in seconds as an argument of a server message. */
export function waitSeconds(seconds: number): ErrorQuantity {
  return { quantity: 'wait', amount: seconds };
}

/** Formats a server message in one language: `t` is that language's translator of `errors`. */
export type ErrorTranslate = (key: string, values?: Record<string, string | number>) => string;

export function translatorOf(locale: Locale, messages: Messages): ErrorTranslate {
  return createTranslator({ locale, messages, namespace: 'errors' }) as unknown as ErrorTranslate;
}

const english = translatorOf('en', en);

/** A server message in a language (English by default: logs, `AppError.message`, API clients' tests). */
export function errorText(key: ErrorKey, values?: ErrorValues, t: ErrorTranslate = english): string {
  return t(key, values && formatQuantities(values, t));
}

function formatQuantities(values: ErrorValues, t: ErrorTranslate): Record<string, string | number> {
  const formatted: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) formatted[name] = typeof value === 'object' ? formatQuantity(value, t) : value;
  return formatted;
}

function formatQuantity({ quantity, amount }: ErrorQuantity, t: ErrorTranslate): string {
  if (quantity === 'bytes') {
    if (amount >= 1024 * 1024) return t('units.megabytes', { amount: Number((amount / (1024 * 1024)).toFixed(amount % (1024 * 1024) === 0 ? 0 : 1)) });
    if (amount >= 1024) return t('units.kilobytes', { amount: Math.round(amount / 1024) });
    return t('units.bytes', { amount });
  }
  if (amount < 60) return t('units.seconds', { amount: Math.ceil(amount) });
  if (amount < 3600) return t('units.minutes', { amount: Math.ceil(amount / 60) });
  return t('units.hours', { amount: Math.ceil(amount / 3600) });
}

/**
 * Schemas' own messages, by their English text: zod keeps only the text of an issue, so a
 * message written with {@link fieldMessage} is found here again when the response is worded in
 * the request's language (lib/errors/localize-error.ts).
 */
const fieldMessages = new Map<string, { key: ErrorKey; values?: ErrorValues }>();

/**
 * A schema's own message (`.min(1, fieldMessage('import.titleMissing'))`), or a field error in an
 * error's details (`details: { title: [fieldMessage('field.chooseAnotherTitle')] }`): its English
 * text, remembered with its key so that a form's field error is shown in the reader's language.
 * Its arguments come from a closed set (limits, fixed names), never from a request or the
 * database, so that what is remembered stays bounded; an argument of that kind goes through
 * `AppErrorOptions.inLanguage` instead.
 */
export function fieldMessage(key: ErrorKey, values?: ErrorValues): string {
  const text = errorText(key, values);
  fieldMessages.set(text, values ? { key, values } : { key });
  return text;
}

/** The key a schema's message was written with, if it was. */
export function fieldMessageKey(text: string): { key: ErrorKey; values?: ErrorValues } | undefined {
  return fieldMessages.get(text);
}
