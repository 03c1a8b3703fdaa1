import { definePublicPreflight, definePublicRoute } from '@/lib/http/public-route';
import { listApiVolumes } from '@/lib/public-api/list-volumes';
import { listVolumesInput } from '@/lib/public-api/schemas';

/** Volumes with their works in printed order, a page at a time (docs/api.md). */
export const GET = definePublicRoute({ input: listVolumesInput, handler: (input) => listApiVolumes(input) });
export const OPTIONS = definePublicPreflight();
