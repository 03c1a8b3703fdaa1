import { z } from 'zod';

import { fieldMessage } from '../errors/error-text';

/**
 * BCP 47 language tag such as "en", "ru", "de-CH", in its canonical spelling: the languages a
 * work is written and read in (its source and every translation opened for it).
 */
export const languageTagSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, fieldMessage('form.languageCode'))
  .transform((tag) => {
    try {
      return Intl.getCanonicalLocales(tag)[0] ?? tag;
    } catch {
      return tag;
    }
  });
