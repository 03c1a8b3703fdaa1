import type { z } from 'zod';

import { AppError } from './app-error';
import { fieldErrorsFromIssues } from './field-errors';

/** Parses `input` with `schema`; a failure is an INVALID_INPUT AppError naming the fields, as over HTTP. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Invalid input.', fieldErrorsFromIssues(parsed.error.issues));
  return parsed.data;
}
