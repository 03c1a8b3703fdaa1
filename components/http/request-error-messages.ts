import type { useTranslations } from 'next-intl';

/** The request failures' messages (`useTranslations('requestErrors')`). */
export type RequestErrorTranslator = ReturnType<typeof useTranslations<'requestErrors'>>;

/**
 * A part of the interface with its own wording for answers without the server's error body
 * (`requestErrors.<part>.sessionEnded`, `forbidden`, `notFound`, and `conflict` where it has one).
 */
export type RequestErrorPart = 'alignment' | 'structure' | 'review' | 'history' | 'discussion';

let translator: RequestErrorTranslator | null = null;

/**
 * Sets the translator requests word their failures with: the interface's language, registered by
 * `RequestErrorLanguage` in the root layout (and by tests). The browser has one interface language
 * at a time, so one translator serves every request.
 */
export function setRequestErrorTranslator(t: RequestErrorTranslator | null): void {
  translator = t;
}

type Message = Parameters<RequestErrorTranslator>[0];

function say(key: Message, values?: Record<string, string | number>): string {
  // Without a registered translator (a request sent before the page ran), the key says what went wrong.
  return translator ? translator(key, values as never) : `requestErrors.${key}`;
}

const STATUS_MESSAGES: Readonly<Partial<Record<number, Message>>> = {
  401: 'sessionEnded',
  403: 'forbidden',
  404: 'notFound',
  413: 'tooLarge',
  429: 'tooManyRequests',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

const PART_MESSAGES: Readonly<Record<RequestErrorPart, Readonly<Partial<Record<number, Message>>>>> = {
  alignment: { 401: 'alignment.sessionEnded', 403: 'alignment.forbidden', 404: 'alignment.notFound' },
  structure: { 401: 'structure.sessionEnded', 403: 'structure.forbidden', 404: 'structure.notFound', 409: 'structure.conflict' },
  review: { 401: 'review.sessionEnded', 403: 'review.forbidden', 404: 'review.notFound' },
  history: { 401: 'history.sessionEnded', 403: 'history.forbidden', 404: 'history.notFound' },
  discussion: { 401: 'discussion.sessionEnded', 403: 'discussion.forbidden', 404: 'discussion.notFound' },
};

/** The message for an answer of `status` without the server's error body, in `part`'s wording when it has one. */
export function statusMessage(status: number, part?: RequestErrorPart): string {
  const key = (part ? PART_MESSAGES[part][status] : undefined) ?? STATUS_MESSAGES[status];
  return key ? say(key) : say('status', { status: String(status) });
}

/** No answer came (the network, or the server, is down). */
export const unreachableMessage = (): string => say('unreachable');
/** An answer came that is not what the app sends. */
export const unreadableMessage = (): string => say('unreadable');
/** The caller's signal cancelled the request. */
export const cancelledMessage = (): string => say('cancelled');
