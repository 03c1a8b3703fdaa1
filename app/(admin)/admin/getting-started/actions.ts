'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';

import { defineAction } from '@/lib/http/action';
import { dismissGettingStarted } from '@/lib/membership/getting-started';

/** Hides the getting-started checklist of the signed-in site administrator, or shows it again. */
export const toggleGettingStarted = defineAction({
  permission: 'collection.create',
  input: z.object({ isDismissed: z.enum(['true', 'false']).transform((value) => value === 'true') }),
  handler: async ({ actor, input }) => {
    await dismissGettingStarted({ actor, isDismissed: input.isDismissed });
    revalidatePath('/admin');
    return { isDismissed: input.isDismissed };
  },
});
