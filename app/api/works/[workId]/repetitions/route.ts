import { defineRoute } from '@/lib/http/route';
import { findRepetitions } from '@/lib/memory/find-repetitions';
import { fillRepetitionsSchema, repetitionsQuerySchema } from '@/lib/memory/repetition-schemas';
import { fillRepetitions } from '@/lib/review/fill-repetitions';

/** The other occurrences of a segment's source sentence, in the work and its volume, that its translation could fill. */
export const GET = defineRoute({
  permission: 'segment.edit',
  input: repetitionsQuerySchema,
  handler: async ({ actor, input }) => Response.json(await findRepetitions({ actor, input })),
});

/** Fills the chosen occurrences with the caller's translation of the segment, as suggestions awaiting review. */
export const POST = defineRoute({
  permission: 'suggestion.create',
  input: fillRepetitionsSchema,
  handler: async ({ actor, input }) => Response.json(await fillRepetitions({ actor, input })),
});
