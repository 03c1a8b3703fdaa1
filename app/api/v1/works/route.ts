import { definePublicPreflight, definePublicRoute } from '@/lib/http/public-route';
import { listApiWorks } from '@/lib/public-api/list-works';
import { listWorksInput } from '@/lib/public-api/schemas';

/** Works with their languages and progress, a page at a time (docs/api.md). */
export const GET = definePublicRoute({ input: listWorksInput, handler: (input) => listApiWorks(input) });
export const OPTIONS = definePublicPreflight();
