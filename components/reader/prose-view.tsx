import { useTranslations } from 'next-intl';

import type { ReaderLayout, ReaderSegment } from '@/lib/reader/types';

import { displayText, groupBlocks, groupRuns, speakerToShow, type ParagraphBlock, type ReaderBlock } from './group-blocks';
import { ListMarker, nestedListIndentRem } from './list-marker';
import { SegmentActions } from './segment-actions';
import { SpeakerName } from './speaker-name';
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
// Permalinks and the report action sit in the right margin, from the line where their segment ends.
const MARGIN_LINK = 'absolute left-full ml-0.5 sm:ml-3';

/**
 * Single-language and pages modes: headings, paragraphs of sentences as prose (block quotations
 * indented, list items with their markers, speaker turns with the speaker's name), footnotes.
 */
export function ProseView({ segments, language, sourceLanguage, isPaged, targetId }: ProseViewProps) {
  const t = useTranslations('reader');
  const renderText = (segment: ReaderSegment) => {
    const shown = displayText(segment, language, sourceLanguage);
    if (!shown) return null;
    // Reference offsets are into the source text: show the links only where that text is shown.
    const refs = shown.language === sourceLanguage ? segment.footnoteRefs : [];
    const emphasis = segment.texts[shown.language]?.emphasis ?? [];
    return { ...shown, body: <TextWithPageMarks text={shown.text} pages={isPaged ? segment.pages : []} footnoteRefs={refs} languages={[language, sourceLanguage]} emphasis={emphasis} /> };
  };
  const targetClass = (id: string) => (id === targetId ? 'is-target' : undefined);

  const blocks = groupBlocks(segments);
  const previousLayout = new Map<ReaderBlock, ReaderLayout | null>(blocks.map((block, index) => {
    const previous = blocks[index - 1];
    return [block, previous?.kind === 'paragraph' ? previous.layout : null];
  }));

  /** A paragraph's sentences, after the speaker's name when a turn begins. */
  const renderSentences = (block: ParagraphBlock) => {
    const speaker = speakerToShow(block.layout, previousLayout.get(block));
    return (
      <>
        {speaker && <SpeakerName name={speaker} />}
        {block.sentences.map((sentence) => {
          const shown = renderText(sentence);
          return (
            <span key={sentence.id}>
              <span
                id={`s-${sentence.id}`}
                data-segment={sentence.id}
                lang={shown?.isFallback ? shown.language : undefined}
                title={shown?.isFallback ? t('notTranslatedYet') : undefined}
                className={cn('group/seg scroll-mt-28 rounded-sm transition-colors focus-within:bg-accent-50 hover:bg-stone-100', shown?.isFallback && 'text-muted', targetClass(sentence.id))}
              >
                {shown?.body}
                <SegmentActions segmentId={sentence.id} noun="sentence" reportLanguages={shown ? [shown.language] : []} className={MARGIN_LINK} />
              </span>{' '}
            </span>
          );
        })}
      </>
    );
  };
  const paragraphId = (block: ParagraphBlock) => (block.paragraphId ? `s-${block.paragraphId}` : undefined);

  const renderBlock = (block: ReaderBlock) => {
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
          <SegmentActions segmentId={segment.id} noun="heading" reportLanguages={shown ? [shown.language] : []} className={MARGIN_LINK} />
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
            <a key={referrer} href={`/s/${referrer}`} className="ml-1 font-sans text-xs text-accent-700 hover:underline" aria-label={t('backToReference', { n: index + 1 })}>
              ↩
            </a>
          ))}
          <SegmentActions segmentId={segment.id} noun="footnote" reportLanguages={shown ? [shown.language] : []} className={MARGIN_LINK} />
        </div>
      );
    }
    if (block.sentences.length === 0) return null;
    return (
      <p key={block.key} id={paragraphId(block)} data-layout={block.layout.style === 'PROSE' ? undefined : block.layout.style} className="relative my-5 scroll-mt-28">
        {renderSentences(block)}
      </p>
    );
  };

  return (
    <div lang={language} className="reading">
      {groupRuns(blocks).map((run) => {
        if (run.kind === 'block') return renderBlock(run.block);
        const paragraphs = run.paragraphs.filter((block) => block.sentences.length > 0);
        if (paragraphs.length === 0) return null;
        if (run.kind === 'quote') {
          return (
            // The quotation is the positioned box, so page numbers and permalinks stay in the margins.
            <blockquote key={run.key} className="relative my-5">
              <div className="ml-2 border-l-2 border-line-strong pl-4 text-[0.96em] text-ink-soft sm:ml-4">
                {paragraphs.map((block) => (
                  <p key={block.key} id={paragraphId(block)} data-layout="QUOTE" className="my-3 scroll-mt-28 first:mt-0 last:mb-0">
                    {renderSentences(block)}
                  </p>
                ))}
              </div>
            </blockquote>
          );
        }
        return (
          <ul key={run.key} role="list" className="my-5 list-none space-y-2 pl-0">
            {paragraphs.map((block) => (
              <li
                key={block.key}
                id={paragraphId(block)}
                data-layout="LIST_ITEM"
                data-depth={block.layout.depth}
                aria-level={block.layout.depth > 0 ? block.layout.depth + 1 : undefined}
                className="relative scroll-mt-28 pl-8"
                style={block.layout.depth > 0 ? { marginLeft: `${nestedListIndentRem(block.layout.depth)}rem` } : undefined}
              >
                {block.layout.marker && <ListMarker marker={block.layout.marker} className="absolute top-0 left-0 w-7 pr-1.5 text-right" />}
                {renderSentences(block)}
              </li>
            ))}
          </ul>
        );
      })}
    </div>
  );
}
