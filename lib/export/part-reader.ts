import { readingOf, type DocumentPart } from './plan-parts';
import type { BilingualLayout, BlockSource, ExportBlock, ExportPlan } from './types';

interface Cursor {
  iterator: AsyncIterator<ExportBlock>;
  /** A block read ahead: the first of the next part. */
  peeked: ExportBlock | null;
}

/**
 * The blocks of each part, asked for in writing order: each pass of a work is read once, from
 * its start to its end in the source's batches, and cut into parts at their order keys — not
 * one query per part, which for a volume cut into hundreds of files would be most of the time.
 * Pure (given its source).
 */
export class PartReader {
  private readonly cursors = new Map<string, Cursor>();

  constructor(
    private readonly plan: Pick<ExportPlan, 'languages'>,
    private readonly layout: BilingualLayout,
    private readonly source: BlockSource,
  ) {}

  /** The blocks of `part`; parts of one work and pass must be asked for in order. */
  async *blocks(part: DocumentPart): AsyncGenerator<ExportBlock> {
    const cursor = this.cursorOf(part);
    for (;;) {
      const block = cursor.peeked ?? (await this.next(cursor));
      cursor.peeked = null;
      if (!block) return;
      // Blocks are cut at the part's end; the pages left over at a work's end go with the last part read.
      if (part.to !== undefined && block.kind !== 'pages' && block.orderKey >= part.to) {
        cursor.peeked = block;
        return;
      }
      yield block;
    }
  }

  private cursorOf(part: DocumentPart): Cursor {
    const key = `${part.work.id}\n${part.pass}`;
    let cursor = this.cursors.get(key);
    if (!cursor) {
      const reading = readingOf(this.plan, this.layout, part);
      const blocks = this.source.blocks({ work: part.work, from: undefined, to: undefined, languages: reading.languages, hasPages: reading.hasPages, hasNotes: reading.hasNotes });
      cursor = { iterator: blocks[Symbol.asyncIterator](), peeked: null };
      this.cursors.set(key, cursor);
    }
    return cursor;
  }

  private async next(cursor: Cursor): Promise<ExportBlock | null> {
    const result = await cursor.iterator.next();
    return result.done ? null : result.value;
  }
}
