import 'server-only';

import { cache } from 'react';

import { getActor } from '@/lib/auth/session';
import { getVolume } from '@/lib/reader/get-volume';

import { orNotFound } from './or-not-found';

/** A volume's contents for this request; shared by `generateMetadata` and the page (one read). */
export const loadVolume = cache(async (volumeId: string) => orNotFound(getVolume({ actor: await getActor(), volumeId })));
