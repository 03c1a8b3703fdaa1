'use server';

import { headers } from 'next/headers';

import { defineAction } from '@/lib/http/action';
import { clientAddress } from '@/lib/http/client-address';
import { acceptInvitation } from '@/lib/membership/accept-invitation';
import { acceptInvitationSchema } from '@/lib/membership/schemas';

/**
 * Joins the collection of an invitation link with its role. Open to every signed-in account: the
 * token of the link is the permission (`acceptInvitation` refuses anonymous callers), counted per
 * address like sign-ups.
 */
export const acceptInvitationAction = defineAction({
  permission: 'account.view',
  input: acceptInvitationSchema,
  handler: async ({ actor, input }) => {
    const accepted = await acceptInvitation({ actor, token: input.token, clientAddress: clientAddress(await headers()) });
    return { next: `/#collection-${accepted.collection.slug}`, role: accepted.role };
  },
});
