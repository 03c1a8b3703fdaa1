import 'server-only';

import { z } from 'zod';

import { logExcerpt, requestService, unavailable, type ServiceAnswer } from './http-json';
import type { LanguagePairs, MachineTranslationProvider, ProviderLimits, TranslateRequest } from './provider';
import { assertSendable, checkedTranslations, DEFAULT_PROVIDER_LIMITS, serviceEndpoint } from './request-bounds';
import { AppError } from '../errors/app-error';

/** `POST /translate`'s answer: `translatedText`, a string for one `q`, a list for a list. */
const translateAnswerSchema = z.object({ translatedText: z.union([z.string(), z.array(z.string())]) });
/** `GET /languages`: each source language with the targets it translates into (older servers list no targets: every other language). */
const languagesAnswerSchema = z.array(z.object({ code: z.string().min(1).max(20), targets: z.array(z.string().max(20)).optional() })).max(1000);
/** An error answer: `{ "error": "…" }`. */
const errorAnswerSchema = z.object({ error: z.string() });

export interface LibreTranslateOptions {
  /** Base address of the server (LIBRETRANSLATE_URL): `/translate` and `/languages` are called under it. */
  url: string;
  /** Sent as `api_key` when set (LIBRETRANSLATE_API_KEY). */
  apiKey?: string;
  limits?: ProviderLimits;
}

/**
 * A LibreTranslate-compatible server, through its documented API: `POST /translate` with a JSON
 * body `{ q, source, target, format: "text", api_key? }` (`q` a string, or a list of strings for
 * several texts) answering `{ translatedText }`; `GET /languages` answering `[{ code, name,
 * targets }]`. Errors are `{ error }` with 400 (invalid request, unsupported language, missing
 * key), 403 (invalid key, banned), 429 (slow down) or 500.
 */
export class LibreTranslateProvider implements MachineTranslationProvider {
  readonly id = 'LIBRETRANSLATE' as const;
  readonly baseUrl: string;
  private readonly limits: ProviderLimits;

  constructor(private readonly options: LibreTranslateOptions) {
    this.limits = options.limits ?? DEFAULT_PROVIDER_LIMITS;
    this.baseUrl = options.url;
  }

  async languages({ signal }: { signal?: AbortSignal } = {}): Promise<LanguagePairs> {
    const answer = await this.request('GET', 'languages', undefined, signal);
    if (answer.status !== 200) throw this.failure(answer);
    const parsed = languagesAnswerSchema.safeParse(answer.body);
    if (!parsed.success) throw unavailable(this.id, 'answered a list of languages of another shape');
    const codes = parsed.data.map((language) => language.code);
    return new Map(parsed.data.map((language) => [language.code, new Set(language.targets ?? codes.filter((code) => code !== language.code))]));
  }

  /** The server's codes are matched without regard to case: the whole tag first ("pt-BR", "zh-Hant"), then its language ("pt"). */
  codesFor(source: string, target: string, pairs: LanguagePairs): { source: string; target: string } | null {
    const sourceCode = matchCode(source, pairs.keys());
    const targets = sourceCode === null ? undefined : pairs.get(sourceCode);
    const targetCode = targets ? matchCode(target, targets.values()) : null;
    return sourceCode !== null && targetCode !== null ? { source: sourceCode, target: targetCode } : null;
  }

  async translate({ texts, source, target, signal }: TranslateRequest): Promise<string[]> {
    assertSendable(texts, this.limits);
    // One text goes as a string, as every version of the server reads it; several as a list.
    const body = { q: texts.length === 1 ? texts[0] : texts, source, target, format: 'text', ...(this.options.apiKey ? { api_key: this.options.apiKey } : {}) };
    const answer = await this.request('POST', 'translate', body, signal);
    if (answer.status !== 200) throw this.failure(answer);
    const parsed = translateAnswerSchema.safeParse(answer.body);
    if (!parsed.success) throw unavailable(this.id, 'answered a translation of another shape');
    const translated = parsed.data.translatedText;
    return checkedTranslations(this.id, texts, typeof translated === 'string' ? [translated] : translated);
  }

  private request(method: 'GET' | 'POST', path: string, json: unknown, signal: AbortSignal | undefined): Promise<ServiceAnswer> {
    return requestService({ provider: this.id, url: serviceEndpoint(this.baseUrl, path), method, json, timeoutMs: this.limits.timeoutMs, maxResponseBytes: this.limits.maxResponseBytes, signal });
  }

  /** What an error status means, as an AppError. */
  private failure(answer: ServiceAnswer): AppError {
    const said = logExcerpt(errorAnswerSchema.safeParse(answer.body).data?.error ?? '');
    if (answer.status === 429) {
      const seconds = answer.retryAfterSeconds ?? 60;
      return new AppError('RATE_LIMITED', 'machine.libreSlowDown', { values: { seconds }, details: { retryAfterSeconds: seconds, provider: this.id } });
    }
    if (answer.status === 403) {
      console.warn(`[machine-translation] LibreTranslate refused the request (403): ${said}`);
      return new AppError('MACHINE_TRANSLATION_UNAVAILABLE', 'machine.libreRefused', { details: { provider: this.id, reason: 'refused' } });
    }
    if (answer.status === 400) {
      console.warn(`[machine-translation] LibreTranslate turned a request down (400): ${said}`);
      return new AppError('MACHINE_TRANSLATION_UNAVAILABLE', 'machine.libreTurnedDown', { details: { provider: this.id, reason: 'rejected' } });
    }
    return unavailable(this.id, `answered status ${answer.status}${said ? `: ${said}` : ''}`);
  }
}

function matchCode(tag: string, codes: Iterable<string>): string | null {
  const list = [...codes];
  const primary = tag.split('-')[0] ?? tag;
  for (const wanted of [tag, primary]) {
    const found = list.find((code) => code.toLowerCase() === wanted.toLowerCase());
    if (found !== undefined) return found;
  }
  return null;
}
