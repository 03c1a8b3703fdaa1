import 'server-only';

import path from 'node:path';

import { z } from 'zod';

/** An optional variable: set but empty (`DEEPL_API_KEY=`) reads as unset. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

/** The address of a service the server calls: http or https only, no credentials in it. */
const serviceUrl = z
  .url()
  .refine((value) => ['http:', 'https:'].includes(new URL(value).protocol), 'Use an http:// or https:// address.')
  .refine((value) => !new URL(value).username && !new URL(value).password, 'Put no user name or password in the address.');

/** An API key: printable ASCII, bounded (it goes into a header or a JSON body). */
const apiKey = z.string().regex(/^[\x21-\x7e]{1,200}$/, 'An API key is 1–200 printable characters without spaces.');

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
  /**
   * Folder of the FreeDict dictionaries (`freedict-deu-fra.index` and `.dict.dz`, as Debian's
   * dict-freedict-* packages install them) that give the sentence aligner a seed lexicon per
   * language pair (docs/alignment.md); `off` switches them off. A pair without dictionaries there
   * is aligned as without.
   */
  ALIGN_DICTIONARY_DIR: z
    .string()
    .refine((value) => value === 'off' || path.isAbsolute(value), 'ALIGN_DICTIONARY_DIR is an absolute path to a folder, or `off`.')
    .default('/usr/share/dictd'),
  /**
   * The machine translation service the editor offers (docs/machine-translation.md):
   * `libretranslate` (needs LIBRETRANSLATE_URL) or `deepl` (needs DEEPL_API_KEY). Unset: no
   * machine translation anywhere; the product works fully without it.
   */
  MT_PROVIDER: optional(z.enum(['libretranslate', 'deepl'])),
  /** Base address of a LibreTranslate-compatible server (its `/translate` and `/languages` are called). */
  LIBRETRANSLATE_URL: optional(serviceUrl),
  /** API key of that server, when it asks for one (sent as `api_key`). */
  LIBRETRANSLATE_API_KEY: optional(apiKey),
  /** DeepL API key; a key ending in `:fx` is a DeepL API Free key (api-free.deepl.com), any other a Pro key (api.deepl.com). */
  DEEPL_API_KEY: optional(apiKey),
  /** Base address of the DeepL API instead of the one the key implies (a proxy, or a local server in tests). */
  DEEPL_API_URL: optional(serviceUrl),
}).superRefine((env, context) => {
  if (env.MT_PROVIDER === 'libretranslate' && !env.LIBRETRANSLATE_URL) context.addIssue({ code: 'custom', path: ['LIBRETRANSLATE_URL'], message: 'required when MT_PROVIDER is libretranslate' });
  if (env.MT_PROVIDER === 'deepl' && !env.DEEPL_API_KEY) context.addIssue({ code: 'custom', path: ['DEEPL_API_KEY'], message: 'required when MT_PROVIDER is deepl' });
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
