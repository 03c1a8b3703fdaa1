import 'server-only';

import { isLocale, type Locale } from './locales';
import { assertCanSomewhere, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

export interface UpdateInterfaceLanguageOptions {
  actor: Actor;
  /** The language of the account's interface; null to follow the browser. */
  language: Locale | null;
  db?: Db;
}

/** Sets the interface language of one's own account (it wins over the cookie and the browser). */
export async function updateInterfaceLanguage({ actor, language, db = getDb() }: UpdateInterfaceLanguageOptions): Promise<{ language: Locale | null }> {
  assertCanSomewhere(actor, 'account.update');
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'auth.signIn');
  if (language !== null && !isLocale(language)) throw new AppError('INVALID_INPUT', 'language.notOffered');
  await db.user.update({ where: { id: actor.id }, data: { interfaceLanguage: language }, select: { id: true } });
  return { language };
}
