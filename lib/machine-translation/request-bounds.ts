import { unavailable } from './http-json';
import type { ProviderLimits } from './provider';
import type { MachineProviderId } from './providers';
import {
  MACHINE_TRANSLATION_TIMEOUT_MS,
  MAX_MACHINE_TRANSLATION_CHARS,
  MAX_MACHINE_TRANSLATION_RESPONSE_BYTES,
  MAX_MACHINE_TRANSLATION_TEXTS,
  MAX_SEGMENT_CHARS,
} from '../config/limits';
import { AppError } from '../errors/app-error';

export const DEFAULT_PROVIDER_LIMITS: ProviderLimits = {
  timeoutMs: MACHINE_TRANSLATION_TIMEOUT_MS,
  maxResponseBytes: MAX_MACHINE_TRANSLATION_RESPONSE_BYTES,
  maxChars: MAX_MACHINE_TRANSLATION_CHARS,
  maxTexts: MAX_MACHINE_TRANSLATION_TEXTS,
};

/** Refuses, before anything is sent, a request of no text, too many texts or a text too long (INVALID_INPUT). */
export function assertSendable(texts: readonly string[], limits: ProviderLimits): void {
  if (texts.length === 0 || texts.length > limits.maxTexts) throw new AppError('INVALID_INPUT', 'machine.textCount', { values: { maxTexts: limits.maxTexts } });
  if (texts.some((text) => text.length > limits.maxChars)) throw new AppError('INVALID_INPUT', 'machine.textTooLong', { values: { maxChars: limits.maxChars } });
  if (texts.every((text) => !text.trim())) throw new AppError('INVALID_INPUT', 'machine.nothingToTranslate');
}

/**
 * Checks the translations a service answered: one per text sent, each of a length a draft may
 * hold (a longer one means a broken service, not a translation). MACHINE_TRANSLATION_UNAVAILABLE otherwise.
 */
export function checkedTranslations(provider: MachineProviderId, sent: readonly string[], answered: readonly string[]): string[] {
  if (answered.length !== sent.length) throw unavailable(provider, `answered ${answered.length} translations for ${sent.length} texts`);
  if (answered.some((text) => text.length > MAX_SEGMENT_CHARS)) throw unavailable(provider, `answered a translation longer than ${MAX_SEGMENT_CHARS} characters`);
  return [...answered];
}

/** The address of `path` under a service's configured base address (its own path kept), never another host. */
export function serviceEndpoint(base: string, path: string): URL {
  const root = new URL(base);
  if (!root.pathname.endsWith('/')) root.pathname += '/';
  root.search = '';
  root.hash = '';
  const url = new URL(path.replace(/^\/+/, ''), root);
  // `path` is one of the providers' constants; this only guards against a future mistake.
  if (url.origin !== root.origin) throw new Error(`A machine translation endpoint left ${root.origin}.`);
  return url;
}
