import type { SnippetPart } from '@/lib/search/search-library';

import { cn } from '../ui/cn';

/**
 * A hit's text with the matched words marked (plain text parts, never markup from the server).
 * `size` is the text's size class (the search page's large serif by default).
 */
export function Snippet({ parts, lang, size = 'text-lg' }: { parts: SnippetPart[]; lang: string; size?: 'text-lg' | 'text-base' | 'text-sm' }) {
  return (
    <p lang={lang} className={cn('font-serif leading-relaxed', size)}>
      {parts.map((part, index) =>
        part.isMatch ? (
          <mark key={index} className="rounded-sm bg-amber-100 px-0.5 text-ink">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
