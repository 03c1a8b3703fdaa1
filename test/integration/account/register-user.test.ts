import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { authenticateUser } from '../../../lib/account/authenticate-user';
import { registerUser } from '../../../lib/account/register-user';
import { getDb } from '../../../lib/db/client';
import { AppError } from '../../../lib/errors/app-error';
import { uniqueAddress } from '../../helpers/addresses';
import { useScratchDatabase } from '../../helpers/db';
import { buildUser } from '../../helpers/factories';

/** An address of its own for each test, so no limit counted elsewhere applies. */
const address = uniqueAddress;

describe('registerUser and authenticateUser', () => {
  it('stores an argon2id hash, never the password', async () => {
    const user = await buildUser({ password: 'correct horse battery' });
    const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, siteRole: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain('correct horse');
    expect(row.siteRole).toBe('USER');
    // The password hash is omitted from every query that does not ask for it.
    const plain = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect('passwordHash' in plain).toBe(false);
  });

  it('signs in with the right password only, case-insensitive e-mail', async () => {
    const user = await buildUser({ email: 'Mixed.Case@Example.org', password: 'a long enough password' });
    expect(user.email).toBe('mixed.case@example.org');
    const clientAddress = address();
    expect(await authenticateUser({ input: { email: 'MIXED.case@example.org', password: 'a long enough password' }, clientAddress })).toMatchObject({ id: user.id });
    expect(await authenticateUser({ input: { email: user.email, password: 'wrong password!' }, clientAddress })).toBeNull();
    expect(await authenticateUser({ input: { email: 'nobody@example.org', password: 'whatever it is' }, clientAddress })).toBeNull();
  });

  it('refuses a second account with the same e-mail and weak input', async () => {
    const user = await buildUser();
    await expect(registerUser({ input: { email: user.email, name: 'Twin', password: 'another password' }, clientAddress: null })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(registerUser({ input: { email: 'not-an-email', name: 'X', password: 'long enough password' }, clientAddress: null })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(registerUser({ input: { email: 'short@example.org', name: 'X', password: 'short' }, clientAddress: null })).rejects.toBeInstanceOf(AppError);
  });

  it('refuses disabled accounts', async () => {
    const user = await buildUser({ password: 'disabled account pw' });
    await getDb().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await authenticateUser({ input: { email: user.email, password: 'disabled account pw' }, clientAddress: address() })).toBeNull();
  });
});

describe('the first account on an empty database', () => {
  useScratchDatabase({ beforeAll, afterAll });

  it('is an ordinary account like every other: signing up never makes an administrator', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => registerUser({ input: { email: `racer${i}@example.org`, name: `Racer ${i}`, password: 'racing password' }, clientAddress: null })),
    );
    expect(results.filter((user) => user.isSiteAdmin)).toHaveLength(0);
    expect(await getDb().user.count({ where: { siteRole: 'ADMIN' } })).toBe(0);
  });
});
