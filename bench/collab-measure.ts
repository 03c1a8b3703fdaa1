/**
 * Measuring helpers of bench/collab.ts: percentiles, machine-wide CPU, and the CPU time of the
 * PostgreSQL backends that serve the bench's database.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';

import type pg from 'pg';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

export const mb = (bytes: number) => round(bytes / 1024 / 1024);

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Busy and total CPU time of all cores so far (ms), from os.cpus(). */
export function machineCpu(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    const { user, nice, sys, irq, idle } = cpu.times;
    busy += user + nice + sys + irq;
    total += user + nice + sys + irq + idle;
  }
  return { busy, total };
}

/**
 * CPU time (ms) of each PostgreSQL backend connected to the bench's database, read from /proc:
 * the database work the server causes, apart from what other programs ask of the same PostgreSQL.
 */
export async function postgresCpuMs(pool: pg.Pool): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
  const times = new Map<number, number>();
  for (const { pid } of rows) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks of 10 ms.
    if (fields) times.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
  }
  return times;
}

/** CPU time the backends in `after` used since `before` (ms); backends that started since count whole. */
export function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
