import { afterAll, inject } from 'vitest';

import { disconnectDb } from '../../lib/db/client';

// Every worker talks to the database created for this run by the global setup.
process.env.DATABASE_URL = inject('databaseUrl');
// Reads follow it too: a READ_DATABASE_URL of the shell would name another server's database.
delete process.env.READ_DATABASE_URL;
process.env.NEXTAUTH_SECRET ??= 'test-secret-for-this-run-only';

// Close this worker's pool before the global teardown drops the database.
afterAll(async () => {
  await disconnectDb();
});
