import type { ReaderLayout, ReaderSegment } from '@/lib/reader/types';

/** A paragraph with its sentences and its layout (quotation, list item, speaker turn or prose). */
export interface ParagraphBlock {
  kind: 'paragraph';
  key: string;
  paragraphId: string | null;
  layout: ReaderLayout;
  sentences: ReaderSegment[];
}

/** A unit of prose layout: a heading, a footnote, or a paragraph with its sentences. */
export type ReaderBlock = { kind: 'heading'; key: string; segment: ReaderSegment } | { kind: 'footnote'; key: string; segment: ReaderSegment } | ParagraphBlock;

/**
 * What the prose view renders: a heading, a footnote or a paragraph alone, or consecutive
 * paragraphs of one quotation or one list together (one `<blockquote>`, one `<ul>`).
 */
export type ReaderRun = { kind: 'block'; block: ReaderBlock } | { kind: 'quote' | 'list'; key: string; paragraphs: ParagraphBlock[] };

/**
 * Groups a window of segments (reading order) into blocks. Sentences of one paragraph become one
 * block even when the window starts in the middle of the paragraph (its PARAGRAPH row then lies
 * in an earlier window), and keep the same key once that row is loaded, so React keeps the node.
 * Pure.
 */
export function groupBlocks(segments: readonly ReaderSegment[]): ReaderBlock[] {
  const blocks: ReaderBlock[] = [];
  for (const segment of segments) {
    if (segment.kind === 'HEADING' || segment.kind === 'FOOTNOTE') {
      blocks.push(segment.kind === 'HEADING' ? { kind: 'heading', key: segment.id, segment } : { kind: 'footnote', key: segment.id, segment });
      continue;
    }
    const paragraphId = segment.kind === 'PARAGRAPH' ? segment.id : segment.parentId;
    const last = blocks.at(-1);
    if (segment.kind === 'SENTENCE' && last?.kind === 'paragraph' && last.paragraphId === paragraphId && paragraphId !== null) {
      last.sentences.push(segment);
    } else {
      blocks.push({
        kind: 'paragraph',
        key: paragraphId ?? segment.id,
        paragraphId,
        layout: segment.layout,
        sentences: segment.kind === 'SENTENCE' ? [segment] : [],
      });
    }
  }
  return blocks;
}

/** Groups consecutive quotation paragraphs and consecutive list items into runs. Pure. */
export function groupRuns(blocks: readonly ReaderBlock[]): ReaderRun[] {
  const runs: ReaderRun[] = [];
  for (const block of blocks) {
    const kind = block.kind === 'paragraph' ? RUN_KINDS[block.layout.style] : undefined;
    const last = runs.at(-1);
    if (!kind || block.kind !== 'paragraph') runs.push({ kind: 'block', block });
    else if (last?.kind === kind) last.paragraphs.push(block);
    else runs.push({ kind, key: block.key, paragraphs: [block] });
  }
  return runs;
}

const RUN_KINDS: Partial<Record<ReaderLayout['style'], 'quote' | 'list'>> = { QUOTE: 'quote', LIST_ITEM: 'list' };

/**
 * The speaker's name to show before a paragraph: at the start of each turn, that is when the
 * paragraph before it is not a turn of the same speaker (further paragraphs of a turn go
 * without it). Null for any other paragraph.
 */
export function speakerToShow(layout: ReaderLayout, previous: ReaderLayout | null | undefined): string | null {
  if (layout.style !== 'SPEAKER_TURN' || !layout.speaker) return null;
  return previous?.style === 'SPEAKER_TURN' && previous.speaker === layout.speaker ? null : layout.speaker;
}

/** The text to show for a segment in `language`, falling back to the original where it is missing. */
export function displayText(segment: ReaderSegment, language: string, sourceLanguage: string): { text: string; language: string; isFallback: boolean } | null {
  const own = segment.texts[language];
  if (own) return { text: own.text, language, isFallback: false };
  const source = segment.texts[sourceLanguage];
  return source ? { text: source.text, language: sourceLanguage, isFallback: true } : null;
}
