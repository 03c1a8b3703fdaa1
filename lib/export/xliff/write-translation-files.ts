import 'server-only';

import { readExchangeUnits } from './read-exchange-units';
import { XliffWriter, type XliffVersion } from './xliff-writer';
import type { Db } from '../../db/client';
import { TmxWriter } from '../../memory/tmx/tmx-writer';
import type { ExportPlan } from '../types';

export interface TranslationFileOptions {
  db: Db;
  plan: ExportPlan;
  /** The translation written beside the original. */
  targetLanguage: string;
}

/**
 * The plan's works as one XLIFF document (one `<file>` per work, in printed order; one unit per
 * text-bearing segment with a published original), written as it is read.
 */
export async function* writeXliff({ db, plan, targetLanguage, version }: TranslationFileOptions & { version: XliffVersion }): AsyncGenerator<string> {
  const writer = new XliffWriter(version);
  yield writer.start({ sourceLanguage: plan.sourceLanguage, targetLanguage });
  for (const work of plan.works) {
    yield writer.fileStart({ workId: work.id, title: work.title, sourceLanguage: work.sourceLanguage, targetLanguage });
    const units = readExchangeUnits({ db, work: { id: work.id, collectionId: plan.collection.id, sourceLanguage: work.sourceLanguage }, targetLanguage, withNotes: true });
    for await (const unit of units) yield writer.unit(unit);
    yield writer.fileEnd();
  }
  yield writer.end();
}

/**
 * The plan's published translations into `targetLanguage` as a TMX 1.4b memory (the memory
 * export's writer): one `<tu>` per segment whose original and translation are both published
 * (a translation grouped into the previous segment's left out), the segment's id as `tuid`, the
 * work and segment as `x-interlinear-*` props, the translator and the dates of the first and the
 * published revision of the translation.
 */
export async function* writeWorkTmx({ db, plan, targetLanguage, now = new Date() }: TranslationFileOptions & { now?: Date }): AsyncGenerator<string> {
  const writer = new TmxWriter();
  yield writer.start({ sourceLanguage: plan.sourceLanguage, createdAt: now });
  for (const work of plan.works) {
    const units = readExchangeUnits({ db, work: { id: work.id, collectionId: plan.collection.id, sourceLanguage: work.sourceLanguage }, targetLanguage, withNotes: false });
    for await (const unit of units) {
      if (!unit.targetRevisionId || unit.isGrouped || unit.targetText.trim() === '') continue;
      yield writer.unit({
        tuid: unit.segmentId,
        sourceLanguage: work.sourceLanguage,
        targetLanguage,
        sourceText: unit.sourceText,
        targetText: unit.targetText,
        creationDate: unit.targetCreatedAt ?? unit.targetChangedAt ?? now,
        changeDate: unit.targetChangedAt ?? now,
        creationId: unit.translator || null,
        props: [
          ['x-interlinear-origin', 'library'],
          ['x-interlinear-work', work.id],
          ['x-interlinear-work-title', work.title],
          ['x-interlinear-segment', unit.segmentId],
        ],
      });
    }
  }
  yield writer.end();
}
