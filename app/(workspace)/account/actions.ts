'use server';

import { headers } from 'next/headers';

import { changePassword } from '@/lib/account/change-password';
import { changePasswordFieldsSchema } from '@/lib/account/schemas';
import { defineAction } from '@/lib/http/action';
import { clientAddress } from '@/lib/http/client-address';
import { isLocale } from '@/lib/i18n/locales';
import { interfaceLanguageFieldsSchema } from '@/lib/i18n/schemas';
import { updateInterfaceLanguage } from '@/lib/i18n/update-interface-language';

/** Changes one's password; every session of the account ends (the form signs in again). */
export const changePasswordAction = defineAction({
  permission: 'account.update',
  input: changePasswordFieldsSchema,
  handler: async ({ actor, input }) => {
    await changePassword({ actor, input, clientAddress: clientAddress(await headers()) });
    return { isChanged: true };
  },
});

/** Sets the interface language of one's account ('' follows the browser again). */
export const setInterfaceLanguageAction = defineAction({
  permission: 'account.update',
  input: interfaceLanguageFieldsSchema,
  handler: async ({ actor, input }) => updateInterfaceLanguage({ actor, language: isLocale(input.language) ? input.language : null }),
});
