import { z } from 'zod';

import { findGlossaryProposals } from '@/lib/glossary/find-glossary-proposals';
import { proposeGlossaryTerm } from '@/lib/glossary/propose-glossary-term';
import { createGlossaryTermSchema } from '@/lib/glossary/schemas';
import { defineRoute } from '@/lib/http/route';

/** The proposals waiting for a decision (`?scope=waiting`, editors and admins) or the viewer's own, decided or not (`?scope=mine`). */
export const GET = defineRoute({
  permission: 'glossary.propose',
  input: z.object({ collectionId: z.uuid(), scope: z.enum(['waiting', 'mine']).default('waiting') }),
  handler: async ({ actor, input }) => Response.json({ proposals: await findGlossaryProposals({ actor, collectionId: input.collectionId, scope: input.scope }) }),
});

/** A volunteer proposes a new term with its translations, for an editor to decide on. */
export const POST = defineRoute({
  permission: 'glossary.propose',
  input: createGlossaryTermSchema,
  handler: async ({ actor, input }) => Response.json(await proposeGlossaryTerm({ actor, input }), { status: 201 }),
});
