import { definePublicPreflight, definePublicRoute } from '@/lib/http/public-route';
import { getApiWork } from '@/lib/public-api/get-work';
import { workInput } from '@/lib/public-api/schemas';

/** One work with its languages, progress and place in its volume (docs/api.md). */
export const GET = definePublicRoute({ input: workInput, handler: (input) => getApiWork(input) });
export const OPTIONS = definePublicPreflight();
