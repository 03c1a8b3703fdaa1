'use server';

import { headers } from 'next/headers';

import { registerUser } from '@/lib/account/register-user';
import { registerUserFieldsSchema } from '@/lib/account/schemas';
import { defineAction } from '@/lib/http/action';
import { clientAddress } from '@/lib/http/client-address';

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
