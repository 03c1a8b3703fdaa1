'use server';

import { setUpAdministratorFieldsSchema } from '@/lib/account/schemas';
import { setUpAdministrator } from '@/lib/account/set-up-administrator';
import { defineAction } from '@/lib/http/action';

/**
 * Makes the first administrator with the one-time link printed in the server's log. Open to
 * everyone: the token of the link is the permission.
 */
export const setUpAdministratorAction = defineAction({
  permission: null,
  input: setUpAdministratorFieldsSchema,
  handler: async ({ actor, input }) => {
    const result = await setUpAdministrator({ actor, input });
    return { email: result.email, isNewAccount: result.isNewAccount };
  },
});
