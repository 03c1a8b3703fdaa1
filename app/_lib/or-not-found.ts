import 'server-only';

import { notFound } from 'next/navigation';

import { AppError } from '@/lib/errors/app-error';

/** Awaits a lib read and turns its NOT_FOUND into the segment's not-found page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
