import 'server-only';

import type { NameContext } from './types';
import { MAX_NAME_MENTION_TEXT_CHARS, MAX_NAME_MENTION_TEXTS } from '../config/limits';
import type { Db } from '../db/client';
import { findNameMentions } from '../names/find-name-mentions';

/** A text whose name mentions are wanted: the target text to read them in (null: none yet). */
export interface NameRequest {
  /** Names the request in the answer (a segment may be asked about with several texts). */
  id: string;
  target: string | null;
}

/**
 * The names of the collection's name authority mentioned in each request's target text, with the
 * preferred form of each in `language` (lib/checks/rules/names.ts): the names module's
 * `findNameMentions`, which knows the preferred forms and their transliteration variants and
 * reads Russian inflections and English possessives. Each distinct text once, a batch of
 * {@link MAX_NAME_MENTION_TEXTS} per query; a text longer than names are looked for in is left
 * without mentions.
 */
export async function loadNameContext(db: Db, { collectionId, language, requests }: { collectionId: string; language: string; requests: readonly NameRequest[] }): Promise<Map<string, NameContext>> {
  const texts = [...new Set(requests.map((request) => request.target ?? '').filter((text) => text.trim() !== '' && text.length <= MAX_NAME_MENTION_TEXT_CHARS))];
  const mentionsOf = new Map<string, NameContext['mentions']>();
  for (let start = 0; start < texts.length; start += MAX_NAME_MENTION_TEXTS) {
    const batch = texts.slice(start, start + MAX_NAME_MENTION_TEXTS);
    const found = await findNameMentions(db, { collectionId, language, texts: batch });
    batch.forEach((text, index) => mentionsOf.set(text, (found[index] ?? []).map((mention) => ({ nameId: mention.nameId, start: mention.start, end: mention.end, found: mention.found, preferred: mention.preferred, isPreferred: mention.isPreferred }))));
  }
  return new Map(requests.map((request) => [request.id, { mentions: request.target === null ? [] : (mentionsOf.get(request.target) ?? []), targetText: request.target }]));
}
