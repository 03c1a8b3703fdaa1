'use server';

import { headers } from 'next/headers';

import { registerUser } from '@/lib/account/register-user';
import { registerUserFieldsSchema } from '@/lib/account/schemas';
import { loadActor } from '@/lib/auth/load-actor';
import { defineAction } from '@/lib/http/action';
import { clientAddress } from '@/lib/http/client-address';
import { toAppError } from '@/lib/http/to-response';
import { acceptInvitation } from '@/lib/membership/accept-invitation';
import { invitationTokenSchema } from '@/lib/membership/schemas';

/**
 * Creates an account. Open to everyone: signing up is how one gets an account at all; limited
 * per address, and the password rules are checked by `registerUser` after that count.
 */
export const signUp = defineAction({
  permission: null,
  input: registerUserFieldsSchema,
  handler: async ({ input }) => {
    const user = await registerUser({ input, clientAddress: clientAddress(await headers()) });
    return { email: user.email };
  },
});

/**
 * Creates an account from an invitation link's sign-up page, signs nothing in (the form does,
 * with the same credentials) and joins the invitation's collection with its role. If the link
 * stopped working meanwhile, the account is made all the same and the form goes on to the link's
 * page, which says why.
 */
export const signUpWithInvitation = defineAction({
  permission: null,
  input: registerUserFieldsSchema.extend({ invitationToken: invitationTokenSchema }),
  handler: async ({ input }) => {
    const address = clientAddress(await headers());
    const { invitationToken, ...account } = input;
    const user = await registerUser({ input: account, clientAddress: address });
    const actor = await loadActor({ userId: user.id });
    try {
      const accepted = await acceptInvitation({ actor, token: invitationToken, clientAddress: address });
      return { email: user.email, next: `/#collection-${accepted.collection.slug}` };
    } catch (error) {
      toAppError(error); // a failure other than the link's own is logged
      return { email: user.email, next: `/join/${invitationToken}` };
    }
  },
});
