import 'server-only';

import { DeepLProvider } from './deepl-provider';
import { LibreTranslateProvider } from './libretranslate-provider';
import type { LanguagePairs, MachineTranslationProvider } from './provider';
import { PROVIDER_NAMES, type MachineTranslationOffer } from './providers';
import { getEnv, type Env } from '../config/env';
import { MACHINE_TRANSLATION_LANGUAGES_TTL_MS } from '../config/limits';

/**
 * The machine translation service the environment configures (MT_PROVIDER with its address and
 * key, lib/config/env.ts), or null when it configures none: then nothing in Interlinear offers
 * or calls machine translation. Read on every call, like the environment.
 */
export function configuredProvider(env: Env = getEnv()): MachineTranslationProvider | null {
  if (env.MT_PROVIDER === 'libretranslate' && env.LIBRETRANSLATE_URL) return new LibreTranslateProvider({ url: env.LIBRETRANSLATE_URL, apiKey: env.LIBRETRANSLATE_API_KEY });
  if (env.MT_PROVIDER === 'deepl' && env.DEEPL_API_KEY) return new DeepLProvider({ apiKey: env.DEEPL_API_KEY, url: env.DEEPL_API_URL });
  return null;
}

/** What the editor is told: the service offered and its name, or null when none is configured. */
export function machineTranslationOffer(env: Env = getEnv()): MachineTranslationOffer | null {
  const provider = configuredProvider(env);
  return provider ? { provider: provider.id, name: PROVIDER_NAMES[provider.id] } : null;
}

/** Language lists by service and address, each kept {@link MACHINE_TRANSLATION_LANGUAGES_TTL_MS}; a failed request is not kept. */
const languageLists = new Map<string, { pairs: Promise<LanguagePairs>; expiresAt: number }>();

/**
 * The language pairs `provider` translates, asked of the service at most once per
 * {@link MACHINE_TRANSLATION_LANGUAGES_TTL_MS} per process and address (requests at the same
 * time share one).
 */
export function languagePairsOf(provider: MachineTranslationProvider, now = Date.now()): Promise<LanguagePairs> {
  const cacheKey = `${provider.id} ${provider.baseUrl}`;
  const kept = languageLists.get(cacheKey);
  if (kept && kept.expiresAt > now) return kept.pairs;
  const pairs = provider.languages();
  languageLists.set(cacheKey, { pairs, expiresAt: now + MACHINE_TRANSLATION_LANGUAGES_TTL_MS });
  pairs.catch(() => {
    if (languageLists.get(cacheKey)?.pairs === pairs) languageLists.delete(cacheKey);
  });
  return pairs;
}

/** Forgets every kept language list (tests that change the service behind an address). */
export function forgetLanguagePairs(): void {
  languageLists.clear();
}
