/**
 * One editing scenario of bench/collab.ts, run against our server and the bare Hocuspocus server
 * at once: both servers are started and both sets of editors connected (in worker threads, whole
 * chunk documents per thread), then the sets take turns typing (ours, bare, bare, ours, and again),
 * so that both meet the same background load of the machine. Each turn: a warm-up, a recorded stretch,
 * then a pause until every edit has arrived.
 */
import os from 'node:os';

import type { EditorClientKind } from './collab-clients';
import { EditorThreads } from './collab-editor-threads';
import type { EditorWorkerSetup } from './collab-editor-worker';
import { cpuSince, machineCpu, mb, percentile, postgresCpuMs, sleep } from './collab-measure';
import { ServerProcess } from './collab-process';
import type { ServerMode, ServerStats } from './collab-server';
import { outboxDrained, type BenchSetup } from './collab-setup';
import type { PublishedText } from '../lib/collab/published-texts';

export const EDITS_PER_SECOND = 5;
const WARMUP_MS = 1_500;
const DRAIN_MS = 5_000;
/** Turns per server; the recorded seconds are split evenly between them. */
const TURNS = 4;

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
  /** The server's event-loop delay while recording: the worst turn's p99, and the longest. */
  serverLoopDelayP99Ms: number;
  serverLoopDelayMaxMs: number;
  final: ServerStats;
}

interface Group {
  mode: ServerMode;
  server: ServerProcess;
  editors: EditorThreads;
  /** What the editors measured while recording, over all turns. */
  recorded: { samples: number[]; edits: number; expected: number; totalEdits: number; loopDelayP99Ms: number };
  totals: { wallMs: number; driverCpuUs: number; machineBusy: number; machineTotal: number; serverWallMs: number; serverCpuUs: number; updates: number; postgresWallMs: number; postgresMs: number; serverLoopDelayP99Ms: number; serverLoopDelayMaxMs: number };
  last?: ServerStats;
}

/**
 * Starts a server and connects its editors: whole chunk documents per worker thread, the chunks
 * dealt round-robin over as many threads as the machine has cores (one thread for one chunk).
 */
async function startGroup(setup: BenchSetup, mode: ServerMode, { clients: clientCount, chunks: chunkCount, clientKind }: { clients: number; chunks: number; clientKind: EditorClientKind }): Promise<Group> {
  const server = await ServerProcess.start(mode, setup);
  if (mode === 'interlinear') await outboxDrained(setup.pool);
  const perChunk = clientCount / chunkCount;
  const threadCount = Math.min(chunkCount, os.cpus().length);
  const setups: EditorWorkerSetup[] = Array.from({ length: threadCount }, (_, thread) => ({
    url: server.url,
    workId: setup.editWork.workId,
    token: setup.token,
    editsPerSecond: EDITS_PER_SECOND,
    clientKind,
    chunks: [],
    randomSeed: clientCount * 31 + thread * 7 + (mode === 'bare' ? 1 : 0),
  }));
  for (let chunk = 0; chunk < chunkCount; chunk += 1) {
    const texts = setup.editWork.chunks[chunk] as PublishedText[];
    (setups[chunk % threadCount] as EditorWorkerSetup).chunks.push({ chunk, editors: perChunk, segmentIds: texts.map((text) => text.segmentId), seed: mode === 'bare' ? texts : undefined });
  }
  return {
    mode,
    server,
    editors: await EditorThreads.start(setups),
    recorded: { samples: [], edits: 0, expected: 0, totalEdits: 0, loopDelayP99Ms: 0 },
    totals: { wallMs: 0, driverCpuUs: 0, machineBusy: 0, machineTotal: 0, serverWallMs: 0, serverCpuUs: 0, updates: 0, postgresWallMs: 0, postgresMs: 0, serverLoopDelayP99Ms: 0, serverLoopDelayMaxMs: 0 },
  };
}

/** Every editor of the group types 5 times a second, each starting at a random moment. */
async function typingTurn(setup: BenchSetup, group: Group, recordMs: number): Promise<void> {
  const typing = group.editors.turn({ warmupMs: WARMUP_MS, recordMs, drainMs: DRAIN_MS });
  await sleep(WARMUP_MS);

  // The server may answer late when it is behind: its figures are taken between its own
  // timestamps, the bench's between its own.
  const local = () => ({ driver: process.cpuUsage(), machine: machineCpu(), at: performance.now() });
  const remote = async () => ({ server: await group.server.stats(), postgres: await postgresCpuMs(setup.pool), postgresAt: performance.now() });
  const remoteBefore = await remote();
  const localBefore = local();
  await sleep(recordMs);
  const localAfter = local();
  const remoteAfter = await remote();

  const { totals } = group;
  totals.wallMs += localAfter.at - localBefore.at;
  // The process' CPU time includes the editors' threads.
  totals.driverCpuUs += localAfter.driver.user + localAfter.driver.system - localBefore.driver.user - localBefore.driver.system;
  totals.machineBusy += localAfter.machine.busy - localBefore.machine.busy;
  totals.machineTotal += localAfter.machine.total - localBefore.machine.total;
  totals.serverWallMs += remoteAfter.server.atMs - remoteBefore.server.atMs;
  totals.serverCpuUs += remoteAfter.server.cpuUserUs + remoteAfter.server.cpuSystemUs - remoteBefore.server.cpuUserUs - remoteBefore.server.cpuSystemUs;
  totals.updates += remoteAfter.server.updates - remoteBefore.server.updates;
  totals.postgresWallMs += remoteAfter.postgresAt - remoteBefore.postgresAt;
  totals.postgresMs += cpuSince(remoteBefore.postgres, remoteAfter.postgres);
  totals.serverLoopDelayP99Ms = Math.max(totals.serverLoopDelayP99Ms, remoteAfter.server.loopDelayP99Ms);
  totals.serverLoopDelayMaxMs = Math.max(totals.serverLoopDelayMaxMs, remoteAfter.server.loopDelayMaxMs);
  group.last = remoteAfter.server;

  const turn = await typing;
  const { recorded } = group;
  for (const sample of turn.samples) recorded.samples.push(sample);
  recorded.edits += turn.edits;
  recorded.expected += turn.expected;
  recorded.totalEdits = turn.totalEdits;
  recorded.loopDelayP99Ms = Math.max(recorded.loopDelayP99Ms, turn.loopDelayP99Ms);
}

async function finish(group: Group): Promise<RunResult> {
  await group.editors.stop();
  const final = await group.server.stop();
  const { recorded: tracker, totals } = group;
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
    driverLoopDelayP99Ms: tracker.loopDelayP99Ms,
    serverLoopDelayP99Ms: totals.serverLoopDelayP99Ms,
    serverLoopDelayMaxMs: totals.serverLoopDelayMaxMs,
    final,
  };
}

/** Runs one scenario on both servers, `seconds` of recorded typing each. */
export async function runScenario(setup: BenchSetup, { seconds, ...scenario }: { clients: number; chunks: number; seconds: number; clientKind: EditorClientKind }): Promise<Record<ServerMode, RunResult>> {
  const ours = await startGroup(setup, 'interlinear', scenario);
  const bare = await startGroup(setup, 'bare', scenario);
  const turnMs = (seconds * 1000) / TURNS;
  for (let turn = 0; turn < TURNS; turn += 1) {
    for (const group of turn % 2 === 0 ? [ours, bare] : [bare, ours]) await typingTurn(setup, group, turnMs);
  }
  return { interlinear: await finish(ours), bare: await finish(bare) };
}
