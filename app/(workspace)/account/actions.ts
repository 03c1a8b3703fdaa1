'use server';

import { headers } from 'next/headers';

import { changePassword } from '@/lib/account/change-password';
import { changePasswordFieldsSchema } from '@/lib/account/schemas';
import { defineAction } from '@/lib/http/action';
import { clientAddress } from '@/lib/http/client-address';

/** Changes one's password; every session of the account ends (the form signs in again). */
export const changePasswordAction = defineAction({
  permission: 'account.update',
  input: changePasswordFieldsSchema,
  handler: async ({ actor, input }) => {
    await changePassword({ actor, input, clientAddress: clientAddress(await headers()) });
    return { isChanged: true };
  },
});
