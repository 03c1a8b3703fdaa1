import type { z } from 'zod';

import { AppError } from './app-error';

/** Parses `input` with `schema`; a failure is an INVALID_INPUT AppError naming the fields, as over HTTP. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw AppError.invalidInput(parsed.error.issues);
  return parsed.data;
}
