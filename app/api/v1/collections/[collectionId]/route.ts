import { definePublicPreflight, definePublicRoute } from '@/lib/http/public-route';
import { getApiCollection } from '@/lib/public-api/get-collection';
import { collectionInput } from '@/lib/public-api/schemas';

/** One collection (docs/api.md). */
export const GET = definePublicRoute({ input: collectionInput, handler: (input) => getApiCollection(input) });
export const OPTIONS = definePublicPreflight();
