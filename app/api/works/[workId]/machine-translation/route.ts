import { defineRoute } from '@/lib/http/route';
import { machineTranslationInputSchema } from '@/lib/machine-translation/schemas';
import { translateSegment } from '@/lib/machine-translation/translate-segment';

/**
 * The machine translation of one segment's published source, for the editor to insert as the
 * draft; 404 when no machine translation service is configured. A POST: it may spend the
 * site's quota with the service, so it gets the same-origin check of state-changing requests.
 */
export const POST = defineRoute({
  permission: 'segment.edit',
  input: machineTranslationInputSchema,
  maxBodyBytes: 4 * 1024,
  handler: async ({ actor, input }) => Response.json(await translateSegment({ actor, input })),
});
