import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

import { MIN_PASSWORD_SCORE, PASSWORD_STRENGTH_CHECKED_CHARS } from '../config/limits';
import { fieldMessage } from '../errors/error-text';

/**
 * The rules a new password must pass, the same in the browser (sign-up and password forms) and
 * on the server (lib/account/schemas.ts): not one of the most common passwords, not made of the
 * account's e-mail or name, and strong enough by zxcvbn's estimate of how many guesses it takes.
 * Pure; the dictionaries are unpacked on first use.
 */

/** The account a password is chosen for: its e-mail and name must not make up the password. */
export interface PasswordOwner {
  email?: string | null;
  name?: string | null;
}

// Shorter parts of a name or an e-mail ("Al", "jo@…") occur inside too many good passwords.
const MIN_PERSONAL_PART_CHARS = 4;

let estimator: ZxcvbnFactory | undefined;
let commonPasswords: ReadonlySet<string> | undefined;

function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...dictionary },
    graphs: adjacencyGraphs,
    maxLength: PASSWORD_STRENGTH_CHECKED_CHARS,
    // Fewer l33t variants keep the worst case in milliseconds; a password with more
    // substitutions than this is long and varied enough anyway.
    l33tMaxSubstitutions: 16,
  });
  return estimator;
}

/** True for a password on the list of common passwords (ignoring case and spaces). */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common']);
  const lower = password.toLowerCase();
  return commonPasswords.has(lower) || commonPasswords.has(lower.replace(/\s+/g, ''));
}

/** The pieces of an account's e-mail and name a password must not contain, lower-cased. */
function personalParts({ email, name }: PasswordOwner): string[] {
  const parts = new Set<string>();
  const address = email?.trim().toLowerCase() ?? '';
  if (address) {
    parts.add(address);
    parts.add(address.split('@')[0] ?? '');
  }
  const fullName = name?.trim().toLowerCase() ?? '';
  if (fullName) {
    parts.add(fullName.replace(/\s+/g, ''));
    for (const word of fullName.split(/[\s.,'’-]+/u)) parts.add(word);
  }
  return [...parts].filter((part) => part.length >= MIN_PERSONAL_PART_CHARS);
}

/**
 * Why `password` may not be used by `owner`, as a sentence to show under the field; null when it
 * may. Length bounds are the schema's; this checks what lengths cannot. The sentence is a schema's
 * own message (`fieldMessage`: its English, worded again in the reader's language by the server's
 * answer); its arguments are zxcvbn's finding keys, a closed set.
 */
export function passwordProblem(password: string, owner: PasswordOwner = {}): string | null {
  if (isCommonPassword(password)) return fieldMessage('form.account.passwordCommon');
  const compact = password.toLowerCase().replace(/\s+/g, '');
  if (personalParts(owner).some((part) => compact.includes(part.replace(/\s+/g, '')))) {
    return fieldMessage('form.account.passwordPersonal');
  }
  const result = getEstimator().check(password, personalParts(owner));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const warning = result.feedback.warning && WARNINGS.has(result.feedback.warning) ? result.feedback.warning : 'other';
  const suggestion = result.feedback.suggestions.find((key) => SUGGESTIONS.has(key)) ?? 'other';
  return fieldMessage('form.account.passwordWeak', { warning, suggestion });
}

// zxcvbn reports its findings as keys; `errors.form.account.passwordWeak` has our sentences for them.
const WARNINGS: ReadonlySet<string> = new Set(['straightRow', 'keyPattern', 'simpleRepeat', 'extendedRepeat', 'sequences', 'recentYears', 'dates', 'topTen', 'topHundred', 'common', 'similarToCommon', 'wordByItself', 'namesByThemselves', 'commonNames', 'userInputs', 'pwned']);

const SUGGESTIONS: ReadonlySet<string> = new Set(['anotherWord', 'useWords', 'l33t', 'reverseWords', 'allUppercase', 'capitalization', 'dates', 'recentYears', 'associatedYears', 'sequences', 'repeated', 'longerKeyboardPattern', 'pwned']);
