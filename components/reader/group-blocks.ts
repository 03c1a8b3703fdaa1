import type { ReaderSegment } from '@/lib/reader/types';

/** A unit of prose layout: a heading, a footnote, or a paragraph with its sentences. */
export type ReaderBlock =
  | { kind: 'heading'; key: string; segment: ReaderSegment }
  | { kind: 'footnote'; key: string; segment: ReaderSegment }
  | { kind: 'paragraph'; key: string; paragraphId: string | null; sentences: ReaderSegment[] };

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
        sentences: segment.kind === 'SENTENCE' ? [segment] : [],
      });
    }
  }
  return blocks;
}

/** The text to show for a segment in `language`, falling back to the original where it is missing. */
export function displayText(segment: ReaderSegment, language: string, sourceLanguage: string): { text: string; language: string; isFallback: boolean } | null {
  const own = segment.texts[language];
  if (own) return { text: own.text, language, isFallback: false };
  const source = segment.texts[sourceLanguage];
  return source ? { text: source.text, language: sourceLanguage, isFallback: true } : null;
}
