import 'server-only';

import { chooseText } from './choose-text';
import { buildRuns } from './inline-runs';
import type { BlockTexts, ExportBlock, ExportPlan } from './types';
import { liveSegment } from '../auth/scope';
import type { Db } from '../db/client';

/** Notes read per query. */
const BATCH = 500;

/**
 * The notes of other works that a download refers to (`plan.externalNotes`: a volume's notes,
 * for one of its works), as note blocks in that order, read a few hundred per query. Their own
 * markers and pages belong to their work and are left out.
 */
export async function* readExternalNotes({ db, plan }: { db: Db; plan: ExportPlan }): AsyncGenerator<ExportBlock> {
  const fallback = plan.isFallbackToSource ? plan.sourceLanguage : null;
  const readable = fallback ? [...plan.languages, fallback] : plan.languages;
  for (let offset = 0; offset < plan.externalNotes.length; offset += BATCH) {
    const ids = plan.externalNotes.slice(offset, offset + BATCH);
    const rows = await db.segment.findMany({
      where: { id: { in: ids }, kind: 'FOOTNOTE', ...liveSegment },
      select: {
        id: true, workId: true, orderKey: true, label: true,
        texts: { where: { language: { in: readable } }, select: { language: true, continuesPrevious: true, publishedRevision: { select: { text: true, emphasis: true } } } },
      },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const id of ids) {
      const row = byId.get(id);
      if (!row) continue;
      const texts: BlockTexts = {};
      for (const language of plan.languages) {
        const chosen = chooseText(row.texts, language, fallback);
        if (chosen) texts[language] = [{ segmentId: row.id, language: chosen.language, isFallback: chosen.isFallback, runs: buildRuns(chosen.text, chosen.emphasis, []) }];
      }
      if (Object.keys(texts).length > 0) yield { kind: 'footnote', id: row.id, workId: row.workId, orderKey: row.orderKey, label: row.label, texts, isReferredFromOwnWork: false };
    }
  }
}
