import { ACQUISITION_REL, type AtomEntry, type AtomLink } from './atom-writer';
import type { FeedUrls } from './feed-urls';
import type { LanguageProgress } from '../reader/types';

const EPUB_TYPE = 'application/epub+zip';
const HTML_TYPE = 'text/html';

/** A work as an entry of an acquisition feed. */
export interface FeedWork {
  id: string;
  title: string;
  author: string;
  dateText: string;
  sourceLanguage: string;
  tags?: string[];
  updatedAt: Date;
  languages: LanguageProgress[];
}

/** The languages of a work that have published texts, the original first. */
export function readableLanguages(languages: readonly LanguageProgress[]): LanguageProgress[] {
  return languages.filter((language) => language.isSource || language.approved > 0);
}

/**
 * Downloads of a work or a volume as OPDS acquisition links: EPUB and HTML in each language that
 * has published texts, and each translation as an EPUB beside its original. Pure.
 */
export function acquisitionLinks(download: (params: Record<string, string>) => string, languages: readonly LanguageProgress[], sourceLanguage: string): AtomLink[] {
  const links: AtomLink[] = [];
  for (const { language } of readableLanguages(languages)) {
    links.push({ rel: ACQUISITION_REL, type: EPUB_TYPE, href: download({ format: 'epub', lang: language }), title: `EPUB (${language})` });
    links.push({ rel: ACQUISITION_REL, type: HTML_TYPE, href: download({ format: 'html', lang: language }), title: `HTML (${language})` });
  }
  for (const { language } of readableLanguages(languages).filter((entry) => entry.language !== sourceLanguage)) {
    links.push({ rel: ACQUISITION_REL, type: EPUB_TYPE, href: download({ format: 'epub', lang: language, with: sourceLanguage, layout: 'side-by-side' }), title: `EPUB (${language} beside ${sourceLanguage})` });
  }
  return links;
}

/** How far each language has come, in words: "en (original); ru 45%". Pure. */
export function languageSummary(languages: readonly LanguageProgress[]): string {
  return readableLanguages(languages)
    .map((language) => (language.isSource ? `${language.language} (original)` : `${language.language} ${language.total > 0 ? Math.round((100 * language.approved) / language.total) : 0}% translated`))
    .join('; ');
}

/** A work as an acquisition entry: its record, languages, a link to the reader and its downloads. Pure. */
export function workEntry(urls: FeedUrls, work: FeedWork): AtomEntry {
  const summary = [[work.author, work.dateText].filter(Boolean).join(', '), languageSummary(work.languages)].filter(Boolean).join(' — ');
  return {
    id: `urn:uuid:${work.id}`,
    title: work.title,
    updated: work.updatedAt,
    authors: work.author ? [work.author] : [],
    summary,
    languages: readableLanguages(work.languages).map((language) => language.language),
    categories: work.tags ?? [],
    links: [{ rel: 'alternate', type: HTML_TYPE, href: urls.work(work.id), title: 'Read online' }, ...acquisitionLinks((params) => urls.workDownload(work.id, params), work.languages, work.sourceLanguage)],
  };
}
