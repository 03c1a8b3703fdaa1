import { definePublicPreflight, definePublicRoute } from '@/lib/http/public-route';
import { getApiVolume } from '@/lib/public-api/get-volume';
import { volumeInput } from '@/lib/public-api/schemas';

/** One volume with its works in printed order (docs/api.md). */
export const GET = definePublicRoute({ input: volumeInput, handler: (input) => getApiVolume(input) });
export const OPTIONS = definePublicPreflight();
