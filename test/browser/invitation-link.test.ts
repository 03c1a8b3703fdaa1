import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { comeFromOwnAddress, runSql, signUpAsAdmin, useBrowserPeople } from '../helpers/browser';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

describe('an administrator invites an editor with a link', () => {
  const people = useBrowserPeople({ beforeAll, afterAll }, { databaseUrl });
  const title = `Invited Letters ${people.suffix}`;

  afterAll(async () => {
    await runSql(databaseUrl, 'DELETE FROM collection WHERE title = $1', [title]);
  });

  it('the new person opens the link, signs up seeing the invitation, and lands in the collection as its editor', async () => {
    const admin = await people.open();
    await signUpAsAdmin(admin, { baseUrl, databaseUrl, name: 'Ada Admin', email: people.email('Ada Admin') });

    // The checklist is on /admin; the collection is made with the form beside it.
    await admin.goto(`${baseUrl}/admin`);
    await admin.getByRole('heading', { level: 2, name: 'Getting started' }).waitFor();
    await admin.getByLabel('New collection').fill(title);
    await admin.getByRole('button', { name: 'Create collection' }).click();
    await admin.getByRole('link', { name: `${title} →` }).click();
    await admin.getByRole('heading', { level: 1, name: title }).waitFor();
    await admin.getByText('This collection has no works yet.').waitFor();

    // A link for an editor, for 7 days, once.
    await admin.getByLabel('Role').selectOption('EDITOR');
    await admin.getByLabel('Works for').selectOption('7');
    await admin.getByLabel(/Number of uses/).fill('1');
    await admin.getByRole('button', { name: 'Create link' }).click();
    const linkField = admin.getByRole('textbox', { name: 'Invitation link' });
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${baseUrl}/join/[A-Za-z0-9_-]{43}$`));
    const token = link.split('/join/')[1] ?? '';
    const stored = await runSql(databaseUrl, 'SELECT token_hash, role, max_uses FROM collection_invitation ci JOIN collection c ON c.id = ci.collection_id WHERE c.title = $1', [title]);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]).toMatchObject({ role: 'EDITOR', max_uses: 1 });
    expect(String(stored.rows[0]?.token_hash)).not.toContain(token);

    // Someone new opens it.
    const newcomer = await people.open();
    await comeFromOwnAddress(newcomer);
    await newcomer.goto(link);
    await newcomer.getByRole('heading', { level: 1, name: `Join “${title}”` }).waitFor();
    await newcomer.getByText(`You are invited to join “${title}” as an editor.`).waitFor();
    await newcomer.getByRole('link', { name: 'Create an account and join' }).click();
    await newcomer.getByText(`You are invited to join “${title}” as an editor. Your account joins it as soon as it is created.`).waitFor();
    await newcomer.getByText('What an account is for').waitFor();
    const email = people.email('Nina Newcomer');
    await newcomer.getByLabel('Name').fill('Nina Newcomer');
    await newcomer.getByLabel('E-mail').fill(email);
    await newcomer.getByLabel('Password').fill('a good long password');
    await newcomer.getByRole('button', { name: /create account|sign up/i }).click();

    // Signed in, in the library at the collection, with an editor's review link.
    await newcomer.waitForURL(/\/#collection-/);
    await newcomer.getByRole('heading', { level: 2, name: title }).waitFor();
    await newcomer.getByText('No works in this collection yet. Its editors add them from the Import page.').waitFor();
    await newcomer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).waitFor();
    const role = await runSql(databaseUrl, 'SELECT m.role FROM collection_member m JOIN "user" u ON u.id = m.user_id JOIN collection c ON c.id = m.collection_id WHERE u.email = $1 AND c.title = $2', [email, title]);
    expect(role.rows).toEqual([{ role: 'EDITOR' }]);

    // The link is used up: the admin's list says so, and a second person is told.
    await admin.reload();
    await admin.getByText('Used up').waitFor();
    await admin.getByText(/used 1 of 1 time/).waitFor();
    const late = await people.open();
    await comeFromOwnAddress(late);
    await late.goto(link);
    await late.getByText('This invitation link has been used as many times as it allows.', { exact: false }).waitFor();

    expect(people.consoleErrors).toEqual([]);
  });
});
