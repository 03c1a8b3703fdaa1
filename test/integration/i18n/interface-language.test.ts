import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadActor } from '../../../lib/auth/load-actor';
import { ANONYMOUS } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { resolveLocale } from '../../../lib/i18n/resolve-locale';
import { updateInterfaceLanguage } from '../../../lib/i18n/update-interface-language';
import { useScratchDatabase } from '../../helpers/db';
import { buildUser } from '../../helpers/factories';

describe('the interface language of an account', () => {
  useScratchDatabase({ beforeAll, afterAll });

  it('is kept on the account, comes back with its actor and wins over the cookie and the browser', async () => {
    const user = await buildUser();
    expect(await loadActor({ userId: user.id })).toMatchObject({ kind: 'user', interfaceLanguage: null });

    await expect(updateInterfaceLanguage({ actor: user.actor, language: 'ru' })).resolves.toEqual({ language: 'ru' });
    const actor = await loadActor({ userId: user.id });
    expect(actor).toMatchObject({ kind: 'user', interfaceLanguage: 'ru' });
    const accountLanguage = actor.kind === 'user' ? actor.interfaceLanguage : null;
    expect(resolveLocale({ accountLanguage, cookieLanguage: 'en', acceptLanguage: 'en-US,en;q=0.9' })).toBe('ru');

    // Back to following the browser.
    await updateInterfaceLanguage({ actor: user.actor, language: null });
    const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { interfaceLanguage: true } });
    expect(row.interfaceLanguage).toBeNull();
  });

  it('is refused to anonymous readers (they have the cookie) and for a language not offered', async () => {
    await expect(updateInterfaceLanguage({ actor: ANONYMOUS, language: 'ru' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const user = await buildUser();
    await expect(updateInterfaceLanguage({ actor: user.actor, language: 'xx' as never })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { interfaceLanguage: true } })).toEqual({ interfaceLanguage: null });
  });
});
