import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';

import { isCommonPassword, passwordProblem } from '../../../lib/account/password-rules';
import { changePasswordSchemaFor, registerUserSchema } from '../../../lib/account/schemas';
import { MIN_PASSWORD_CHARS } from '../../../lib/config/limits';

const owner = { email: 'grace.hopper@example.org', name: 'Grace Hopper' };
const signUp = (password: string, who = owner) => registerUserSchema.safeParse({ ...who, password });
const passwordIssue = (result: ReturnType<typeof signUp>) => (result.success ? null : result.error.issues.find((issue) => issue.path[0] === 'password')?.message);

describe('new passwords', () => {
  it('refuses every password of the common list that is long enough to pass the length rule', () => {
    const longCommon = dictionary['passwords-common'].filter((password) => password.length >= MIN_PASSWORD_CHARS);
    expect(longCommon.length).toBeGreaterThan(1000);
    const accepted = longCommon.filter((password) => signUp(password).success);
    expect(accepted).toEqual([]);
  });

  it('refuses a common password whatever its case or spacing', () => {
    expect(isCommonPassword('QWERTYUIOP')).toBe(true);
    expect(isCommonPassword('1234 567 890')).toBe(true);
    expect(passwordIssue(signUp('Qwertyuiop'))).toMatch(/most common passwords/);
  });

  it('refuses a password that is or contains the e-mail or the name', () => {
    for (const password of ['grace.hopper@example.org', 'my grace.hopper!!', 'GraceHopper1906', 'hopper-and-the-bug']) {
      expect(passwordIssue(signUp(password))).toMatch(/e-mail address or your name/);
    }
    // The same password is fine for someone else.
    expect(signUp('hopper-and-the-bug', { email: 'ada@example.org', name: 'Ada' }).success).toBe(true);
  });

  it('refuses easily guessed patterns with a reason and a hint', () => {
    expect(passwordIssue(signUp('aaaaaaaaaaaaaa'))).toMatch(/Repeated characters/);
    expect(passwordIssue(signUp('P@ssw0rd1234'))).toMatch(/common password/);
  });

  it('accepts long passphrases and random strings', () => {
    for (const password of ['a good long password', 'correct horse battery staple', 'Tr0ub4dor&3x-qz', 'k7#Vq9!mW2$z']) {
      expect(passwordProblem(password, owner)).toBeNull();
      expect(signUp(password).success).toBe(true);
    }
  });

  it('are checked by the same rules when changing a password, and must differ from the old one', () => {
    const schema = changePasswordSchemaFor(owner);
    expect(schema.safeParse({ currentPassword: 'old one', newPassword: 'qwertyuiop123' }).success).toBe(false);
    expect(schema.safeParse({ currentPassword: 'old one', newPassword: 'grace hopper rules' }).success).toBe(false);
    expect(schema.safeParse({ currentPassword: 'a good long password', newPassword: 'a good long password' }).success).toBe(false);
    expect(schema.safeParse({ currentPassword: 'old one', newPassword: 'a good long password' }).success).toBe(true);
  });
});
