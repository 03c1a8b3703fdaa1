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
