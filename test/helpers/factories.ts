import { randomBytes } from 'node:crypto';

import { registerUser } from '../../lib/account/register-user';
import { loadActor } from '../../lib/auth/load-actor';
import { SYSTEM_ACTOR, type Actor } from '../../lib/auth/permissions';
import { getDb } from '../../lib/db/client';
import { importWork, type ImportSummary } from '../../lib/import/import-work';

const unique = () => randomBytes(4).toString('hex');

/** A registered user and their actor (re-read from the database, as a request would). */
export async function buildUser(overrides: { email?: string; name?: string; password?: string } = {}): Promise<{ id: string; email: string; password: string; actor: Actor }> {
  const password = overrides.password ?? `password-${unique()}`;
  const user = await registerUser({ input: { email: overrides.email ?? `user-${unique()}@example.org`, name: overrides.name ?? 'Test User', password }, clientAddress: null });
  return { id: user.id, email: user.email, password, actor: await loadActor({ userId: user.id }) };
}

export async function buildCollection(title = `Collection ${unique()}`): Promise<{ id: string; title: string }> {
  return getDb().collection.create({ data: { title, slug: `c-${unique()}` }, select: { id: true, title: true } });
}

/** Grants a collection role and returns the refreshed actor. */
export async function grantRole(userId: string, collectionId: string, role: 'EDITOR' | 'ADMIN'): Promise<Actor> {
  await getDb().collectionMember.create({ data: { userId, collectionId, role } });
  return loadActor({ userId });
}

/** A small made-up work imported as the command line would. */
export async function buildWork(options: { text?: string; collectionId?: string; title?: string; actor?: Actor; filename?: string } = {}): Promise<ImportSummary> {
  const text =
    options.text ??
    '# A Short Work\n\n[Page 7] The first sentence is here. Mr. Smith wrote the second one.\n\nA new paragraph begins. It ends [Page 8] on the next page.\n';
  const collection = options.collectionId ? { id: options.collectionId } : await buildCollection();
  return importWork({
    actor: options.actor ?? SYSTEM_ACTOR,
    file: { name: options.filename ?? 'work.md', bytes: new TextEncoder().encode(text) },
    collection: 'id' in collection ? { id: collection.id } : collection,
    metadata: { title: options.title ?? `Work ${unique()}`, language: 'en' },
  });
}
