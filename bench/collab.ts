/**
 * npm run bench:collab — the collaboration server under editing load, and opening a big work.
 *
 * Scenarios: 10 and 50 editors in one chunk document, 200 editors over 20 chunks (10 each); each
 * editor types one or two letters into a segment 5 times a second. Measured: time from an edit to
 * its arrival at every other editor of the document (p50, p99), updates the server accepted per
 * second, the server process' CPU and memory. A bare Hocuspocus server (no authentication, no
 * persistence, no hooks) runs the same scenarios in the same run, taking turns with ours, as the
 * baseline. Servers run as child processes (bench/collab-server.ts); the editors connect over
 * real WebSockets from worker threads of this process (bench/collab-editor-worker.ts). By default
 * they speak the Hocuspocus protocol themselves and read what they receive without merging it
 * (bench/collab-wire-client.ts), so that the load generator leaves the servers their CPU;
 * --editors=provider uses full Hocuspocus providers that merge everything instead.
 *
 * Then: how long a new editor takes to open a work of 10,000 segments — the 3 chunks of its
 * first screen, and all 100 chunks over one socket — cold (documents never opened: seeded from
 * the published texts), reloaded (stored documents, server restarted) and warm (already loaded).
 *
 * Options: --seconds=N or COLLAB_BENCH_SECONDS (recorded seconds of typing per server and
 * scenario, default 10); --clients=10,200 (only those scenarios, no opening); --editors=wire|provider
 * (the kind of simulated editor, default wire); COLLAB_BENCH_VERBOSE
 * (the server's queries by statement); COLLAB_BENCH_PROFILE=<dir> (a CPU profile of every server
 * process). Prints a JSON line with the figures last.
 */
import os from 'node:os';

import pg from 'pg';

import { isEditorClientKind } from './collab-clients';
import { percentile, round } from './collab-measure';
import { measureOpening, FIRST_SCREEN_CHUNKS } from './collab-open';
import { EDITS_PER_SECOND, runScenario } from './collab-scenario';
import type { ServerStats } from './collab-server';
import { createBenchSetup } from './collab-setup';
import { disconnectDb } from '../lib/db/client';
import { createScratchDatabase, openTestServer } from '../test/helpers/db';

const flag = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const SECONDS = Number(flag('seconds') ?? process.env.COLLAB_BENCH_SECONDS ?? 10);
const ONLY_CLIENTS = flag('clients')?.split(',').map(Number);
const CLIENT_KIND = flag('editors') ?? 'wire';
const SCENARIOS = [
  { clients: 10, chunks: 1 },
  { clients: 50, chunks: 1 },
  { clients: 200, chunks: 20 },
];
/** Goals: edit-to-editor p99 under this at every count, and within this factor of the bare server. */
const P99_GOAL_MS = 50;
const BARE_RATIO_GOAL = 1.5;
const OPEN_GOAL_MS = 1_000;

/** With COLLAB_BENCH_VERBOSE set: the server's database queries, by statement. */
function logQueries(stats: ServerStats): void {
  if (!process.env.COLLAB_BENCH_VERBOSE) return;
  for (const q of stats.queries) console.log(`    ${q.statement}: ${q.count} × p50 ${q.p50Ms.toFixed(2)} / p99 ${q.p99Ms.toFixed(2)} ms, total ${q.totalMs.toFixed(0)} ms`);
}

function printTable(header: string[], rows: (string | number)[][]): void {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells: (string | number)[]) => cells.map((cell, i) => String(cell).padStart(widths[i] ?? 0)).join(' | ');
  console.log('');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

async function main() {
  if (!Number.isFinite(SECONDS) || SECONDS <= 0) throw new Error('--seconds must be a positive number');
  if (!isEditorClientKind(CLIENT_KIND)) throw new Error('--editors must be wire or provider');
  const clientKind = CLIENT_KIND;
  const started = performance.now();
  const databaseServer = await openTestServer();
  const database = await createScratchDatabase(databaseServer.url, { prefix: 'interlinear_bench' });
  process.env.DATABASE_URL = database.url;
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  try {
    const setup = await createBenchSetup({ databaseUrl: database.url, pool });
    console.log(`setup: 3 works (2,000 + 2 × 10,000 segments) in ${round((performance.now() - started) / 1000)} s; ${SECONDS} s of typing recorded per server and scenario, ${EDITS_PER_SECOND} edits/s per editor, ${clientKind} editors`);
    console.log(`machine: ${os.cpus().length} cores, Node ${process.version}`);

    const scenarios = [];
    for (const { clients, chunks } of SCENARIOS.filter((scenario) => !ONLY_CLIENTS || ONLY_CLIENTS.includes(scenario.clients))) {
      const { interlinear: ours, bare } = await runScenario(setup, { clients, chunks, seconds: SECONDS, clientKind });
      const insert = ours.final.queries.find((query) => query.statement === 'INSERT collab_update');
      const scenario = {
        clients,
        chunks,
        p50_ms: round(ours.p50, 2),
        p99_ms: round(ours.p99, 2),
        max_ms: round(ours.max),
        bare_p50_ms: round(bare.p50, 2),
        bare_p99_ms: round(bare.p99, 2),
        p99_ratio: round(ours.p99 / bare.p99, 2),
        sent_per_s: round(ours.sentPerSecond),
        updates_per_s: round(ours.updatesPerSecond),
        bare_updates_per_s: round(bare.updatesPerSecond),
        delivered: round(ours.delivered, 4),
        bare_delivered: round(bare.delivered, 4),
        server_cpu_pct: round(ours.serverCpuPct),
        bare_cpu_pct: round(bare.serverCpuPct),
        server_rss_mb: ours.serverRssMb,
        server_max_rss_mb: ours.serverMaxRssMb,
        server_heap_mb: ours.serverHeapMb,
        bare_rss_mb: bare.serverRssMb,
        insert_p50_ms: round(insert?.p50Ms ?? Number.NaN, 2),
        insert_p99_ms: round(insert?.p99Ms ?? Number.NaN, 2),
        postgres_cpu_pct: round(ours.postgresCpuPct),
        driver_cpu_pct: round(ours.driverCpuPct),
        bare_driver_cpu_pct: round(bare.driverCpuPct),
        driver_loop_delay_p99_ms: round(ours.driverLoopDelayP99Ms),
        server_loop_delay_p99_ms: round(ours.serverLoopDelayP99Ms),
        server_loop_delay_max_ms: round(ours.serverLoopDelayMaxMs),
        bare_loop_delay_p99_ms: round(bare.serverLoopDelayP99Ms),
        bare_loop_delay_max_ms: round(bare.serverLoopDelayMaxMs),
        machine_cpu_pct: round(ours.machineCpuPct),
        // Busy CPU of the machine that is not the server, the bench or its database backends.
        other_cpu_pct: round(ours.machineCpuPct - ours.serverCpuPct - ours.driverCpuPct - ours.postgresCpuPct),
        bare_other_cpu_pct: round(bare.machineCpuPct - bare.serverCpuPct - bare.driverCpuPct),
        deliveries: ours.deliveries,
      };
      scenarios.push(scenario);
      console.log(`  ${clients} editors / ${chunks} chunk(s): p50 ${scenario.p50_ms} ms, p99 ${scenario.p99_ms} ms (bare ${scenario.bare_p99_ms} ms)`);
      logQueries(ours.final);
    }
    printTable(
      ['editors', 'chunks', 'p50 ms', 'p99 ms', 'bare p50', 'bare p99', 'p99/bare', 'updates/s', 'bare upd/s', 'server CPU %', 'bare CPU %', 'server RSS MB', 'bare RSS MB', 'INSERT p99 ms', 'PG CPU %', 'bench CPU %', 'other CPU %', 'loop p99/max', 'bare loop p99/max'],
      scenarios.map((s) => [s.clients, s.chunks, s.p50_ms, s.p99_ms, s.bare_p50_ms, s.bare_p99_ms, s.p99_ratio, s.updates_per_s, s.bare_updates_per_s, s.server_cpu_pct, s.bare_cpu_pct, s.server_rss_mb, s.bare_rss_mb, s.insert_p99_ms, s.postgres_cpu_pct, s.driver_cpu_pct, s.other_cpu_pct, `${s.server_loop_delay_p99_ms}/${s.server_loop_delay_max_ms}`, `${s.bare_loop_delay_p99_ms}/${s.bare_loop_delay_max_ms}`]),
    );
    if (ONLY_CLIENTS) return;

    const opening = await measureOpening(setup);
    for (const stats of opening.servers) logQueries(stats);
    const median = (values: number[]) => round(percentile(values, 50));
    const figures = {
      seconds: SECONDS,
      edits_per_s_per_client: EDITS_PER_SECOND,
      editors: clientKind,
      scenarios,
      open_big_work_ms: median(opening.coldFirstScreen),
      open_big_work_all_chunks_ms: round(opening.coldAll),
      open_big_work_reload_ms: median(opening.reloadFirstScreen),
      open_big_work_all_chunks_reload_ms: round(opening.reloadAll),
      open_big_work_warm_ms: median(opening.warmFirstScreen),
      open_big_work_all_chunks_warm_ms: median(opening.warmAll),
      big_work_segments: setup.bigWorks[0].chunkSizes.reduce((a, b) => a + b, 0),
      big_work_chunks: setup.bigWorks[0].chunkSizes.length,
    };
    console.log('');
    console.log(`open a work of ${figures.big_work_segments} segments (${figures.big_work_chunks} chunks), ms: first screen (${FIRST_SCREEN_CHUNKS} chunks, median of 5) / all chunks over one socket`);
    console.log(`  cold (first open, seeded):  ${figures.open_big_work_ms} / ${figures.open_big_work_all_chunks_ms}`);
    console.log(`  reload (stored, restarted): ${figures.open_big_work_reload_ms} / ${figures.open_big_work_all_chunks_reload_ms}`);
    console.log(`  warm (already loaded):      ${figures.open_big_work_warm_ms} / ${figures.open_big_work_all_chunks_warm_ms}`);
    const verdict = (isMet: boolean) => (isMet ? 'met' : 'MISSED');
    console.log(
      `goals: p99 < ${P99_GOAL_MS} ms at every count: ${verdict(scenarios.every((s) => s.p99_ms < P99_GOAL_MS))}; ` +
        `p99 within ${BARE_RATIO_GOAL}× bare: ${verdict(scenarios.every((s) => s.p99_ratio <= BARE_RATIO_GOAL))}; ` +
        `first screen of the big work < ${OPEN_GOAL_MS} ms: ${verdict(figures.open_big_work_ms < OPEN_GOAL_MS)}; ` +
        `every edit delivered once to every other editor: ${verdict(scenarios.every((s) => s.delivered === 1 && s.bare_delivered === 1))}`,
    );
    console.log(`(whole bench: ${Math.round((performance.now() - started) / 1000)} s)`);
    console.log(JSON.stringify(figures));
  } finally {
    await pool.end();
    await disconnectDb();
    await database.drop();
    await databaseServer.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
