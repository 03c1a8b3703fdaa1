/**
 * One editing scenario of bench/collab.ts, run against our server and the bare Hocuspocus server
 * at once: both servers are started and both sets of editors connected, then the sets take turns
 * typing (ours, bare, bare, ours), so that both meet the same background load of the machine.
 * Each turn: a warm-up, a recorded stretch, then a pause until every edit has arrived.
 */
import os from 'node:os';
import { monitorEventLoopDelay, type ELDHistogram } from 'node:perf_hooks';

import { connectEditor, LatencyTracker, typeSomething, type BenchClient } from './collab-clients';
import { cpuSince, machineCpu, mb, percentile, postgresCpuMs, sleep } from './collab-measure';
import { ServerProcess } from './collab-process';
import type { ServerMode, ServerStats } from './collab-server';
import { outboxDrained, type BenchSetup } from './collab-setup';
import type { PublishedText } from '../lib/collab/published-texts';
import { mulberry32 } from '../test/helpers/random';

export const EDITS_PER_SECOND = 5;
const WARMUP_MS = 1_500;
const DRAIN_MS = 5_000;
/** Turns per server; the recorded seconds are split evenly between them. */
const TURNS = 2;

export interface RunResult {
  deliveries: number;
  /** Edits the bench made per second (below editors × 5 when its own timers fell behind). */
  sentPerSecond: number;
  /** Share of the expected deliveries that arrived. */
  delivered: number;
  p50: number;
  p99: number;
  max: number;
  updatesPerSecond: number;
  serverCpuPct: number;
  serverRssMb: number;
  serverMaxRssMb: number;
  serverHeapMb: number;
  driverCpuPct: number;
  postgresCpuPct: number;
  machineCpuPct: number;
  driverLoopDelayP99Ms: number;
  final: ServerStats;
}

interface Group {
  mode: ServerMode;
  server: ServerProcess;
  tracker: LatencyTracker;
  clients: { client: BenchClient; segmentIds: string[] }[];
  perChunk: number;
  random: () => number;
  loopDelay: ELDHistogram;
  totals: { wallMs: number; driverCpuUs: number; machineBusy: number; machineTotal: number; serverWallMs: number; serverCpuUs: number; updates: number; postgresWallMs: number; postgresMs: number };
  last?: ServerStats;
}

async function startGroup(setup: BenchSetup, mode: ServerMode, clientCount: number, chunkCount: number): Promise<Group> {
  const server = await ServerProcess.start(mode, setup);
  if (mode === 'interlinear') await outboxDrained(setup.pool);
  const tracker = new LatencyTracker();
  const perChunk = clientCount / chunkCount;
  const clients: Group['clients'] = [];
  for (let chunk = 0; chunk < chunkCount; chunk += 1) {
    const texts = setup.editWork.chunks[chunk] as PublishedText[];
    const segmentIds = texts.map((text) => text.segmentId);
    // The bare server stores nothing: the first editor of a chunk brings the seeded content.
    const first = connectEditor({ url: server.url, workId: setup.editWork.workId, chunk, token: setup.token, tracker, seed: mode === 'bare' ? texts : undefined });
    await first.ready;
    clients.push({ client: first, segmentIds });
    const others = Array.from({ length: perChunk - 1 }, () => connectEditor({ url: server.url, workId: setup.editWork.workId, chunk, token: setup.token, tracker }));
    await Promise.all(others.map((client) => client.ready));
    for (const client of others) clients.push({ client, segmentIds });
  }
  return {
    mode,
    server,
    tracker,
    clients,
    perChunk,
    random: mulberry32(clientCount * 31 + (mode === 'bare' ? 1 : 0)),
    loopDelay: monitorEventLoopDelay({ resolution: 5 }),
    totals: { wallMs: 0, driverCpuUs: 0, machineBusy: 0, machineTotal: 0, serverWallMs: 0, serverCpuUs: 0, updates: 0, postgresWallMs: 0, postgresMs: 0 },
  };
}

/** Every editor of the group types 5 times a second, each starting at a random moment. */
async function typingTurn(setup: BenchSetup, group: Group, recordMs: number): Promise<void> {
  const { tracker, random } = group;
  const period = 1000 / EDITS_PER_SECOND;
  const timers: NodeJS.Timeout[] = [];
  for (const { client, segmentIds } of group.clients) {
    timers.push(setTimeout(() => timers.push(setInterval(() => tracker.edit(client.doc, group.perChunk - 1, () => typeSomething(client.doc, segmentIds, random)), period)), random() * period));
  }
  await sleep(WARMUP_MS);

  // The server may answer late when it is behind: its figures are taken between its own
  // timestamps, the bench's between its own, and the typing stops before the server is asked.
  const local = () => ({ driver: process.cpuUsage(), machine: machineCpu(), at: performance.now() });
  const remote = async () => ({ server: await group.server.stats(), postgres: await postgresCpuMs(setup.pool), postgresAt: performance.now() });
  const remoteBefore = await remote();
  const localBefore = local();
  group.loopDelay.enable();
  tracker.isRecording = true;
  await sleep(recordMs);
  tracker.isRecording = false;
  for (const timer of timers) clearInterval(timer);
  group.loopDelay.disable();
  const localAfter = local();
  const remoteAfter = await remote();

  const { totals } = group;
  totals.wallMs += localAfter.at - localBefore.at;
  totals.driverCpuUs += localAfter.driver.user + localAfter.driver.system - localBefore.driver.user - localBefore.driver.system;
  totals.machineBusy += localAfter.machine.busy - localBefore.machine.busy;
  totals.machineTotal += localAfter.machine.total - localBefore.machine.total;
  totals.serverWallMs += remoteAfter.server.atMs - remoteBefore.server.atMs;
  totals.serverCpuUs += remoteAfter.server.cpuUserUs + remoteAfter.server.cpuSystemUs - remoteBefore.server.cpuUserUs - remoteBefore.server.cpuSystemUs;
  totals.updates += remoteAfter.server.updates - remoteBefore.server.updates;
  totals.postgresWallMs += remoteAfter.postgresAt - remoteBefore.postgresAt;
  totals.postgresMs += cpuSince(remoteBefore.postgres, remoteAfter.postgres);
  group.last = remoteAfter.server;

  const drainUntil = Date.now() + DRAIN_MS;
  while (tracker.samples.length < tracker.expected && Date.now() < drainUntil) await sleep(50);
}

async function finish(group: Group): Promise<RunResult> {
  for (const { client } of group.clients) client.destroy();
  const final = await group.server.stop();
  const { tracker, totals } = group;
  if (process.env.COLLAB_BENCH_VERBOSE) console.log(`    ${group.mode}: ${tracker.totalEdits} edits made in all, ${final.updates} updates accepted in all`);
  const last = group.last ?? final;
  return {
    deliveries: tracker.samples.length,
    sentPerSecond: (tracker.edits * 1000) / totals.wallMs,
    delivered: tracker.expected === 0 ? 0 : tracker.samples.length / tracker.expected,
    p50: percentile(tracker.samples, 50),
    p99: percentile(tracker.samples, 99),
    max: percentile(tracker.samples, 100),
    updatesPerSecond: (totals.updates * 1000) / totals.serverWallMs,
    serverCpuPct: (totals.serverCpuUs / 1000 / totals.serverWallMs) * 100,
    serverRssMb: mb(last.rssBytes),
    serverMaxRssMb: mb(final.maxRssBytes),
    serverHeapMb: mb(last.heapUsedBytes),
    driverCpuPct: (totals.driverCpuUs / 1000 / totals.wallMs) * 100,
    postgresCpuPct: (totals.postgresMs / totals.postgresWallMs) * 100,
    machineCpuPct: (totals.machineBusy / totals.machineTotal) * os.cpus().length * 100,
    driverLoopDelayP99Ms: group.loopDelay.percentile(99) / 1e6,
    final,
  };
}

/** Runs one scenario on both servers, `seconds` of recorded typing each. */
export async function runScenario(setup: BenchSetup, { clients, chunks, seconds }: { clients: number; chunks: number; seconds: number }): Promise<Record<ServerMode, RunResult>> {
  const ours = await startGroup(setup, 'interlinear', clients, chunks);
  const bare = await startGroup(setup, 'bare', clients, chunks);
  const turnMs = (seconds * 1000) / TURNS;
  for (let turn = 0; turn < TURNS; turn += 1) {
    for (const group of turn % 2 === 0 ? [ours, bare] : [bare, ours]) await typingTurn(setup, group, turnMs);
  }
  return { interlinear: await finish(ours), bare: await finish(bare) };
}
