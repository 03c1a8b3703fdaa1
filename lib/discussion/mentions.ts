/**
 * Mentions in comment bodies. Pure: runs on the server (resolving who is mentioned) and in the
 * browser (the composer and the highlighted rendering).
 *
 * The stored syntax is one token per mention, `@[Name](user-id)`: the composer's autocomplete
 * writes it, so a name with spaces or one shared by two people is never ambiguous. The name in
 * the token is what readers see; the server rewrites it to the account's current name when the
 * comment is saved, and turns tokens naming anyone who cannot be mentioned into plain `@Name`
 * text. A plain `@word` typed without picking a person is ordinary text and notifies no one.
 */

import { oneLineExcerpt } from '../notify/excerpt';

export interface Mention {
  userId: string;
  name: string;
}

/** A piece of a comment body: plain text, or a mention to highlight. */
export type BodyPart = { kind: 'text'; text: string } | ({ kind: 'mention' } & Mention);

const TOKEN = /@\[([^\]\n]{1,100})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

/** Longest name carried by a token; longer account names are cut. */
const MAX_TOKEN_NAME_CHARS = 100;

/** The token for a mention; brackets and line breaks in the name are replaced so it stays one token. */
export function mentionToken({ userId, name }: Mention): string {
  const safeName = name.replace(/[[\]\s]+/g, ' ').trim().slice(0, MAX_TOKEN_NAME_CHARS) || 'someone';
  return `@[${safeName}](${userId.toLowerCase()})`;
}

/** The body cut into text and mentions, in order. */
export function splitMentions(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(TOKEN)) {
    const index = match.index;
    if (index > last) parts.push({ kind: 'text', text: body.slice(last, index) });
    parts.push({ kind: 'mention', name: match[1] as string, userId: (match[2] as string).toLowerCase() });
    last = index + match[0].length;
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  return parts;
}

/** The distinct mentions of a body, in order of first appearance. */
export function parseMentions(body: string): Mention[] {
  const seen = new Map<string, Mention>();
  for (const part of splitMentions(body)) {
    if (part.kind === 'mention' && !seen.has(part.userId)) seen.set(part.userId, { userId: part.userId, name: part.name });
  }
  return [...seen.values()];
}

/**
 * Rewrites every token: those whose user is in `resolved` get the current name, the others become
 * plain `@Name` text.
 */
export function rewriteMentions(body: string, resolved: ReadonlyMap<string, string>): string {
  return splitMentions(body)
    .map((part) => {
      if (part.kind === 'text') return part.text;
      const name = resolved.get(part.userId);
      return name === undefined ? `@${part.name}` : mentionToken({ userId: part.userId, name });
    })
    .join('');
}

/** The body as plain text (`@Name` for each mention), for excerpts and notifications. */
export function plainTextOf(body: string): string {
  return splitMentions(body)
    .map((part) => (part.kind === 'text' ? part.text : `@${part.name}`))
    .join('');
}

/** A one-line excerpt of a body (mentions as `@Name`), at most `maxChars` characters. */
export function excerptOf(body: string, maxChars?: number): string {
  return oneLineExcerpt(plainTextOf(body), maxChars);
}

/**
 * What the composer shows for a stored body: the text with `@Name` in place of each token, and
 * the mentions it had, so {@link encodeMentions} can turn the same text back into tokens.
 */
export function decodeMentions(body: string): { text: string; mentions: Mention[] } {
  return { text: plainTextOf(body), mentions: parseMentions(body) };
}

const isBoundaryBefore = (char: string | undefined) => char === undefined || /[\s([{"'“‘«]/.test(char);
const isBoundaryAfter = (char: string | undefined) => char === undefined || !/[\p{L}\p{N}_]/u.test(char);

/**
 * Turns `@Name` in the composer's text into tokens for the people picked from the autocomplete
 * (`mentions`); the longest names are matched first, so "@Ada Lovelace" wins over "@Ada". An
 * `@Name` of someone not picked stays text.
 */
export function encodeMentions(text: string, mentions: readonly Mention[]): string {
  const byLength = [...mentions].sort((a, b) => b.name.length - a.name.length);
  let out = '';
  let index = 0;
  while (index < text.length) {
    if (text[index] === '@' && isBoundaryBefore(text[index - 1])) {
      const found = byLength.find((mention) => mention.name && text.startsWith(mention.name, index + 1) && isBoundaryAfter(text[index + 1 + mention.name.length]));
      if (found) {
        out += mentionToken(found);
        index += 1 + found.name.length;
        continue;
      }
    }
    out += text[index];
    index += 1;
  }
  return out;
}

/** Longest text after `@` that the autocomplete still treats as a name being typed. */
const MAX_QUERY_CHARS = 40;

/**
 * The name being typed at the caret, if any: an `@` at the start or after a space, then up to
 * {@link MAX_QUERY_CHARS} characters without a line break or another `@`. `start` is the index of
 * the `@`.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(Math.max(0, caret - MAX_QUERY_CHARS - 1), caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  const start = caret - before.length + at;
  const query = text.slice(start + 1, caret);
  if (/[\n@]/.test(query) || /^\s/.test(query) || /\s{2}/.test(query)) return null;
  if (!isBoundaryBefore(text[start - 1])) return null;
  return { start, query };
}
