import 'server-only';

import { getWorkDetails, type WorkDetails } from './get-work-overview';
import type { LanguageProgress } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { liveSegmentsOf } from '../auth/scope';
import { getDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { emphasisFromPairs } from '../segment/emphasis';

/**
 * The first line of the JSONL export: the work itself — its metadata, where it was printed and its
 * place in its volume, its languages with their provenance and progress.
 */
export type ExportedWork = { type: 'work' } & Pick<WorkDetails, 'id' | 'title' | 'author' | 'dateText' | 'sourceLanguage' | 'sourceEdition' | 'provenance' | 'sourceUrl' | 'tags' | 'licence'> & {
  collection: { id: string; title: string };
  /** The volume and the work's place in it (from 0, front and back matter included), or null. */
  volume: { id: string; title: string; position: number; count: number; part: 'work' | 'front_matter' | 'back_matter'; previousId: string | null; nextId: string | null } | null;
  /** Its languages with their provenance and progress (`published` of `total` text-bearing segments). */
  languages: (Omit<LanguageProgress, 'approved'> & { published: number })[];
};

/** One line of the JSONL export after the first: a segment, with the same data the reader shows. */
export interface ExportedSegment {
  type: 'segment';
  id: string;
  kind: 'heading' | 'paragraph' | 'sentence' | 'footnote';
  order: string;
  /** Label of the printed page that begins in this segment, or null. */
  page: string | null;
  /** Layout of a paragraph: "prose", "quote", "list_item" or "speaker_turn" ("prose" for other kinds). */
  style: 'prose' | 'quote' | 'list_item' | 'speaker_turn';
  /** A heading's level (1 = top), a list item's depth of nesting (0: not nested), else 0. */
  level: number;
  /** Who speaks in a speaker turn, or null. */
  speaker: string | null;
  /** A footnote's label or a list item's marker ("1", "1.", "a)", "•"), or null. */
  label: string | null;
  texts: Record<string, string>;
  status: Record<string, string>;
  /**
   * Emphasised stretches of the texts that have any (italics, letter-spaced words): language →
   * `[start, end]` pairs, offsets into that language's text in UTF-16 code units, end exclusive.
   */
  emphasis: Record<string, [number, number][]>;
}

const BATCH = 2000;

/**
 * Yields a work as JSONL lines (each ending with "\n"): first the work ({@link ExportedWork}),
 * then its segments in reading order ({@link ExportedSegment}), read in batches so memory stays
 * flat for long works. `details`: the work's, when the caller has read them already. Throws NOT_FOUND.
 */
export async function* exportWorkJsonl({ actor, workId, details, db = getDb() }: { actor: Actor; workId: string; details?: WorkDetails; db?: Db }): AsyncGenerator<string> {
  assertCan(actor, 'work.export');
  if (!isUuid(workId)) throw new AppError('NOT_FOUND', 'work.notFound');
  yield `${JSON.stringify(exportedWork(details ?? (await getWorkDetails({ actor, workId, db }))))}\n`;
  let after: string | undefined;
  for (;;) {
    const rows = await db.segment.findMany({
      where: { ...liveSegmentsOf(workId), ...(after === undefined ? {} : { orderKey: { gt: after } }) },
      orderBy: { orderKey: 'asc' },
      take: BATCH,
      select: {
        id: true, kind: true, level: true, orderKey: true, style: true, speaker: true, label: true,
        anchors: { select: { label: true }, orderBy: { charOffset: 'asc' }, take: 1 },
        texts: { select: { language: true, status: true, publishedRevision: { select: { text: true, emphasis: true } } }, orderBy: { language: 'asc' } },
      },
    });
    for (const row of rows) {
      const line: ExportedSegment = {
        type: 'segment',
        id: row.id,
        kind: row.kind.toLowerCase() as ExportedSegment['kind'],
        order: row.orderKey,
        page: row.anchors[0]?.label ?? null,
        style: row.style.toLowerCase() as ExportedSegment['style'],
        level: row.level,
        speaker: row.speaker,
        label: row.label,
        texts: Object.fromEntries(row.texts.flatMap((t) => (t.publishedRevision ? [[t.language, t.publishedRevision.text]] : []))),
        status: Object.fromEntries(row.texts.map((t) => [t.language, t.status])),
        emphasis: Object.fromEntries(
          row.texts.flatMap((t) => {
            const spans = emphasisFromPairs(t.publishedRevision?.emphasis);
            return spans.length > 0 ? [[t.language, spans.map((span): [number, number] => [span.start, span.end])]] : [];
          }),
        ),
      };
      yield `${JSON.stringify(line)}\n`;
    }
    if (rows.length < BATCH) return;
    after = rows.at(-1)?.orderKey;
  }
}

function exportedWork(work: WorkDetails): ExportedWork {
  return {
    type: 'work',
    id: work.id,
    title: work.title,
    author: work.author,
    dateText: work.dateText,
    sourceLanguage: work.sourceLanguage,
    sourceEdition: work.sourceEdition,
    provenance: work.provenance,
    sourceUrl: work.sourceUrl,
    tags: work.tags,
    licence: work.licence,
    collection: { id: work.collection.id, title: work.collection.title },
    volume: work.volume && {
      id: work.volume.id,
      title: work.volume.title,
      position: work.volume.position,
      count: work.volume.count,
      part: work.volume.part.toLowerCase() as 'work' | 'front_matter' | 'back_matter',
      previousId: work.volume.previous?.id ?? null,
      nextId: work.volume.next?.id ?? null,
    },
    languages: work.languages.map(({ approved, ...language }) => ({ ...language, published: approved })),
  };
}
