import { z } from 'zod';

import { MAX_NAME_FORM_CHARS, MAX_NAME_NOTE_CHARS } from '../config/limits';
import { fieldMessage } from '../errors/error-text';
import { languageTagSchema } from '../library/language-tag';

// The name authority's inputs (docs/names.md): the forms of the index page and its query string.
// Browser-safe: the forms validate with the same schemas.

const emptyAsUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** Person or place. */
export const nameKindSchema = z.enum(['PERSON', 'PLACE'], { error: fieldMessage('form.names.kind') });

/** A written form of a name. */
export const nameTextSchema = z
  .string()
  .trim()
  .min(1, fieldMessage('form.names.nameMissing'))
  .max(MAX_NAME_FORM_CHARS, fieldMessage('form.atMostChars', { max: MAX_NAME_FORM_CHARS }))
  .refine((text) => /\p{L}/u.test(text), fieldMessage('form.names.letters'));

/** A note: dates, who they are. */
export const nameNoteSchema = z.string().trim().max(MAX_NAME_NOTE_CHARS, fieldMessage('form.atMostChars', { max: MAX_NAME_NOTE_CHARS }));

/** A checkbox of a form (`on`), or a boolean. */
const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean());

/** A new name: an editor's is confirmed at once, a volunteer's is a proposal for editors. */
export const createNameSchema = z.object({
  collectionId: z.uuid(),
  kind: nameKindSchema,
  /** Its preferred form in `language`. */
  text: nameTextSchema,
  language: languageTagSchema,
  note: z.preprocess((value) => value ?? '', nameNoteSchema),
});
export type CreateNameInput = z.infer<typeof createNameSchema>;

/** A name's kind and note. */
export const updateNameSchema = z.object({ nameId: z.uuid(), kind: nameKindSchema, note: z.preprocess((value) => value ?? '', nameNoteSchema) });
export type UpdateNameInput = z.infer<typeof updateNameSchema>;

/** A form added to a name: preferred in its language (the one before becomes a variant), or a variant (of one language, or of any). */
export const addNameFormSchema = z.object({
  nameId: z.uuid(),
  text: nameTextSchema,
  /** Empty: a variant of any language written in Latin letters. */
  language: z.preprocess(emptyAsUndefined, languageTagSchema.optional()),
  isPreferred: checkbox,
});
export type AddNameFormInput = z.infer<typeof addNameFormSchema>;

/** A form removed from a name (a transliteration goes with the Russian form it comes from). */
export const removeNameFormSchema = z.object({ nameId: z.uuid(), formId: z.uuid() });
export type RemoveNameFormInput = z.infer<typeof removeNameFormSchema>;

/** An editor's decision on a name: confirmed (into the index) or rejected (out of it, and never proposed again). */
export const decideNameSchema = z.object({ nameId: z.uuid(), decision: z.enum(['CONFIRMED', 'REJECTED']) });
export type DecideNameInput = z.infer<typeof decideNameSchema>;

/** A name merged into another, named by one of its forms as written (or its id). */
export const mergeNamesSchema = z.object({ nameId: z.uuid(), into: nameTextSchema });
export type MergeNamesInput = z.infer<typeof mergeNamesSchema>;

/** The seeding of a collection's names from one of its works. */
export const proposeNamesSchema = z.object({ workId: z.uuid() });
export type ProposeNamesInput = z.infer<typeof proposeNamesSchema>;

const page = z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_000).default(1));

/** A page of a collection's name index: its kind of names, those whose forms begin with some letters. */
export const nameIndexQuerySchema = z.object({
  collectionId: z.uuid(),
  page,
  kind: z.preprocess((value) => (typeof value === 'string' ? value.toUpperCase() : value), z.preprocess(emptyAsUndefined, nameKindSchema.optional())),
  q: z.preprocess(emptyAsUndefined, z.string().trim().max(MAX_NAME_FORM_CHARS).optional()),
  /** A page of the proposals, for editors. */
  proposals: page,
});
export type NameIndexQuery = z.infer<typeof nameIndexQuerySchema>;

/** A page of one name's mentions. */
export const namePageQuerySchema = z.object({ collectionId: z.uuid(), nameId: z.uuid(), page });
export type NamePageQuery = z.infer<typeof namePageQuerySchema>;
