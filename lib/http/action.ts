import 'server-only';

import { headers } from 'next/headers';
import type { z } from 'zod';

import { markGuarded } from './guard-marker';
import { assertSameOrigin } from './same-origin';
import { toAppError } from './to-response';
import { assertCanSomewhere, type Action, type Actor } from '../auth/permissions';
import { getActor } from '../auth/session';
import { AppError } from '../errors/app-error';
import type { ActionResult, FieldErrors } from '../errors/field-errors';
import { localizedErrorBody } from '../errors/localize-error';
import { getRequestLocale } from '../i18n/get-request-locale';
import { DEFAULT_LOCALE } from '../i18n/locales';

export type { ActionResult } from '../errors/field-errors';

export interface DefineActionOptions<S extends z.ZodType, T> {
  /** Action checked before anything else; `null` only for actions open to everyone by nature (sign-up). */
  permission: Action | null;
  input: S;
  handler: (context: { actor: Actor; input: z.infer<S> }) => Promise<T>;
}

/**
 * Builds a server action usable with `useActionState` (`(previous, formData)`) or called directly
 * with an object. Server actions are public POST endpoints: this wrapper is their only way in.
 */
export function defineAction<S extends z.ZodType, T>({ permission, input, handler }: DefineActionOptions<S, T>) {
  const action = async (_previous: ActionResult<T> | null, payload: FormData | Record<string, unknown>): Promise<ActionResult<T>> => {
    try {
      // Next refuses an action whose Origin differs from its Host, but runs one that names no
      // Origin and never reads Sec-Fetch-Site: the same check as every route closes both gaps.
      assertSameOrigin('POST', await headers());
      const actor = await getActor();
      if (permission) assertCanSomewhere(actor, permission);
      const raw = payload instanceof FormData ? Object.fromEntries(payload) : payload;
      const parsed = input.safeParse(raw);
      if (!parsed.success) throw AppError.invalidInput(parsed.error.issues);
      return { ok: true, data: await handler({ actor, input: parsed.data }) };
    } catch (error) {
      // next/navigation's redirect() and notFound() work by throwing: let them through.
      if (isNavigationSignal(error)) throw error;
      // The message and field errors in the interface's language (the account's, else the browser's).
      const { error: body } = localizedErrorBody(toAppError(error), await getRequestLocale().catch(() => DEFAULT_LOCALE));
      const fieldErrors = fieldErrorsIn(body.details);
      return { ok: false, error: { code: body.code, message: body.message, ...(fieldErrors ? { fieldErrors } : {}) } };
    }
  };
  return markGuarded(action, permission);
}

/**
 * The field errors among an error's details: only entries that are lists of messages, so that
 * other details (a RATE_LIMITED error's `retryAfterSeconds`) are not taken for a field's error,
 * which would hide the message forms show when no field has one.
 */
function fieldErrorsIn(details: unknown): FieldErrors | undefined {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return undefined;
  const entries = Object.entries(details).filter((entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].every((message) => typeof message === 'string'));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function isNavigationSignal(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK'));
}
