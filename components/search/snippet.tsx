import type { SnippetPart } from '@/lib/search/search-library';

/** A hit's text with the matched words marked (plain text parts, never markup from the server). */
export function Snippet({ parts, lang }: { parts: SnippetPart[]; lang: string }) {
  return (
    <p lang={lang} className="font-serif text-lg leading-relaxed">
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
