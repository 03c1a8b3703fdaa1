import 'server-only';

import { getActor } from '@/lib/auth/session';
import { getWorkProgress } from '@/lib/progress/get-work-progress';

import { orNotFound } from './or-not-found';

/** A work's progress per language and contributor, for its page. */
export async function loadWorkProgress(workId: string) {
  return orNotFound(getWorkProgress({ actor: await getActor(), workId }));
}
