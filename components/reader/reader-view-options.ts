import { isReadingMode, type ReadingMode } from './reading-mode';

/** What the reader shows, resolved from the query string against the work's languages. */
export interface ReaderViewOptions {
  mode: ReadingMode;
  sourceLanguage: string;
  /** The language of single mode. */
  language: string;
  /** The translation beside the original in parallel mode (null when the work has none). */
  targetLanguage: string | null;
  /** Languages whose texts the reader loads. */
  languages: string[];
  at: string | null;
}

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Resolves `mode`, `lang`, `target` and `at`: unknown modes fall back to single, unknown
 * languages to the original (single) or the first translation (parallel). Pure.
 */
export function resolveReaderViewOptions(searchParams: SearchParams, work: { sourceLanguage: string; languages: { language: string }[] }): ReaderViewOptions {
  const rawMode = first(searchParams.mode);
  const mode: ReadingMode = isReadingMode(rawMode) ? rawMode : 'single';
  const available = work.languages.map((entry) => entry.language);
  const translations = available.filter((language) => language !== work.sourceLanguage);
  const rawLang = first(searchParams.lang);
  const rawTarget = first(searchParams.target);
  const language = rawLang && available.includes(rawLang) ? rawLang : work.sourceLanguage;
  const targetLanguage = rawTarget && translations.includes(rawTarget) ? rawTarget : (translations[0] ?? null);
  const at = first(searchParams.at)?.trim() || null;
  const languages =
    mode === 'parallel'
      ? [work.sourceLanguage, ...(targetLanguage ? [targetLanguage] : [])]
      : // Single mode also loads the original, shown where a translation is still missing.
        [...new Set(mode === 'pages' ? [work.sourceLanguage] : [language, work.sourceLanguage])];
  return { mode, sourceLanguage: work.sourceLanguage, language, targetLanguage, languages, at };
}
