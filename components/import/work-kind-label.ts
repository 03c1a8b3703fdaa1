import type { WorkKind } from '@/lib/cleanup/split';

import type { ImportTranslator } from './cleanup-rule-text';

/** "back-matter" → "back matter", in the interface's language; null for a work by the author(s), which needs no mark. */
export function workKindLabel(kind: WorkKind, t: ImportTranslator): string | null {
  if (kind === 'front-matter') return t('workKind.frontMatter');
  if (kind === 'back-matter') return t('workKind.backMatter');
  return null;
}
