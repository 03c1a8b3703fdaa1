import type { ReadingMode } from './reading-mode';

export interface ReaderHrefOptions {
  workId: string;
  mode?: ReadingMode;
  /** Language of single mode. */
  lang?: string | null;
  /** Translation shown beside the original in parallel mode. */
  target?: string | null;
  /** Segment to open at (scrolled into view and highlighted). */
  at?: string | null;
}

/** The reader URL of a work (`/works/:id/read?mode=…&lang=…&target=…&at=…#s-…`). */
export function readerHref({ workId, mode, lang, target, at }: ReaderHrefOptions): string {
  const query = new URLSearchParams();
  if (mode) query.set('mode', mode);
  if (lang && mode !== 'parallel' && mode !== 'pages') query.set('lang', lang);
  if (target && mode === 'parallel') query.set('target', target);
  if (at) query.set('at', at);
  const search = query.toString();
  return `/works/${workId}/read${search ? `?${search}` : ''}${at ? `#s-${at}` : ''}`;
}

/** The permalink of a segment. */
export function segmentPermalink(segmentId: string): string {
  return `/s/${segmentId}`;
}
