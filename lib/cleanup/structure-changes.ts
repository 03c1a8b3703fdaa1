import type { BlockMark } from './types';

/** A paragraph a structure rule laid out, as the import preview lists it beside the edits. */
export interface StructureChange {
  /** Offset of the paragraph in the cleaned text. */
  offset: number;
  /** What the rule made of it: "Speaker turn: Wells", "List item 3.", "Quotation". */
  label: string;
  /** The layout, for the interface to name in its language: who speaks, the list's marker and level. */
  style: 'SPEAKER_TURN' | 'LIST_ITEM' | 'QUOTE';
  speaker?: string;
  marker?: string;
  /** How deep a list item's list is nested (0: not nested). */
  depth?: number;
  /** The paragraph's first words, as it will read (without its speaker's name or list marker). */
  excerpt: string;
}

const EXCERPT_CHARS = 80;

/** How the preview names a paragraph's layout. */
export function describeBlock(block: BlockMark): string | null {
  switch (block.style) {
    case 'SPEAKER_TURN':
      return `Speaker turn: ${block.speaker ?? ''}`.trim();
    case 'LIST_ITEM':
      return `List item${block.marker ? ` ${block.marker}` : ''}${block.depth ? ` (level ${block.depth + 1})` : ''}`;
    case 'QUOTE':
      return 'Quotation';
    default:
      // A PROSE mark only ends a quotation: nothing to review.
      return null;
  }
}

/**
 * The structure the cleanup found in `[start, end)` of the cleaned text (speaker turns, list
 * items, quotations), in text order: rules that edit no character but change how paragraphs are
 * read, shown so that they can be reviewed like the edits. `blocks` sorted by start.
 */
export function structureChanges(text: string, blocks: readonly BlockMark[], start: number, end: number): StructureChange[] {
  const changes: StructureChange[] = [];
  for (const block of blocks) {
    if (block.start < start) continue;
    if (block.start >= end) break;
    const label = describeBlock(block);
    if (label === null || block.style === 'PROSE') continue;
    const lineEnd = text.indexOf('\n', block.end);
    const line = text.slice(block.end, lineEnd < 0 ? text.length : lineEnd).replace(/\s+/gu, ' ').trim();
    changes.push({ offset: block.start, label, style: block.style, speaker: block.speaker, marker: block.marker, depth: block.depth, excerpt: line.length > EXCERPT_CHARS ? `${line.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : line });
  }
  return changes;
}
