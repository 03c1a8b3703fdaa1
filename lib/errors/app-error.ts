import type { AppErrorBody } from './error-body';
import { errorText, type ErrorKey, type ErrorValues } from './error-text';
import { fieldErrorsFromIssues } from './field-errors';
import type { Locale } from '../i18n/locales';

/** Error codes of Interlinear, each with the HTTP status it maps to. */
export const APP_ERROR_STATUS = {
  /** The caller is not signed in and the action needs an account. */
  UNAUTHENTICATED: 401,
  /** The caller is signed in but the permission table does not allow the action. */
  FORBIDDEN: 403,
  /** The resource does not exist or is outside the caller's scope. */
  NOT_FOUND: 404,
  /** Input failed validation (the details name the fields). */
  INVALID_INPUT: 422,
  /** An upload or message is larger than the stated limit. */
  PAYLOAD_TOO_LARGE: 413,
  /** A file is not text, or not in an encoding that can be decoded. */
  UNSUPPORTED_ENCODING: 422,
  /** A file type that cannot be imported. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** A download format the site does not write (or not yet): the message names the ones it does. */
  UNSUPPORTED_FORMAT: 400,
  /** The change was based on a revision that is no longer the current one. */
  STALE_BASE: 409,
  /** The change clashes with the current state (e.g. an e-mail already registered). */
  CONFLICT: 409,
  /** Too many requests in a short time; `details.retryAfterSeconds` says when to try again (also sent as Retry-After). */
  RATE_LIMITED: 429,
  /**
   * The database is unreachable, too slow or too busy right now; `details.retryAfterSeconds` says
   * when to try again (also sent as Retry-After). Nothing was changed.
   */
  SERVICE_UNAVAILABLE: 503,
  /** The server has too much of this work in hand to take more now (e.g. uploads waiting to be read); `details.retryAfterSeconds` says when to try again. */
  SERVER_BUSY: 503,
  /**
   * The machine translation service (docs/machine-translation.md) could not translate: it did not
   * answer in time, failed, answered something unreadable, refused the site's key, or its quota is
   * used up; `details.reason` says which (`unavailable`, `refused`, `quota`, `rejected`). Nothing
   * was changed.
   */
  MACHINE_TRANSLATION_UNAVAILABLE: 503,
  /** An unexpected failure; the message never leaks internals. */
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export { isAppErrorBody, type AppErrorBody } from './error-body';


/** A zod issue as an error keeps it: where it is, its code and bounds, and its English message. */
export interface InputIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly origin?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly expected?: unknown;
  readonly format?: unknown;
}

export interface AppErrorOptions {
  /** The message's ICU arguments. */
  values?: ErrorValues;
  /** What the error body carries besides the message (field errors, `retryAfterSeconds`, …). */
  details?: unknown;
  /**
   * The arguments and details in another interface language, when they hold text of their own
   * worded in the language (the quality checks' findings): called where the error becomes an answer.
   */
  inLanguage?: (locale: Locale) => Pick<AppErrorOptions, 'values' | 'details'>;
}

/**
 * An expected failure with a stable code and a message fit to show to the user. The message is
 * a key of the catalogues' `errors` namespace with its arguments: `.message` is its English text
 * (logs, tests), and the response boundary words it in the request's interface language
 * (lib/errors/localize-error.ts).
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: unknown;
  readonly key: ErrorKey;
  readonly values: ErrorValues | undefined;
  /** The zod issues an INVALID_INPUT error was made of ({@link AppError.invalidInput}), worded again in the request's language. */
  readonly issues: readonly InputIssue[] | undefined;
  /** See {@link AppErrorOptions.inLanguage}. */
  readonly inLanguage: AppErrorOptions['inLanguage'];

  constructor(code: AppErrorCode, key: ErrorKey, { values, details, inLanguage }: AppErrorOptions = {}) {
    super(errorText(key, values));
    this.name = 'AppError';
    this.code = code;
    this.key = key;
    this.values = values;
    this.details = details;
    this.issues = undefined;
    this.inLanguage = inLanguage;
  }

  /**
   * INVALID_INPUT from zod issues: the first issue's message (else `fallback`'s), each field's
   * messages in the details, as every form shows them.
   */
  static invalidInput(issues: readonly InputIssue[], fallback: ErrorKey = 'input.invalid'): AppError {
    const error = new AppError('INVALID_INPUT', fallback, { details: fieldErrorsFromIssues(issues) });
    if (issues[0]) error.message = issues[0].message;
    (error as { issues: readonly InputIssue[] | undefined }).issues = issues;
    return error;
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }

  /** The body in English (`.message`); responses use lib/errors/localize-error.ts's `localizedErrorBody`. */
  toBody(): AppErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}
