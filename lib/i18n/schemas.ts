import { z } from 'zod';

import { LOCALES } from './locales';

/** The language picked in the account page: one of ours, or '' to follow the browser. */
export const interfaceLanguageSchema = z.enum(LOCALES as [string, ...string[]]).or(z.literal(''));

/** The account page's form. */
export const interfaceLanguageFieldsSchema = z.object({
  /** The interface language; '' to follow the browser's language. */
  language: interfaceLanguageSchema,
});

/** The header's language switcher (a plain form, works without JavaScript). */
export const chooseLanguageFieldsSchema = z.object({
  /** The interface language chosen. */
  language: z.enum(LOCALES as [string, ...string[]]),
  /** The page to go back to (a path of this site; anything else goes to the library). */
  returnTo: z.string().max(2_000).optional(),
});
