import { definePublicPreflight, definePublicRoute } from '@/lib/http/public-route';
import { listApiSegments } from '@/lib/public-api/list-segments';
import { listSegmentsInput } from '@/lib/public-api/schemas';

/** A work's segments with their published texts, from the start, a cursor or a printed page (docs/api.md). */
export const GET = definePublicRoute({ input: listSegmentsInput, handler: (input) => listApiSegments(input) });
export const OPTIONS = definePublicPreflight();
