import type { z } from 'zod';

/**
 * A zod error's issues on one line, for the log of a stored value that does not parse:
 * "changes.0.before: Invalid input; operation: Invalid option" ("data" for the value itself).
 */
export function issuesInLine(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || 'data'}: ${issue.message}`).join('; ');
}
