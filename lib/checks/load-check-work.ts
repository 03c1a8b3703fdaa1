import 'server-only';

import type { CheckWork } from './load-check-contexts';
import type { Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';

/**
 * A work whose translation into `language` is checked: NOT_FOUND for an unknown work or a
 * language it is not read in; INVALID_INPUT for its source language (the checks compare a
 * translation with its original).
 */
export async function loadCheckWork(db: Db, { workId, language }: { workId: string; language: string }): Promise<CheckWork & { title: string }> {
  const work = isUuid(workId) ? await db.work.findUnique({ where: { id: workId }, select: { id: true, title: true, collectionId: true, sourceLanguage: true, languages: { where: { language }, select: { language: true } } } }) : null;
  if (!work) throw new AppError('NOT_FOUND', 'work.notFoundThat');
  if (work.languages.length === 0) throw new AppError('NOT_FOUND', 'checks.noTranslation', { values: { language } });
  if (language === work.sourceLanguage) throw new AppError('INVALID_INPUT', 'checks.originalChosen', { details: { lang: [fieldMessage('field.chooseTranslationsLanguage')] } });
  return { workId: work.id, title: work.title, collectionId: work.collectionId, sourceLanguage: work.sourceLanguage };
}
