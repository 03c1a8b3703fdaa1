/**
 * npm run export -- WORK_ID --format jsonl
 * Writes one JSON object per segment and line to stdout: id, kind, order, page, texts, status.
 */
import { once } from 'node:events';
import { parseArgs } from 'node:util';

import { finishCli, openCliDatabase } from './cli-database';
import { SYSTEM_ACTOR } from '../lib/auth/permissions';
import { disconnectDb } from '../lib/db/client';
import { exportWorkJsonl } from '../lib/reader/export-work-jsonl';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { format: { type: 'string', default: 'jsonl' } } });
  const workId = positionals[0];
  if (!workId || values.format !== 'jsonl') {
    console.error('Usage: npm run export -- WORK_ID --format jsonl');
    return 2;
  }
  const database = await openCliDatabase(() => undefined);
  try {
    for await (const line of exportWorkJsonl({ actor: SYSTEM_ACTOR, workId })) {
      if (!process.stdout.write(line)) await once(process.stdout, 'drain');
    }
    return 0;
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

main().then(finishCli, (error: unknown) => {
  console.error(`export failed: ${error instanceof Error ? error.message : String(error)}`);
  finishCli(1);
});
