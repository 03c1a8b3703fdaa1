import { definePublicPreflight, definePublicRoute } from '@/lib/http/public-route';
import { getApiSegment } from '@/lib/public-api/get-segment';
import { segmentInput } from '@/lib/public-api/schemas';

/** A segment by its permalink id, with its texts in every language of its work (docs/api.md). */
export const GET = definePublicRoute({ input: segmentInput, handler: (input) => getApiSegment(input) });
export const OPTIONS = definePublicPreflight();
