'use server';

import { revalidatePath } from 'next/cache';

import { defineAction } from '@/lib/http/action';
import { createInvitation } from '@/lib/membership/create-invitation';
import { revokeInvitation } from '@/lib/membership/revoke-invitation';
import { createInvitationSchema, reviewRulesSchema, revokeInvitationSchema } from '@/lib/membership/schemas';
import { setReviewRules } from '@/lib/membership/set-review-rules';

/** Makes an invitation link for a collection (its admins and site admins); the token is returned this once. */
export const createInvitationAction = defineAction({
  permission: 'collection.manageMembers',
  input: createInvitationSchema,
  handler: async ({ actor, input }) => {
    const invitation = await createInvitation({ actor, input });
    revalidatePath(`/admin/collections/${input.collectionId}`);
    revalidatePath('/admin');
    return { id: invitation.id, token: invitation.token };
  },
});

/** Makes an invitation link stop working. */
export const revokeInvitationAction = defineAction({
  permission: 'collection.manageMembers',
  input: revokeInvitationSchema,
  handler: async ({ actor, input }) => {
    await revokeInvitation({ actor, input });
    revalidatePath('/admin/collections/[collectionId]', 'page');
    return { invitationId: input.invitationId };
  },
});

/** Saves a collection's review rules. */
export const setReviewRulesAction = defineAction({
  permission: 'collection.configure',
  input: reviewRulesSchema,
  handler: async ({ actor, input }) => {
    const rules = await setReviewRules({ actor, input });
    revalidatePath(`/admin/collections/${input.collectionId}`);
    revalidatePath('/admin');
    return rules;
  },
});
