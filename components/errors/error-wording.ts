import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';

import type { AppError, InputIssue } from '@/lib/errors/app-error';
import { errorText, type ErrorKey, type ErrorTranslate, type ErrorValues } from '@/lib/errors/error-text';
import { invalidInputResult, type ActionResult } from '@/lib/errors/field-errors';
import { wordError, wordFieldErrors, wordIssue } from '@/lib/errors/word-issue';
import type { Locale } from '@/lib/i18n/locales';

/**
 * What the browser finds wrong before it sends anything, in the interface's language, with the
 * keys the server's answers use (catalogues' `errors` namespace): a form checked with the server's
 * schema, an error thrown by code the browser shares with the server. English is the schema's and
 * the error's own text, as the server answers it.
 */
export interface ErrorWording {
  /** One zod issue's message. */
  issue(issue: InputIssue): string;
  /** An error's message. */
  error(error: AppError): string;
  /** A server message by its key (an error's reason carried from a worker). */
  message(key: ErrorKey, values?: ErrorValues): string;
  /** A form's own check failed before anything was sent: the first message, and each field's. */
  invalidInput(issues: readonly InputIssue[]): ActionResult<never>;
}

/** The wording in `locale`, by `t`: a translator of the catalogues' `errors` namespace. */
export function errorWording(locale: Locale, t: ErrorTranslate): ErrorWording {
  return {
    issue: (issue) => wordIssue(issue, locale, t),
    error: (error) => wordError(error, locale, t),
    message: (key, values) => errorText(key, values, t),
    invalidInput: (issues) => {
      const result = invalidInputResult(issues);
      if (result.ok || !issues[0]) return result;
      return { ok: false, error: { ...result.error, message: wordIssue(issues[0], locale, t), fieldErrors: wordFieldErrors(issues, locale, t) } };
    },
  };
}

/** {@link errorWording} in the interface's language. */
export function useErrorWording(): ErrorWording {
  const locale = useLocale();
  const t = useTranslations('errors');
  return useMemo(() => errorWording(locale, t as unknown as ErrorTranslate), [locale, t]);
}
