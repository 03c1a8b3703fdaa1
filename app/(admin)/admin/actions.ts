'use server';

import { revalidatePath } from 'next/cache';

import { setAccountDisabledSchema } from '@/lib/account/schemas';
import { setAccountDisabled } from '@/lib/account/set-account-disabled';
import { defineAction } from '@/lib/http/action';
import { createCollection } from '@/lib/membership/create-collection';
import { grantCollectionRole } from '@/lib/membership/grant-collection-role';
import { revokeCollectionRole } from '@/lib/membership/revoke-collection-role';
import { createCollectionSchema, grantRoleSchema, revokeRoleSchema } from '@/lib/membership/schemas';

/** Gives an account the editor or admin role in a collection. */
export const grantRole = defineAction({
  permission: 'collection.manageMembers',
  input: grantRoleSchema,
  handler: async ({ actor, input }) => {
    const result = await grantCollectionRole({ actor, input });
    revalidatePath('/admin');
    return result;
  },
});

/** Removes a member's role in a collection. */
export const revokeRole = defineAction({
  permission: 'collection.manageMembers',
  input: revokeRoleSchema,
  handler: async ({ actor, input }) => {
    await revokeCollectionRole({ actor, input });
    revalidatePath('/admin');
    return { userId: input.userId };
  },
});

/** Creates a collection (site admins). */
export const createCollectionAction = defineAction({
  permission: 'collection.create',
  input: createCollectionSchema,
  handler: async ({ actor, input }) => {
    const collection = await createCollection({ actor, input });
    revalidatePath('/admin');
    revalidatePath('/');
    return collection;
  },
});

/** Disables an account (its sessions end at once) or enables it again (site admins). */
export const setAccountDisabledAction = defineAction({
  permission: 'account.disable',
  input: setAccountDisabledSchema,
  handler: async ({ actor, input }) => setAccountDisabled({ actor, input }),
});
