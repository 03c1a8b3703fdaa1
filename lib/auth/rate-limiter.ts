import 'server-only';

import { createHmac } from 'node:crypto';

import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';

import { getEnv } from '../config/env';
import { getPool } from '../db/client';

/**
 * Counters for rate limits kept in PostgreSQL (rate-limiter-flexible's Postgres store on the
 * shared pool), so that limits hold across processes and restarts. Each count is one atomic
 * upsert: concurrent attempts are all counted, none can slip through between a read and a write.
 */

/** Table of the counters (the `RateLimit` model), created by a migration rather than the library. */
const TABLE = 'rate_limit';

/** A named counter: at most `points` in windows of `windowSeconds` that start with the first point. */
export interface CounterSpec {
  name: string;
  points: number;
  windowSeconds: number;
}

const countersByPool = new WeakMap<pg.Pool, Map<string, RateLimiterPostgres>>();

/** The counter `spec.name` on the shared pool (one limiter per name and pool). */
export function counter({ name, points, windowSeconds }: CounterSpec): RateLimiterPostgres {
  const pool = getPool();
  let counters = countersByPool.get(pool);
  if (!counters) {
    counters = new Map();
    countersByPool.set(pool, counters);
  }
  let limiter = counters.get(name);
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: TABLE,
      tableCreated: true,
      keyPrefix: name,
      points,
      duration: windowSeconds,
      // One limiter per pool sweeps expired rows of the shared table (every five minutes).
      clearExpiredByTimeout: counters.size === 0,
    });
    counters.set(name, limiter);
  }
  return limiter;
}

/**
 * The key a counter is kept under for `parts` (an e-mail, an address): a keyed hash, so the table
 * holds neither, and the hash cannot be reversed by trying every address without the app's secret.
 */
export function counterKey(...parts: string[]): string {
  const secret = getEnv().NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set: start the app with `npm start`.');
  const key = createHmac('sha256', secret).update('interlinear:rate-limit').digest();
  return createHmac('sha256', key).update(parts.join('\n')).digest('base64url');
}

/** Whether an attempt may go ahead; if not, how long until it may. */
export type CountResult = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt on `limiter`. rate-limiter-flexible rejects with a `RateLimiterRes` when the
 * limit is exceeded and with an `Error` when the store fails: only the former is a refusal, the
 * latter is thrown on (a broken store must not open the gate).
 */
export async function countAttempt(limiter: RateLimiterPostgres, key: string): Promise<CountResult> {
  try {
    await limiter.consume(key);
    return { isAllowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { isAllowed: false, retryAfterSeconds: secondsOf(rejection.msBeforeNext) };
    throw rejection;
  }
}

/** Takes back an attempt counted by {@link countAttempt} (one that turned out not to count). */
export async function uncountAttempt(limiter: RateLimiterPostgres, key: string): Promise<void> {
  await limiter.reward(key);
}

/**
 * Counts one attempt of `key` against several windows (`name-<seconds>s`), each of which must have
 * room: an attempt refused by a later window is taken back from the earlier ones. Each count is
 * atomic, so attempts sent in parallel cannot exceed a limit.
 */
export async function countAttemptInWindows(name: string, limits: readonly { windowSeconds: number; max: number }[], key: string): Promise<CountResult> {
  const counted: RateLimiterPostgres[] = [];
  for (const limit of limits) {
    const limiter = counter({ name: `${name}-${limit.windowSeconds}s`, points: limit.max, windowSeconds: limit.windowSeconds });
    const result = await countAttempt(limiter, key);
    if (!result.isAllowed) {
      await Promise.all(counted.map((earlier) => uncountAttempt(earlier, key)));
      return result;
    }
    counted.push(limiter);
  }
  return { isAllowed: true };
}

/**
 * A limit on failures with a growing back-off: `failures` attempts per window are allowed; the
 * attempt after them starts a wait of `firstSeconds`, doubled each further time the limit is
 * reached while earlier ones are remembered (`memorySeconds`), at most `maxSeconds`. When the
 * wait ends the key starts afresh, so its owner is never locked out for good.
 */
export class BackOffLimit {
  private readonly attempts: RateLimiterPostgres;
  private readonly lockouts: RateLimiterPostgres;

  constructor(
    name: string,
    private readonly limit: { failures: number; windowSeconds: number },
    private readonly backOff: { firstSeconds: number; maxSeconds: number; memorySeconds: number },
  ) {
    this.attempts = counter({ name, points: limit.failures, windowSeconds: limit.windowSeconds });
    this.lockouts = counter({ name: `${name}-lockouts`, points: Number.MAX_SAFE_INTEGER, windowSeconds: backOff.memorySeconds });
  }

  /** Counts an attempt before it is checked (so parallel attempts are counted too). */
  async count(key: string): Promise<CountResult> {
    try {
      await this.attempts.consume(key);
      return { isAllowed: true };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // Counts are atomic increments: exactly one attempt is the first past the limit, and only
      // it starts the next wait (the others are told how long the current one still lasts).
      if (rejection.consumedPoints !== this.limit.failures + 1) return { isAllowed: false, retryAfterSeconds: secondsOf(rejection.msBeforeNext) };
      const lockouts = (await this.lockouts.penalty(key)).consumedPoints;
      const seconds = Math.min(this.backOff.firstSeconds * 2 ** Math.max(0, lockouts - 1), this.backOff.maxSeconds);
      await this.attempts.block(key, seconds);
      return { isAllowed: false, retryAfterSeconds: seconds };
    }
  }

  /** Takes back an attempt that did not fail (or was not checked after all). */
  async uncount(key: string): Promise<void> {
    await this.attempts.reward(key);
  }

  /** Forgets the key's failures and waits: its owner has proved who they are. */
  async reset(key: string): Promise<void> {
    await Promise.all([this.attempts.delete(key), this.lockouts.delete(key)]);
  }
}

function secondsOf(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
