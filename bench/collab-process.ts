/**
 * Starts bench/collab-server.ts as a child process and talks to it over IPC: its port, its
 * statistics (CPU time, memory, accepted updates, query times) and stopping it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

import type { ServerMessage, ServerMode, ServerRequest, ServerStats } from './collab-server';

export class ServerProcess {
  private nextId = 1;
  private readonly waiting = new Map<number, (stats: ServerStats) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly mode: ServerMode,
    readonly port: number,
    /** Distinct lines the server wrote to stderr (stack frames left out), with how often. */
    private readonly errors: Map<string, number>,
  ) {
    child.on('message', (message: ServerMessage) => {
      if (message.type !== 'reply') return;
      this.waiting.get(message.id)?.(message.stats);
      this.waiting.delete(message.id);
    });
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}/collab`;
  }

  /**
   * Forks the server with the bench's own loader flags. With COLLAB_BENCH_PROFILE set, the child
   * writes a V8 CPU profile into that folder when it stops.
   */
  static async start(mode: ServerMode, env: { databaseUrl: string; secret: string }): Promise<ServerProcess> {
    const profileDir = process.env.COLLAB_BENCH_PROFILE;
    const child = fork(path.resolve(import.meta.dirname, 'collab-server.ts'), [mode], {
      env: { ...process.env, DATABASE_URL: env.databaseUrl, NEXTAUTH_SECRET: env.secret },
      execArgv: [...process.execArgv, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    // A failing hook logs the same error for every document: show each line once, count repeats.
    const errors = new Map<string, number>();
    if (child.stderr) {
      createInterface({ input: child.stderr }).on('line', (line) => {
        if (/^\s+at /.test(line) || line.trim() === '') return;
        const seen = errors.get(line) ?? 0;
        if (seen === 0) console.error(`[${mode} server] ${line}`);
        errors.set(line, seen + 1);
      });
    }
    const port = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the ${mode} server exited with code ${code} before it was ready`)));
      child.on('message', (message: ServerMessage) => {
        if (message.type === 'ready') resolve(message.port);
      });
    });
    child.removeAllListeners('exit');
    return new ServerProcess(child, mode, port, errors);
  }

  private ask(type: ServerRequest['type']): Promise<ServerStats> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ type, id } satisfies ServerRequest);
    });
  }

  stats(): Promise<ServerStats> {
    return this.ask('stats');
  }

  /** Stops the server (ours compacts every loaded document first) and waits for the process to end. */
  async stop(): Promise<ServerStats> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const stats = await this.ask('stop');
    await exited;
    for (const [line, count] of this.errors) if (count > 1) console.error(`[${this.mode} server] ${count}× ${line}`);
    return stats;
  }
}
