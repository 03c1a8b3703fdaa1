import type { LanguageProgress } from '@/lib/reader/types';

/**
 * One line crediting an imported translation: translator, edition, year, and the language it was
 * made from when that is a pivot rather than the original. Null when nothing is known.
 */
export function translationCredit(entry: LanguageProgress, sourceLanguage: string, nameOf: (language: string) => string): string | null {
  const parts: string[] = [];
  if (entry.translator) parts.push(`translated by ${entry.translator}`);
  const edition = [entry.edition, entry.publishedYear ?? ''].filter(Boolean).join(', ');
  if (edition) parts.push(edition);
  if (entry.translatedFrom && entry.translatedFrom !== sourceLanguage) parts.push(`via the ${nameOf(entry.translatedFrom)} translation`);
  if (parts.length === 0) return null;
  const line = parts.join(' · ');
  return `${nameOf(entry.language)}: ${line}`;
}
