import 'server-only';

import { getActor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { getSegmentWindow } from '@/lib/reader/get-segment-window';
import type { SegmentWindow } from '@/lib/reader/types';

/**
 * The reader's first window: around `at` when given, else from the start. A stale `at` (the
 * segment was merged away, or belongs to another work) opens the work at its start instead of
 * failing, and says so through `isAtMissing`. Throws NOT_FOUND for unknown works.
 */
export async function loadReaderWindow({ workId, languages, at }: { workId: string; languages: string[]; at: string | null }): Promise<{ segmentWindow: SegmentWindow; isAtMissing: boolean }> {
  const actor = await getActor();
  if (!at) return { segmentWindow: await getSegmentWindow({ actor, workId, languages }), isAtMissing: false };
  try {
    return { segmentWindow: await getSegmentWindow({ actor, workId, languages, around: at }), isAtMissing: false };
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
    return { segmentWindow: await getSegmentWindow({ actor, workId, languages }), isAtMissing: true };
  }
}
