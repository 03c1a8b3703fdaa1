/**
 * How long a new editor takes to open a work of 10,000 segments in bench/collab.ts: the chunks
 * of its first screen, and all chunks over one socket; cold, reloaded and warm.
 */
import { openWork } from './collab-clients';
import { ServerProcess } from './collab-process';
import type { ServerStats } from './collab-server';
import type { BenchSetup, BigWork } from './collab-setup';

const RUNS = 5;
/** Chunks an editor attaches when it opens a work: the screen it shows and a little beyond. */
export const FIRST_SCREEN_CHUNKS = 3;

export interface OpenFigures {
  /** Documents never opened: seeded from the published texts on their first load. */
  coldFirstScreen: number[];
  coldAll: number;
  /** Documents stored by a previous server process, loaded by a fresh one. */
  reloadFirstScreen: number[];
  reloadAll: number;
  /** Documents already loaded (another editor has the work open). */
  warmFirstScreen: number[];
  warmAll: number[];
  /** Statistics of each server process, for the query breakdown. */
  servers: ServerStats[];
}

/**
 * Cold first screens are the first opens of disjoint chunk triples of work A (each one a first
 * open); cold "all chunks" is the first open of work B. Warm: B again while another editor keeps
 * it loaded. Reload: A and B after a server restart each.
 */
export async function measureOpening(setup: BenchSetup): Promise<OpenFigures> {
  const [a, b] = setup.bigWorks;
  const triple = (index: number) => Array.from({ length: FIRST_SCREEN_CHUNKS }, (_, i) => index * FIRST_SCREEN_CHUNKS + i);
  const all = (work: BigWork) => work.chunkSizes.map((_, chunk) => chunk);
  const open = (server: ServerProcess, work: BigWork, chunks: number[]) =>
    openWork({ url: server.url, workId: work.workId, chunks, token: setup.token, segmentsPerChunk: (chunk) => work.chunkSizes[chunk] ?? 0 });
  const openAndClose = async (server: ServerProcess, work: BigWork, chunks: number[]) => {
    const opened = await open(server, work, chunks);
    opened.close();
    return opened.ms;
  };
  const servers: ServerStats[] = [];

  let server = await ServerProcess.start('interlinear', setup);
  const coldFirstScreen: number[] = [];
  for (let run = 0; run < RUNS; run += 1) coldFirstScreen.push(await openAndClose(server, a, triple(run)));
  const holder = await open(server, b, all(b));
  const warmFirstScreen: number[] = [];
  const warmAll: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    warmFirstScreen.push(await openAndClose(server, b, triple(0)));
    warmAll.push(await openAndClose(server, b, all(b)));
  }
  holder.close();
  servers.push(await server.stop());

  server = await ServerProcess.start('interlinear', setup);
  const reloadAll = await openAndClose(server, b, all(b));
  servers.push(await server.stop());
  server = await ServerProcess.start('interlinear', setup);
  const reloadFirstScreen: number[] = [];
  for (let run = 0; run < RUNS; run += 1) reloadFirstScreen.push(await openAndClose(server, a, triple(run)));
  servers.push(await server.stop());
  return { coldFirstScreen, coldAll: holder.ms, reloadFirstScreen, reloadAll, warmFirstScreen, warmAll, servers };
}
