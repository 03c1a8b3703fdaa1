import { AppError } from '../../lib/errors/app-error';

/** The AppError code a promise rejects with, 'resolved' when it does not, or what else it threw. */
export async function errorCodeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof AppError ? error.code : `unexpected: ${String(error)}`),
  );
}
