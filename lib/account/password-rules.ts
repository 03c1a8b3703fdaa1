import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

import { MIN_PASSWORD_SCORE, PASSWORD_STRENGTH_CHECKED_CHARS } from '../config/limits';

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
 * may. Length bounds are the schema's; this checks what lengths cannot.
 */
export function passwordProblem(password: string, owner: PasswordOwner = {}): string | null {
  if (isCommonPassword(password)) return 'This is one of the most common passwords. Choose one that is yours alone.';
  const compact = password.toLowerCase().replace(/\s+/g, '');
  if (personalParts(owner).some((part) => compact.includes(part.replace(/\s+/g, '')))) {
    return 'The password must not contain your e-mail address or your name.';
  }
  const result = getEstimator().check(password, personalParts(owner));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const warning = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  const suggestion = result.feedback.suggestions.map((key) => SUGGESTIONS[key]).find(Boolean);
  return [warning ?? 'This password is easy to guess.', suggestion ?? 'Make it longer with a few uncommon words.'].join(' ');
}

// zxcvbn reports its findings as keys; these are our sentences for them.
const WARNINGS: Record<string, string> = {
  straightRow: 'A row of keys on the keyboard is easy to guess.',
  keyPattern: 'A short pattern on the keyboard is easy to guess.',
  simpleRepeat: 'Repeated characters such as “aaa” are easy to guess.',
  extendedRepeat: 'Repeated groups of characters such as “abcabcabc” are easy to guess.',
  sequences: 'Sequences such as “abc” or “6543” are easy to guess.',
  recentYears: 'Recent years are easy to guess.',
  dates: 'Dates are easy to guess.',
  topTen: 'This is one of the most common passwords.',
  topHundred: 'This is one of the most common passwords.',
  common: 'This is a common password.',
  similarToCommon: 'This is too close to a common password.',
  wordByItself: 'A single word is easy to guess.',
  namesByThemselves: 'Names on their own are easy to guess.',
  commonNames: 'Common names are easy to guess.',
  userInputs: 'The password must not contain your e-mail address or your name.',
  pwned: 'This password has appeared in a data breach.',
};

const SUGGESTIONS: Record<string, string> = {
  anotherWord: 'Add a few uncommon words.',
  useWords: 'Use several words, and avoid well-known phrases.',
  l33t: 'Swapping letters for look-alike symbols (“@” for “a”) does not help much.',
  reverseWords: 'Spelling a common word backwards does not help much.',
  allUppercase: 'Capitals in some places help more than all capitals.',
  capitalization: 'Capitalise more than the first letter.',
  dates: 'Leave out dates and years that belong to you.',
  recentYears: 'Leave out recent years.',
  associatedYears: 'Leave out years that belong to you.',
  sequences: 'Leave out common sequences of characters.',
  repeated: 'Leave out repeated words and characters.',
  longerKeyboardPattern: 'Use longer keyboard patterns that change direction several times.',
  pwned: 'If you use it anywhere else, change it there too.',
};
