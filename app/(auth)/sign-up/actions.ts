'use server';

import { registerUser } from '@/lib/account/register-user';
import { registerUserSchema } from '@/lib/account/schemas';
import { defineAction } from '@/lib/http/action';

/** Creates an account. Open to everyone: signing up is how one gets an account at all. */
export const signUp = defineAction({
  permission: null,
  input: registerUserSchema,
  handler: async ({ input }) => {
    const user = await registerUser({ input });
    return { email: user.email };
  },
});
