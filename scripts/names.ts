/**
 * npm run names -- propose WORK_ID [--json]
 *   Proposes the names a work mentions for its collection's index (docs/names.md, "Seeding"),
 *   as an editor's "Propose names" does, and prints what it proposed.
 * npm run names -- refresh COLLECTION_ID
 *   Scans every text of a collection waiting for a scan (after a large import, or the first
 *   time on a library published before the name index existed), so no reader's visit waits for it.
 */
import { parseArgs } from 'node:util';

import { finishCli, openCliDatabase } from './cli-database';
import { SYSTEM_ACTOR } from '../lib/auth/permissions';
import { disconnectDb } from '../lib/db/client';
import { proposeNamesFromWork } from '../lib/names/propose-names-from-work';
import { refreshNameMentions } from '../lib/names/refresh-name-mentions';

const USAGE = 'Usage: npm run names -- propose WORK_ID [--json] | refresh COLLECTION_ID';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  const [command, id] = positionals;
  if (!id || !UUID.test(id) || (command !== 'propose' && command !== 'refresh')) {
    console.error(USAGE);
    return 2;
  }
  const database = await openCliDatabase(() => undefined);
  try {
    if (command === 'propose') {
      const result = await proposeNamesFromWork({ actor: SYSTEM_ACTOR, input: { workId: id } });
      if (values.json) console.log(JSON.stringify(result));
      else {
        console.log(`${result.proposed.length} names proposed, ${result.known} known already:`);
        for (const name of result.proposed) console.log(`  ${name.label}`);
      }
      return 0;
    }
    let scanned = 0;
    let pending = 0;
    for (;;) {
      const step = await refreshNameMentions({ collectionId: id });
      scanned += step.scanned;
      pending = step.pending;
      if (pending === 0 || step.scanned === 0) break;
      console.error(`${scanned} texts scanned, ${pending} to go…`);
    }
    console.log(pending === 0 ? `${scanned} texts scanned; the collection's name index is current.` : `${scanned} texts scanned; ${pending} still queued (another scan holds the collection's names): run it again.`);
    return pending === 0 ? 0 : 1;
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

main().then(finishCli, (error: unknown) => {
  console.error(`names failed: ${error instanceof Error ? error.message : String(error)}`);
  finishCli(1);
});
