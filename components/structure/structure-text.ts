import type { useTranslations } from 'next-intl';

import type { StructureRefusal } from '@/lib/structure/structure-refusal';
import { readStructureSummary, type StructureBlocker, type StructureSummary } from '@/lib/structure/structure-summary';

import type { ErrorWording } from '../errors/error-wording';

/** The structural edits' messages (`useTranslations('structure')`). */
export type StructureTranslator = ReturnType<typeof useTranslations<'structure'>>;

/**
 * A structural change's summary line in the interface's language: from its values, else from the
 * English line a suggestion stores (read back), else that line as it is.
 */
export function structureSummaryLine(summary: string, values: StructureSummary | null | undefined, t: StructureTranslator): string {
  const known = values ?? readStructureSummary(summary);
  if (!known) return summary;
  switch (known.type) {
    case 'splitSegment':
    case 'mergeSegments':
      return t(`summary.${known.type}`, { kind: known.kind, before: known.before, after: known.after });
    case 'makeHeading':
      return t('summary.makeHeading', { excerpt: known.excerpt, level: known.level });
    case 'makeFootnote':
      return t('summary.makeFootnote', { excerpt: known.excerpt, label: known.label });
    case 'makeSentence':
    case 'splitParagraph':
    case 'joinParagraphs':
      return t(`summary.${known.type}`, { excerpt: known.excerpt });
  }
}

/**
 * Why approving a structural change would be refused now, in the interface's language (a server
 * error it carries worded by `wording`, else in the English it came with).
 */
export function structureBlockerLine(blocker: StructureBlocker, t: StructureTranslator, wording?: Pick<ErrorWording, 'message'>): string {
  switch (blocker.reason) {
    case 'openSuggestions':
      return t('blockers.openSuggestions', { count: blocker.count });
    case 'noLongerFits':
      return t('blockers.noLongerFits', { message: blocker.refusal ? structureRefusalLine(blocker.refusal, t) : blocker.message });
    case 'refused':
      return t('blockers.refused', { message: blocker.error && wording ? wording.message(blocker.error.key, blocker.error.values) : blocker.message });
    case 'unreadable':
    case 'workGone':
    case 'textChanged':
      return t(`blockers.${blocker.reason}`);
  }
}

/** Why a structural change cannot be planned, in the interface's language (`structure.refusals`, the words of the server's `errors.structureRefusal`). */
export function structureRefusalLine({ refused, values }: StructureRefusal, t: StructureTranslator): string {
  return t(`refusals.${refused}`, values);
}
