import { z } from 'zod';

import { MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS } from '../config/limits';

/** Sign-up form, validated the same way in the browser and on the server. */
export const registerUserSchema = z.object({
  /** Login e-mail; compared case-insensitively. */
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address.').max(254),
  /** Display name shown on revisions and comments. */
  name: z.string().trim().min(1, 'Enter your name.').max(100),
  /** Plain password; only its argon2id hash is stored. */
  password: z
    .string()
    .min(MIN_PASSWORD_CHARS, `Use at least ${MIN_PASSWORD_CHARS} characters.`)
    .max(MAX_PASSWORD_CHARS, `Use at most ${MAX_PASSWORD_CHARS} characters.`),
});
export type RegisterUserInput = z.infer<typeof registerUserSchema>;

/** Sign-in form. */
export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(MAX_PASSWORD_CHARS),
});
export type Credentials = z.infer<typeof credentialsSchema>;
