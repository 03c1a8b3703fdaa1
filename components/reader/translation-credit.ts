import type { useTranslations } from 'next-intl';

import type { LanguageProgress } from '@/lib/reader/types';

/** The reader's messages (`useTranslations('reader')` or `getTranslations('reader')`). */
type ReaderTranslator = ReturnType<typeof useTranslations<'reader'>>;

/**
 * One line crediting an imported translation: translator, edition, year, and the language it was
 * made from when that is a pivot rather than the original. Null when nothing is known.
 */
export function translationCredit(entry: LanguageProgress, sourceLanguage: string, nameOf: (language: string) => string, t: ReaderTranslator): string | null {
  const parts: string[] = [];
  if (entry.translator) parts.push(t('translatedBy', { translator: entry.translator }));
  const edition = [entry.edition, entry.publishedYear ?? ''].filter(Boolean).join(', ');
  if (edition) parts.push(edition);
  if (entry.translatedFrom && entry.translatedFrom !== sourceLanguage) parts.push(t('viaTranslation', { language: nameOf(entry.translatedFrom) }));
  if (parts.length === 0) return null;
  return t('credit', { language: nameOf(entry.language), details: parts.join(' · ') });
}
