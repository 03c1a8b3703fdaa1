import 'server-only';

import { z } from 'zod';

import { logExcerpt, requestService, unavailable, type ServiceAnswer } from './http-json';
import type { LanguagePairs, MachineTranslationProvider, ProviderLimits, TranslateRequest } from './provider';
import { assertSendable, checkedTranslations, DEFAULT_PROVIDER_LIMITS, serviceEndpoint } from './request-bounds';
import { AppError } from '../errors/app-error';

/** `POST /v2/translate`'s answer: one translation per text sent, in order. */
const translateAnswerSchema = z.object({ translations: z.array(z.object({ text: z.string(), detected_source_language: z.string().optional() })) });
/** `GET /v2/languages?type=source|target`. */
const languagesAnswerSchema = z.array(z.object({ language: z.string().min(1).max(20), name: z.string().optional() })).max(1000);
/** An error answer: `{ "message": "…" }`. */
const errorAnswerSchema = z.object({ message: z.string() });

/** DeepL API Free keys end in `:fx` and are served by their own host. */
export const DEEPL_FREE_URL = 'https://api-free.deepl.com';
export const DEEPL_PRO_URL = 'https://api.deepl.com';

/**
 * The target variant used for a language tag that names none: DeepL wants `EN-GB` or `EN-US`
 * (plain `EN` is kept only for old clients), `PT-PT` or `PT-BR`, `ZH-HANS` or `ZH-HANT`.
 * British English, as the project writes: a work translated into `en-US` gets American English.
 */
export const DEEPL_DEFAULT_TARGET_VARIANTS: Readonly<Record<string, string>> = { en: 'EN-GB', pt: 'PT-PT', zh: 'ZH-HANS' };

export interface DeepLOptions {
  /** DEEPL_API_KEY: sent as `Authorization: DeepL-Auth-Key …`. */
  apiKey: string;
  /** DEEPL_API_URL: another base address than the one the key implies (a proxy, or a local server in tests). */
  url?: string;
  limits?: ProviderLimits;
}

/**
 * DeepL's API (v2), through its documented requests: `POST /v2/translate` with a JSON body
 * `{ text: [...], source_lang, target_lang }` and the header `Authorization: DeepL-Auth-Key
 * <key>`, answering `{ translations: [{ detected_source_language, text }] }`; `GET
 * /v2/languages?type=source|target` answering `[{ language, name }]`. Errors: 400 (bad
 * request), 403 (key refused), 413 (too large), 429 (too many requests), 456 (quota used up),
 * 5xx (failure). The host follows the key: `api-free.deepl.com` for keys ending in `:fx`,
 * `api.deepl.com` for others.
 */
export class DeepLProvider implements MachineTranslationProvider {
  readonly id = 'DEEPL' as const;
  private readonly limits: ProviderLimits;
  readonly baseUrl: string;

  constructor(private readonly options: DeepLOptions) {
    this.limits = options.limits ?? DEFAULT_PROVIDER_LIMITS;
    this.baseUrl = options.url ?? (options.apiKey.endsWith(':fx') ? DEEPL_FREE_URL : DEEPL_PRO_URL);
  }

  async languages({ signal }: { signal?: AbortSignal } = {}): Promise<LanguagePairs> {
    const [sources, targets] = await Promise.all([this.languageList('source', signal), this.languageList('target', signal)]);
    // Any source language translates into any target language.
    const targetSet = new Set(targets);
    return new Map(sources.map((source) => [source, targetSet]));
  }

  /**
   * Source: the tag's language in capitals ("ru" → RU; DeepL reads every variant of a source
   * language alike). Target: the tag itself in capitals when DeepL has it ("en-US" → EN-US,
   * "pt-BR" → PT-BR), else the default variant ({@link DEEPL_DEFAULT_TARGET_VARIANTS}), else the
   * language ("de" → DE).
   */
  codesFor(source: string, target: string, pairs: LanguagePairs): { source: string; target: string } | null {
    const sourceCode = (source.split('-')[0] ?? source).toUpperCase();
    const targets = pairs.get(sourceCode);
    if (!targets) return null;
    const primary = (target.split('-')[0] ?? target).toLowerCase();
    const targetCode = [target.toUpperCase(), DEEPL_DEFAULT_TARGET_VARIANTS[primary], primary.toUpperCase()].find((code) => code !== undefined && targets.has(code));
    return targetCode ? { source: sourceCode, target: targetCode } : null;
  }

  async translate({ texts, source, target, signal }: TranslateRequest): Promise<string[]> {
    assertSendable(texts, this.limits);
    const answer = await this.request('POST', 'v2/translate', { text: texts, source_lang: source, target_lang: target }, signal);
    if (answer.status !== 200) throw this.failure(answer);
    const parsed = translateAnswerSchema.safeParse(answer.body);
    if (!parsed.success) throw unavailable(this.id, 'answered a translation of another shape');
    return checkedTranslations(this.id, texts, parsed.data.translations.map((translation) => translation.text));
  }

  private async languageList(type: 'source' | 'target', signal: AbortSignal | undefined): Promise<string[]> {
    const answer = await this.request('GET', `v2/languages?type=${type}`, undefined, signal);
    if (answer.status !== 200) throw this.failure(answer);
    const parsed = languagesAnswerSchema.safeParse(answer.body);
    if (!parsed.success) throw unavailable(this.id, 'answered a list of languages of another shape');
    return parsed.data.map((language) => language.language.toUpperCase());
  }

  private request(method: 'GET' | 'POST', path: string, json: unknown, signal: AbortSignal | undefined): Promise<ServiceAnswer> {
    const [pathname, query] = path.split('?');
    const url = serviceEndpoint(this.baseUrl, pathname ?? path);
    if (query) url.search = query;
    return requestService({ provider: this.id, url, method, headers: { authorization: `DeepL-Auth-Key ${this.options.apiKey}` }, json, timeoutMs: this.limits.timeoutMs, maxResponseBytes: this.limits.maxResponseBytes, signal });
  }

  /** What an error status means, as an AppError. */
  private failure(answer: ServiceAnswer): AppError {
    const said = logExcerpt(errorAnswerSchema.safeParse(answer.body).data?.message ?? '');
    if (answer.status === 429 || answer.status === 529) {
      const seconds = answer.retryAfterSeconds ?? 30;
      return new AppError('RATE_LIMITED', 'machine.deeplSlowDown', { values: { seconds }, details: { retryAfterSeconds: seconds, provider: this.id } });
    }
    if (answer.status === 456) {
      console.warn('[machine-translation] DeepL: the quota of this key is used up (456)');
      return new AppError('MACHINE_TRANSLATION_UNAVAILABLE', 'machine.deeplQuota', { details: { provider: this.id, reason: 'quota' } });
    }
    if (answer.status === 401 || answer.status === 403) {
      console.warn(`[machine-translation] DeepL refused the key (${answer.status}): ${said}`);
      return new AppError('MACHINE_TRANSLATION_UNAVAILABLE', 'machine.deeplKeyRefused', { details: { provider: this.id, reason: 'refused' } });
    }
    if (answer.status === 400 || answer.status === 413 || answer.status === 414) {
      console.warn(`[machine-translation] DeepL turned a request down (${answer.status}): ${said}`);
      return new AppError('MACHINE_TRANSLATION_UNAVAILABLE', 'machine.deeplTurnedDown', { details: { provider: this.id, reason: 'rejected' } });
    }
    return unavailable(this.id, `answered status ${answer.status}${said ? `: ${said}` : ''}`);
  }
}
