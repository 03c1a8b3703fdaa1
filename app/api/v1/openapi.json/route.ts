import { z } from 'zod';

import { definePublicPreflight, definePublicRoute } from '@/lib/http/public-route';
import { buildOpenApiDocument } from '@/lib/public-api/openapi-document';

/** The OpenAPI 3.1 document of the public API. */
export const GET = definePublicRoute({ input: z.object({}), handler: async () => buildOpenApiDocument() });
export const OPTIONS = definePublicPreflight();
