import 'server-only';

import { cache } from 'react';

import { getActor } from '@/lib/auth/session';
import { getWorkOverview } from '@/lib/reader/get-work-overview';

import { orNotFound } from './or-not-found';

/** A work's overview for this request; shared by `generateMetadata` and the page (one query). */
export const loadWorkOverview = cache(async (workId: string) => orNotFound(getWorkOverview({ actor: await getActor(), workId })));
