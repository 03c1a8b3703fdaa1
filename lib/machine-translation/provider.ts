import type { MachineProviderId } from './providers';

/**
 * A machine translation service, as the rest of Interlinear sees it. Two implementations:
 * `LibreTranslateProvider` and `DeepLProvider`; `configuredProvider()` picks the one the
 * environment names, or none.
 */
export interface MachineTranslationProvider {
  readonly id: MachineProviderId;
  /** The address every request goes to (the configured one): nothing else is ever called. */
  readonly baseUrl: string;
  /** The language pairs the service translates, in its own codes. */
  languages(options?: { signal?: AbortSignal }): Promise<LanguagePairs>;
  /**
   * The service's codes for translating from the language tag `source` into `target` (BCP 47,
   * as works store them), or null when it does not translate that pair.
   */
  codesFor(source: string, target: string, pairs: LanguagePairs): { source: string; target: string } | null;
  /**
   * Translates every text from `source` into `target` (the service's codes, from `codesFor`),
   * in order: one translation per text. Throws MACHINE_TRANSLATION_UNAVAILABLE, RATE_LIMITED
   * (the service asks to slow down) or INVALID_INPUT (too many or too long texts).
   */
  translate(request: TranslateRequest): Promise<string[]>;
}

export interface TranslateRequest {
  texts: readonly string[];
  source: string;
  target: string;
  signal?: AbortSignal;
}

/** Source language code → the target codes it translates into. */
export type LanguagePairs = ReadonlyMap<string, ReadonlySet<string>>;

/** Bounds and time limit of a provider's requests (defaults from lib/config/limits.ts; tests shorten them). */
export interface ProviderLimits {
  timeoutMs: number;
  maxResponseBytes: number;
  maxChars: number;
  maxTexts: number;
}
