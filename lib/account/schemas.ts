import { z } from 'zod';

import { passwordProblem, type PasswordOwner } from './password-rules';
import { MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS } from '../config/limits';
import { fieldMessage } from '../errors/error-text';

/** A new password's length bounds; what lengths cannot check is {@link passwordProblem}'s. */
const newPasswordField = z
  .string()
  .min(MIN_PASSWORD_CHARS, fieldMessage('form.account.passwordTooShort', { min: MIN_PASSWORD_CHARS }))
  .max(MAX_PASSWORD_CHARS, fieldMessage('form.account.passwordTooLong', { max: MAX_PASSWORD_CHARS }));

/** An account's e-mail: compared case-insensitively, at most the 254 characters SMTP allows. */
const emailField = z.string().trim().toLowerCase().email(fieldMessage('form.account.email')).max(254);

/**
 * The fields of the sign-up form with their bounds only: cheap enough to check before the
 * sign-up limit is counted; {@link registerUserSchema} adds the password rules.
 */
export const registerUserFieldsSchema = z.object({
  /** Login e-mail; compared case-insensitively. */
  email: emailField,
  /** Display name shown on revisions and comments. */
  name: z.string().trim().min(1, fieldMessage('form.account.nameMissing')).max(100),
  /** Plain password; only its argon2id hash is stored. */
  password: newPasswordField,
});

/** Sign-up form, validated the same way in the browser and on the server. */
export const registerUserSchema = registerUserFieldsSchema.superRefine((value, context) => {
  const problem = passwordProblem(value.password, value);
  if (problem) context.addIssue({ code: 'custom', path: ['password'], message: problem });
});
export type RegisterUserInput = z.infer<typeof registerUserSchema>;

/** Sign-in form. */
export const credentialsSchema = z.object({
  email: emailField,
  password: z.string().min(1).max(MAX_PASSWORD_CHARS),
});
export type Credentials = z.infer<typeof credentialsSchema>;

/** The fields of the password form with their bounds only (see {@link changePasswordSchemaFor}). */
export const changePasswordFieldsSchema = z.object({
  /** The password in use now: whoever holds a session alone cannot change it. */
  currentPassword: z.string().min(1, fieldMessage('form.account.currentPasswordMissing')).max(MAX_PASSWORD_CHARS),
  /** The new password, under the same rules as at sign-up. */
  newPassword: newPasswordField,
});

/**
 * The password form of `owner`'s account, validated the same way in the browser and on the
 * server: the new password follows the sign-up rules for that account and differs from the old.
 */
export function changePasswordSchemaFor(owner: PasswordOwner) {
  return changePasswordFieldsSchema.superRefine((value, context) => {
    if (value.newPassword === value.currentPassword) {
      context.addIssue({ code: 'custom', path: ['newPassword'], message: fieldMessage('form.account.samePassword') });
      return;
    }
    const problem = passwordProblem(value.newPassword, owner);
    if (problem) context.addIssue({ code: 'custom', path: ['newPassword'], message: problem });
  });
}
export type ChangePasswordInput = z.infer<typeof changePasswordFieldsSchema>;

/**
 * The administrator set-up form: the token of the one-time link, and a new account to create as
 * administrator unless the signed-in account is to become one. Bounds only: the token is checked
 * before the password rules (lib/account/set-up-administrator.ts).
 */
export const setUpAdministratorFieldsSchema = z.object({
  /** The token of the set-up link printed in the server's log. */
  token: z.string().min(1).max(200),
  /** A new account to create as administrator; absent when the signed-in account is promoted. */
  account: registerUserFieldsSchema.optional(),
});
export type SetUpAdministratorInput = z.infer<typeof setUpAdministratorFieldsSchema>;

/** The admin form that disables or enables an account. */
export const setAccountDisabledSchema = z.object({
  /** The account's e-mail. */
  email: emailField,
  /** True to disable the account, false to enable it again. */
  isDisabled: z.boolean(),
});
export type SetAccountDisabledInput = z.infer<typeof setAccountDisabledSchema>;
