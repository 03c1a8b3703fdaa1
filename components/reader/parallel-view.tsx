import { useTranslations } from 'next-intl';

import type { ReaderSegment } from '@/lib/reader/types';

import { speakerToShow } from './group-blocks';
import { ListMarker, nestedListIndentRem } from './list-marker';
import { SegmentActions } from './segment-actions';
import { SpeakerName } from './speaker-name';
import { TextWithPageMarks } from './text-with-page-marks';
import { cn } from '../ui/cn';

export interface ParallelViewProps {
  segments: readonly ReaderSegment[];
  sourceLanguage: string;
  targetLanguage: string | null;
  languageNames: Record<string, string>;
  targetId: string | null;
}

/** Alignments below this confidence are flagged for a person to check. */
const LOW_CONFIDENCE = 0.5;

/**
 * Rows of the parallel view: a source segment, plus the following ones whose translation
 * continues it (one translated sentence covering several source segments).
 */
function groupRows(rows: readonly ReaderSegment[], targetLanguage: string | null): ReaderSegment[][] {
  const groups: ReaderSegment[][] = [];
  for (const row of rows) {
    const continues = targetLanguage !== null && row.texts[targetLanguage]?.continuesPrevious === true;
    const last = groups.at(-1);
    if (continues && last) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

function SourceText({ segment, sourceLanguage, targetLanguage }: { segment: ReaderSegment; sourceLanguage: string; targetLanguage: string | null }) {
  const t = useTranslations('reader');
  return (
    <>
      {segment.kind === 'FOOTNOTE' && segment.label && <span className="mr-1 font-sans text-xs font-semibold text-muted">{segment.label}.</span>}
      {segment.texts[sourceLanguage] ? (
        <TextWithPageMarks
          text={segment.texts[sourceLanguage].text}
          pages={[]}
          footnoteRefs={segment.footnoteRefs}
          languages={targetLanguage ? [sourceLanguage, targetLanguage] : [sourceLanguage]}
          emphasis={segment.texts[sourceLanguage].emphasis}
        />
      ) : (
        <span className="font-sans text-sm text-muted italic">{t('noText')}</span>
      )}
    </>
  );
}

const KIND_CLASS: Record<string, string> = {
  HEADING: 'font-semibold text-lg sm:text-xl leading-snug',
  FOOTNOTE: 'text-[0.9375rem] text-ink-soft',
  SENTENCE: '',
};

/** Extra classes of both cells of a row, by the layout of its paragraph. */
const LAYOUT_CLASS: Record<string, string> = {
  QUOTE: 'text-ink-soft',
  LIST_ITEM: 'relative pl-11',
};
/** A quotation is set in with a rule on its left, on both sides (the translation keeps its own rule on narrow screens). */
const QUOTE_SOURCE = 'ml-2 rounded-l-none border-l-2 border-line-strong pl-4';
/** The translation's cell: below the original and marked by a rule on narrow screens, beside it on wide ones. */
const TARGET = 'ml-3 border-l-2 border-accent-100 sm:ml-0 sm:border-l-0';
const QUOTE_TARGET = 'ml-3 rounded-l-none border-l-2 border-accent-100 sm:ml-2 sm:border-line-strong sm:pl-4';

/**
 * Parallel mode: one row per text-bearing segment, the original on the left and the translation
 * on the right (stacked on narrow screens). A row is one element holding both sides, so hovering
 * or focusing either side highlights the aligned pair together, with CSS alone. The layout of
 * the paragraph is shown on both sides: quotations set in, list items after their marker, and
 * the speaker's name where a turn of a dialogue begins.
 */
export function ParallelView({ segments, sourceLanguage, targetLanguage, languageNames, targetId }: ParallelViewProps) {
  const t = useTranslations('reader');
  const sourceName = languageNames[sourceLanguage] ?? sourceLanguage;
  const targetName = targetLanguage ? (languageNames[targetLanguage] ?? targetLanguage) : t('translationColumn');
  const rows = segments.filter((segment) => segment.kind !== 'PARAGRAPH');
  return (
    <div className="reading">
      <div aria-hidden="true" className="mb-2 hidden grid-cols-2 gap-x-6 border-b border-line pr-14 pb-2 font-sans text-xs font-semibold tracking-wide text-muted uppercase sm:grid">
        <span className="px-3">{t('originalColumn', { language: sourceName })}</span>
        <span className="px-3">{targetName}</span>
      </div>
      <p className="mb-4 font-sans text-sm text-muted sm:hidden">
        {t('parallelIntro', { source: sourceName, target: targetName })}
      </p>
      {groupRows(rows, targetLanguage).map((group, index, groups) => {
        const [segment, ...covered] = group;
        if (!segment) return null;
        const previous = groups[index - 1]?.at(-1);
        const startsParagraph = segment.kind !== 'SENTENCE' || previous?.kind !== 'SENTENCE' || previous.parentId !== segment.parentId;
        const { layout } = segment;
        const speaker = startsParagraph ? speakerToShow(layout, previous?.layout) : null;
        const marker = startsParagraph && layout.style === 'LIST_ITEM' ? layout.marker : null;
        // A nested list item is set in further on both sides, its marker with it (pl-11 and left-3 at the top level).
        const indent = layout.style === 'LIST_ITEM' ? nestedListIndentRem(layout.depth) : 0;
        const cellStyle = indent > 0 ? { paddingLeft: `${2.75 + indent}rem` } : undefined;
        const lead = (
          <>
            {marker && <ListMarker marker={marker} className="absolute top-1.5 left-3 w-7 pr-1.5 text-right" style={indent > 0 ? { left: `${0.75 + indent}rem` } : undefined} />}
            {speaker && <SpeakerName name={speaker} />}
          </>
        );
        const target = targetLanguage ? segment.texts[targetLanguage] : undefined;
        const isLowConfidence = target?.alignScore !== null && target?.alignScore !== undefined && target.alignScore < LOW_CONFIDENCE;
        const cell = cn(
          'rounded-md px-3 py-1.5 transition-colors group-hover/seg:bg-accent-50 group-focus-within/seg:bg-accent-50',
          group.some((member) => member.id === targetId) && 'is-target',
          KIND_CLASS[segment.kind],
          LAYOUT_CLASS[layout.style],
        );
        const isQuote = layout.style === 'QUOTE';
        return (
          <div
            key={segment.id}
            id={`s-${segment.id}`}
            data-segment={segment.id}
            className={cn('group/seg relative grid scroll-mt-28 gap-x-6 pr-14 sm:grid-cols-2', startsParagraph && 'mt-5 first:mt-0', segment.kind === 'HEADING' && 'mt-8')}
          >
            <div lang={sourceLanguage} data-pair="source" data-layout={layout.style === 'PROSE' ? undefined : layout.style} data-depth={indent > 0 ? layout.depth : undefined} className={cn(cell, isQuote && QUOTE_SOURCE)} style={cellStyle}>
              {lead}
              <SourceText segment={segment} sourceLanguage={sourceLanguage} targetLanguage={targetLanguage} />
              {covered.map((member) => (
                // Source segments that one translated sentence covers: each keeps its own anchor.
                <span key={member.id} id={`s-${member.id}`} data-segment={member.id} className="scroll-mt-28">
                  {' '}
                  <SourceText segment={member} sourceLanguage={sourceLanguage} targetLanguage={targetLanguage} />
                </span>
              ))}
            </div>
            <div lang={targetLanguage ?? undefined} data-pair="translation" className={cn(cell, isQuote ? QUOTE_TARGET : TARGET)} style={cellStyle}>
              <span className="sr-only">{t('cellLanguage', { language: targetName })} </span>
              {lead}
              {target?.text ? (
                <TextWithPageMarks text={target.text} pages={[]} emphasis={target.emphasis} />
              ) : (
                <span className="font-sans text-sm text-muted italic">{targetLanguage ? t('notTranslatedCell') : t('noTranslationCell')}</span>
              )}
              {isLowConfidence && (
                <span className="ml-2 align-middle font-sans text-xs text-amber-800" title={t('lowConfidence', { score: target.alignScore ?? 0 })}>
                  {t('checkAlignment')}
                </span>
              )}
            </div>
            <SegmentActions
              segmentId={segment.id}
              noun="passage"
              // The translation is what readers mostly report; the original can be chosen in the dialog.
              reportLanguages={[...(targetLanguage && target ? [targetLanguage] : []), ...(segment.texts[sourceLanguage] ? [sourceLanguage] : [])]}
              className="absolute top-1 right-0"
            />
          </div>
        );
      })}
    </div>
  );
}
