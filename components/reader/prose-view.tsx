import type { ReaderSegment } from '@/lib/reader/types';

import { displayText, groupBlocks } from './group-blocks';
import { SegmentPermalink } from './segment-permalink';
import { TextWithPageMarks } from './text-with-page-marks';
import { cn } from '../ui/cn';

export interface ProseViewProps {
  segments: readonly ReaderSegment[];
  language: string;
  sourceLanguage: string;
  /** Pages mode: page numbers of the printed edition in the left margin. */
  isPaged: boolean;
  targetId: string | null;
}

const HEADING_TAGS = ['h2', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;
const HEADING_SIZES = ['text-2xl', 'text-2xl', 'text-xl', 'text-lg', 'text-base', 'text-base'];
// Permalinks sit in the right margin, on the line where their segment ends.
const MARGIN_LINK = 'absolute left-full ml-0.5 sm:ml-3';

/** Single-language and pages modes: headings, paragraphs of sentences as prose, footnotes. */
export function ProseView({ segments, language, sourceLanguage, isPaged, targetId }: ProseViewProps) {
  const renderText = (segment: ReaderSegment) => {
    const shown = displayText(segment, language, sourceLanguage);
    if (!shown) return null;
    // Reference offsets are into the source text: show the links only where that text is shown.
    const refs = shown.language === sourceLanguage ? segment.footnoteRefs : [];
    return { ...shown, body: <TextWithPageMarks text={shown.text} pages={isPaged ? segment.pages : []} footnoteRefs={refs} /> };
  };
  const targetClass = (id: string) => (id === targetId ? 'is-target' : undefined);

  return (
    <div lang={language} className="reading">
      {groupBlocks(segments).map((block) => {
        if (block.kind === 'heading') {
          const { segment } = block;
          const shown = renderText(segment);
          const level = Math.min(Math.max(segment.level, 1), 5);
          const Tag = HEADING_TAGS[level] ?? 'h2';
          return (
            <Tag
              key={block.key}
              id={`s-${segment.id}`}
              data-segment={segment.id}
              lang={shown?.isFallback ? shown.language : undefined}
              className={cn('group/seg relative mt-10 mb-4 scroll-mt-28 leading-snug font-semibold text-balance first:mt-0', HEADING_SIZES[level], targetClass(segment.id))}
            >
              {shown?.body}
              <SegmentPermalink segmentId={segment.id} noun="heading" className={MARGIN_LINK} />
            </Tag>
          );
        }
        if (block.kind === 'footnote') {
          const { segment } = block;
          const shown = renderText(segment);
          return (
            <div
              key={block.key}
              role="note"
              id={`s-${segment.id}`}
              data-segment={segment.id}
              lang={shown?.isFallback ? shown.language : undefined}
              className={cn('group/seg relative my-5 scroll-mt-28 border-l-2 border-line-strong pl-4 text-[0.9375rem] leading-relaxed text-ink-soft', targetClass(segment.id))}
            >
              {segment.label && <span className="mr-1 font-sans text-xs font-semibold text-muted">{segment.label}.</span>}
              {shown?.body}
              {segment.referencedBy.map((referrer, index) => (
                <a key={referrer} href={`/s/${referrer}`} className="ml-1 font-sans text-xs text-accent-700 hover:underline" aria-label={`Back to reference ${index + 1}`}>
                  ↩
                </a>
              ))}
              <SegmentPermalink segmentId={segment.id} noun="footnote" className={MARGIN_LINK} />
            </div>
          );
        }
        if (block.sentences.length === 0) return null;
        return (
          <p key={block.key} id={block.paragraphId ? `s-${block.paragraphId}` : undefined} className="relative my-5 scroll-mt-28">
            {block.sentences.map((sentence) => {
              const shown = renderText(sentence);
              return (
                <span key={sentence.id}>
                  <span
                    id={`s-${sentence.id}`}
                    data-segment={sentence.id}
                    lang={shown?.isFallback ? shown.language : undefined}
                    title={shown?.isFallback ? 'Not translated yet: showing the original' : undefined}
                    className={cn('group/seg scroll-mt-28 rounded-sm transition-colors focus-within:bg-accent-50 hover:bg-stone-100', shown?.isFallback && 'text-muted', targetClass(sentence.id))}
                  >
                    {shown?.body}
                    <SegmentPermalink segmentId={sentence.id} noun="sentence" className={MARGIN_LINK} />
                  </span>{' '}
                </span>
              );
            })}
          </p>
        );
      })}
    </div>
  );
}
