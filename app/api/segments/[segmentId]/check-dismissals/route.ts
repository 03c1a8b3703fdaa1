import { dismissFinding, restoreFinding } from '@/lib/checks/dismiss-finding';
import { dismissFindingInput, findingRefSchema } from '@/lib/checks/schemas';
import { defineRoute } from '@/lib/http/route';

/** Dismisses a finding of the quality checks on the segment's translation (`{ language, check, key, reason }`). */
export const POST = defineRoute({
  permission: 'check.dismiss',
  input: dismissFindingInput,
  maxBodyBytes: 8 * 1024,
  handler: async ({ actor, input }) => Response.json({ dismissal: await dismissFinding({ actor, input }) }, { status: 201 }),
});

/** Restores a dismissed finding (`?language=ru&check=numbers&key=missing:1917`). */
export const DELETE = defineRoute({
  permission: 'check.dismiss',
  input: findingRefSchema,
  handler: async ({ actor, input }) => {
    await restoreFinding({ actor, input });
    return Response.json({ ok: true });
  },
});
