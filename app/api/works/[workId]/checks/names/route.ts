import { findDraftNames } from '@/lib/checks/find-draft-names';
import { draftNamesInputSchema, MAX_DRAFT_NAME_TEXTS } from '@/lib/checks/schemas';
import { MAX_NAME_MENTION_TEXT_CHARS } from '@/lib/config/limits';
import { defineRoute } from '@/lib/http/route';

/**
 * The names mentioned in drafts being typed (`{ lang, texts: [...] }`), for the editor's names
 * check: the window's context knows the names of the texts it was loaded with only. A POST for
 * the texts' length; it changes nothing.
 */
export const POST = defineRoute({
  permission: 'segment.edit',
  input: draftNamesInputSchema,
  // Each text up to its limit in UTF-8 (at most 4 bytes a character, JSON escapes aside), and the envelope.
  maxBodyBytes: Math.min(MAX_DRAFT_NAME_TEXTS * MAX_NAME_MENTION_TEXT_CHARS * 4, 1024 * 1024) + 4 * 1024,
  handler: async ({ actor, input }) => Response.json({ names: await findDraftNames({ actor, input }) }, { headers: { 'cache-control': 'no-store' } }),
});
