import { decideGlossaryProposal } from '@/lib/glossary/decide-glossary-proposal';
import { glossaryDecisionSchema } from '@/lib/glossary/schemas';
import { defineRoute } from '@/lib/http/route';

/** An editor approves a proposal, or turns it down with a reason. */
export const POST = defineRoute({
  permission: 'glossary.manage',
  input: glossaryDecisionSchema,
  handler: async ({ actor, input }) => Response.json(await decideGlossaryProposal({ actor, input })),
});
