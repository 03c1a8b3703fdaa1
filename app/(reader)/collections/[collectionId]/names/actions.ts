'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { defineAction } from '@/lib/http/action';
import { addNameForm } from '@/lib/names/add-name-form';
import { createName } from '@/lib/names/create-name';
import { decideName } from '@/lib/names/decide-name';
import { mergeNames } from '@/lib/names/merge-names';
import { proposeNamesFromWork } from '@/lib/names/propose-names-from-work';
import { removeNameForm } from '@/lib/names/remove-name-form';
import { addNameFormSchema, createNameSchema, decideNameSchema, mergeNamesSchema, proposeNamesSchema, removeNameFormSchema, updateNameSchema } from '@/lib/names/schemas';
import { updateName } from '@/lib/names/update-name';

// The name index's changes. Each use case checks the collection of the name or work it acts on;
// the permission here is the up-front check of the wrapper. The index and name pages are read
// again after each change.
const refresh = () => {
  revalidatePath('/collections/[collectionId]/names', 'page');
  revalidatePath('/collections/[collectionId]/names/[nameId]', 'page');
};

/** Adds a name (an editor's, confirmed) or proposes one (a volunteer's). */
export const createNameAction = defineAction({
  permission: 'names.propose',
  input: createNameSchema,
  handler: async ({ actor, input }) => {
    const result = await createName({ actor, input });
    refresh();
    return result;
  },
});

/** Proposes the names a work mentions, for editors to confirm, edit, merge or reject. */
export const proposeNamesAction = defineAction({
  permission: 'names.manage',
  input: proposeNamesSchema,
  handler: async ({ actor, input }) => {
    const result = await proposeNamesFromWork({ actor, input });
    refresh();
    return { proposed: result.proposed.length, known: result.known };
  },
});

/** Confirms or rejects a name. */
export const decideNameAction = defineAction({
  permission: 'names.manage',
  input: decideNameSchema,
  handler: async ({ actor, input }) => {
    const result = await decideName({ actor, input });
    refresh();
    return result;
  },
});

/** Changes a name's kind and note. */
export const updateNameAction = defineAction({
  permission: 'names.manage',
  input: updateNameSchema,
  handler: async ({ actor, input }) => {
    const result = await updateName({ actor, input });
    refresh();
    return result;
  },
});

/** Adds a preferred form or a variant to a name. */
export const addNameFormAction = defineAction({
  permission: 'names.manage',
  input: addNameFormSchema,
  handler: async ({ actor, input }) => {
    const result = await addNameForm({ actor, input });
    refresh();
    return result;
  },
});

/** Removes a form of a name. */
export const removeNameFormAction = defineAction({
  permission: 'names.manage',
  input: removeNameFormSchema,
  handler: async ({ actor, input }) => {
    const result = await removeNameForm({ actor, input });
    refresh();
    return result;
  },
});

/** Merges a name into another, and goes to the other (this one is gone). */
export const mergeNamesAction = defineAction({
  permission: 'names.manage',
  input: mergeNamesSchema,
  handler: async ({ actor, input }) => {
    const result = await mergeNames({ actor, input });
    refresh();
    redirect(`/collections/${result.collectionId}/names/${result.id}`);
  },
});
