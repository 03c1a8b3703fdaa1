import 'server-only';

import { loadCheckWork } from './load-check-work';
import { loadNameContext } from './load-name-context';
import { draftNamesInputSchema, type DraftNamesInput } from './schemas';
import type { NameContext } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';
import { parseInput } from '../errors/parse-input';

/**
 * The names of the collection's name authority mentioned in drafts being typed in the editor, one
 * context per text in the order given: what the names check needs for a draft that is not the
 * text its window's context was loaded with (lib/checks/rules/names.ts reads mentions only of the
 * text they were found in). NOT_FOUND for an unknown work or language; INVALID_INPUT for the
 * source language or too many or too long texts; UNAUTHENTICATED/FORBIDDEN without `segment.edit`.
 */
export async function findDraftNames({ actor, input, db = getDb() }: { actor: Actor; input: DraftNamesInput; db?: Db }): Promise<NameContext[]> {
  const { workId, lang, texts } = parseInput(draftNamesInputSchema, input);
  const work = await loadCheckWork(db, { workId, language: lang });
  assertCan(actor, 'segment.edit', { collectionId: work.collectionId });
  const contexts = await loadNameContext(db, { collectionId: work.collectionId, language: lang, requests: texts.map((text, index) => ({ id: String(index), target: text })) });
  return texts.map((text, index) => contexts.get(String(index)) ?? { mentions: [], targetText: text });
}
