import { definePublicPreflight, definePublicRoute } from '@/lib/http/public-route';
import { listApiCollections } from '@/lib/public-api/list-collections';
import { listCollectionsInput } from '@/lib/public-api/schemas';

/** The library's collections, a page at a time (docs/api.md). */
export const GET = definePublicRoute({ input: listCollectionsInput, handler: (input) => listApiCollections(input) });
export const OPTIONS = definePublicPreflight();
