import 'server-only';

import { z } from 'zod';

/** The environment Interlinear reads, parsed once. */
const envSchema = z.object({
  /** PostgreSQL connection string. When unset, an embedded PostgreSQL is started (lib/db/embedded.ts). */
  DATABASE_URL: z.string().url().optional(),
  /**
   * A read-only copy of that database (a PostgreSQL streaming replica) for library search,
   * concordance, translation-memory lookups and the public read API (lib/db/client.ts
   * `getReadDb`). Unset: they read `DATABASE_URL` too.
   */
  READ_DATABASE_URL: z.string().url().optional(),
  /** Secret that signs session tokens. Generated and kept in .data/ when unset (development). */
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** Public URL of the app, used by next-auth for callbacks. */
  NEXTAUTH_URL: z.string().url().optional(),
  /**
   * Public WebSocket URL of a separate collaboration server (`npm run collab`); unset: the app
   * serves collaboration itself on `/collab`.
   */
  COLLAB_URL: z.string().url().optional(),
  /** Port of `npm run collab`. */
  COLLAB_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** Redis shared by several collaboration processes (Hocuspocus' Redis extension). */
  REDIS_URL: z.string().url().optional(),
  /** HTTP port of `npm start`. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Host the HTTP server binds. */
  HOST: z.string().default('127.0.0.1'),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For (0: none, the client
   * connects directly). Only then is that header believed: the client's address is the entry that
   * many places from its end. Used to rate-limit anonymous readers' error reports.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Where the embedded PostgreSQL keeps its data. */
  INTERLINEAR_DATA_DIR: z.string().default('.data'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = z.infer<typeof envSchema>;

/** Parses `process.env` (re-read on every call: the embedded database sets DATABASE_URL at start). */
export function getEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid environment: ${fields}`);
  }
  return parsed.data;
}
