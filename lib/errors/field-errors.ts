/** Messages per form field ("title" → ["Enter a title."]); "form" holds errors of no one field. */
export type FieldErrors = Record<string, string[] | undefined>;

/** Field errors from zod issues: the one shape every error body and action result carries. */
export function fieldErrorsFromIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || 'form';
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

/** What a server action built with `defineAction` returns: data, or an error to show by the form. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; fieldErrors?: FieldErrors } };

/** The first error message for a field of a failed action, if any. */
export function fieldError(result: ActionResult<unknown> | null, field: string): string | undefined {
  return result && !result.ok ? result.error.fieldErrors?.[field]?.[0] : undefined;
}

/** A form's own check failed before anything was sent: the first message, and each field's. */
export function invalidInputResult(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ActionResult<never> {
  return { ok: false, error: { code: 'INVALID_INPUT', message: issues[0]?.message ?? 'Check the form.', fieldErrors: fieldErrorsFromIssues(issues) } };
}

/** What the user reads when a request got no answer at all: offline, the server down, the connection cut. */
export const UNREACHABLE_MESSAGE = 'The server could not be reached. Check your connection and try again.';

/** What a form shows when calling its server action failed on the way (network, server down). */
export function unreachableResult(): ActionResult<never> {
  return { ok: false, error: { code: 'INTERNAL', message: UNREACHABLE_MESSAGE } };
}
