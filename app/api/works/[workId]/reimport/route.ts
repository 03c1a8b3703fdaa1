import { defineRoute } from '@/lib/http/route';
import { reimportWork } from '@/lib/import/reimport-work';
import { reimportInputSchema } from '@/lib/import/schemas';

/**
 * Runs the import of a work again on its original upload with other cleanup choices
 * (`{ "cleanup": { "rules": { "running-headers": true } }, "dryRun": true }`), as new revisions.
 */
export const POST = defineRoute({
  permission: 'work.import',
  input: reimportInputSchema,
  handler: async ({ actor, input }) => {
    const summary = await reimportWork({ actor, workId: input.workId, rules: input.cleanup ?? {}, dryRun: input.dryRun });
    return Response.json(summary, { status: input.dryRun ? 200 : 201 });
  },
});
