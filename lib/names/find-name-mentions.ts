import 'server-only';

import { scanTexts } from './scan-texts';
import type { NameMention } from './types';
import { MAX_NAME_MENTION_TEXT_CHARS, MAX_NAME_MENTION_TEXTS } from '../config/limits';
import type { Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';
import { languageTagSchema } from '../library/language-tag';

export interface FindNameMentionsOptions {
  collectionId: string;
  /** The language the texts are written in (BCP 47): its stemmer reads them, its preferred forms are the ones expected. */
  language: string;
  texts: readonly string[];
}

/**
 * The mentions of a collection's confirmed names in texts of one language (drafts, suggestions,
 * published texts alike), for each text in order (docs/names.md, "Recognition"). A mention
 * written otherwise than the name's preferred form in that language has `isPreferred` false; with
 * `preferred` set, that is the finding "name not in its preferred form". Costs two queries
 * whatever the number of texts (stems, then the forms the capitalised words may be). No
 * permission is checked: the caller has read the texts. Throws INVALID_INPUT past
 * {@link MAX_NAME_MENTION_TEXTS} texts or {@link MAX_NAME_MENTION_TEXT_CHARS} characters in one.
 */
export async function findNameMentions(db: Db, { collectionId, language, texts }: FindNameMentionsOptions): Promise<NameMention[][]> {
  if (texts.length > MAX_NAME_MENTION_TEXTS) throw new AppError('INVALID_INPUT', 'names.tooManyTexts', { values: { max: MAX_NAME_MENTION_TEXTS } });
  if (texts.some((text) => text.length > MAX_NAME_MENTION_TEXT_CHARS)) throw new AppError('INVALID_INPUT', 'names.textTooLong', { values: { max: MAX_NAME_MENTION_TEXT_CHARS } });
  const tag = parseInput(languageTagSchema, language);
  if (texts.length === 0) return [];
  const scanned = await scanTexts(db, { collectionId, language: tag, texts });
  return scanned.map((text) => text.mentions);
}
