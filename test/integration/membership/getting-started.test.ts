import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadActor } from '../../../lib/auth/load-actor';
import { getDb } from '../../../lib/db/client';
import { createCollection } from '../../../lib/membership/create-collection';
import { createInvitation } from '../../../lib/membership/create-invitation';
import { dismissGettingStarted, findGettingStarted } from '../../../lib/membership/getting-started';
import { setReviewRules } from '../../../lib/membership/set-review-rules';
import { useScratchDatabase } from '../../helpers/db';
import { buildUser, buildWork } from '../../helpers/factories';

describe('the getting-started checklist, on a new database', () => {
  // The steps read the whole database: this block has one of its own, empty.
  useScratchDatabase({ beforeAll, afterAll });

  it('ticks each step as the database shows it done, and is put away per administrator', async () => {
    const adminUser = await buildUser({ name: 'First Admin' });
    await getDb().user.update({ where: { id: adminUser.id }, data: { siteRole: 'ADMIN' } });
    const admin = await loadActor({ userId: adminUser.id });
    const volunteer = await buildUser();
    expect(await findGettingStarted({ actor: volunteer.actor })).toBeNull();
    expect(await findGettingStarted({ actor: { kind: 'anonymous' } })).toBeNull();

    const done = async () => Object.fromEntries((await findGettingStarted({ actor: admin }))!.steps.map((step) => [step.step, step.isDone]));
    expect(await done()).toEqual({ collection: false, text: false, invite: false, reviewRules: false });
    expect((await findGettingStarted({ actor: admin }))?.collection).toBeNull();

    const collection = await createCollection({ actor: admin, input: { title: 'Letters', description: '' } });
    expect(await done()).toEqual({ collection: true, text: false, invite: false, reviewRules: false });
    expect((await findGettingStarted({ actor: admin }))?.collection).toEqual({ id: collection.id, title: 'Letters' });

    await buildWork({ collectionId: collection.id });
    expect(await done()).toMatchObject({ text: true, invite: false });

    await createInvitation({ actor: admin, input: { collectionId: collection.id, role: 'VOLUNTEER', expiresInDays: 7 } });
    expect(await done()).toMatchObject({ invite: true, reviewRules: false });

    await setReviewRules({ actor: admin, input: { collectionId: collection.id, reviewPolicy: 'DOUBLE', allowSelfApproval: false } });
    expect(await done()).toEqual({ collection: true, text: true, invite: true, reviewRules: true });
    expect(await getDb().collection.findUniqueOrThrow({ where: { id: collection.id }, select: { reviewPolicy: true } })).toEqual({ reviewPolicy: 'DOUBLE' });

    expect((await findGettingStarted({ actor: admin }))?.isDismissed).toBe(false);
    await dismissGettingStarted({ actor: admin, isDismissed: true });
    expect((await findGettingStarted({ actor: admin }))?.isDismissed).toBe(true);
    await dismissGettingStarted({ actor: admin, isDismissed: false });
    expect((await findGettingStarted({ actor: admin }))?.isDismissed).toBe(false);
  });

  it('review rules are set by the collection’s admins only', async () => {
    const owner = await buildUser();
    const ownerAdmin = await getDb().user.update({ where: { id: owner.id }, data: { siteRole: 'ADMIN' }, select: { id: true } });
    const collection = await createCollection({ actor: await loadActor({ userId: ownerAdmin.id }), input: { title: 'Speeches', description: '' } });
    const editor = await buildUser();
    await getDb().collectionMember.create({ data: { collectionId: collection.id, userId: editor.id, role: 'EDITOR' } });
    const { errorCodeOf } = await import('../../helpers/errors');
    expect(await errorCodeOf(setReviewRules({ actor: await loadActor({ userId: editor.id }), input: { collectionId: collection.id, reviewPolicy: 'DOUBLE', allowSelfApproval: true } }))).toBe('FORBIDDEN');
  });
});
