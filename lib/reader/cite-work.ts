import 'server-only';

import { z } from 'zod';

import { formatCitation, type FormattedCitation } from './format-citation';
import { assertCan, type Actor } from '../auth/permissions';
import { liveSegment } from '../auth/scope';
import { getDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';
import { languageTagSchema } from '../library/language-tag';

export const citeWorkInput = z.object({
  workId: z.string().uuid(),
  /** The passage cited (its pages and permalink are cited); the whole work when absent. */
  segment: z.string().uuid().optional(),
  /** The language cited (a translation is cited with its translator); the original when absent. */
  lang: languageTagSchema.optional(),
});
export type CiteWorkInput = z.infer<typeof citeWorkInput>;

export interface WorkCitation extends FormattedCitation {
  /** The printed pages of the passage in the source edition, when known. */
  pages: { first: string; last: string } | null;
  /** The address of the passage's first page (`/works/:id/page/:label`), when known. */
  pageUrl: string | null;
  url: string;
}

/**
 * A citation of a work, or of one passage with the printed pages it lies on (the page anchors of
 * the source edition: the page begun last before the passage, and any begun inside it), in the
 * language read, as Chicago note and bibliography entry, BibTeX and CSL-JSON. `baseUrl` is the
 * app's public address. Throws NOT_FOUND (no such work, passage or language).
 */
export async function citeWork({ actor, input, baseUrl, now = new Date(), db = getDb() }: { actor: Actor; input: CiteWorkInput; baseUrl: string; now?: Date; db?: Db }): Promise<WorkCitation> {
  assertCan(actor, 'work.read');
  const { workId, segment: segmentId, lang } = parseInput(citeWorkInput, input);
  const work = await db.work.findUnique({ where: { id: workId }, select: { id: true, title: true, author: true, dateText: true, sourceEdition: true, sourceUrl: true, sourceLanguage: true } });
  if (!work) throw new AppError('NOT_FOUND', 'work.notFound');
  const language = lang ?? work.sourceLanguage;
  const translation =
    language === work.sourceLanguage
      ? null
      : await db.workLanguage.findUnique({ where: { workId_language: { workId, language } }, select: { translator: true, edition: true } });
  if (language !== work.sourceLanguage && !translation) throw new AppError('NOT_FOUND', 'reader.notReadIn', { values: { language } });

  const base = baseUrl.replace(/\/+$/u, '');
  let pages: WorkCitation['pages'] = null;
  let url = `${base}/works/${work.id}`;
  if (segmentId !== undefined) {
    pages = await pagesOf(db, work.id, segmentId, language);
    url = `${base}/s/${segmentId}`;
  }
  const formatted = formatCitation({
    workId: work.id,
    title: work.title,
    author: work.author,
    dateText: work.dateText,
    edition: work.sourceEdition,
    sourceUrl: work.sourceUrl,
    language,
    translation: translation ? { translator: translation.translator || null, edition: translation.edition || null } : null,
    pages,
    url,
    accessed: now,
  });
  return { ...formatted, pages, pageUrl: pages ? `${base}/works/${work.id}/page/${encodeURIComponent(pages.first)}` : null, url };
}

/** Most segments one translated sentence is taken to cover when citing it (a 2–1 bead has two). */
const MAX_GROUP_SEGMENTS = 20;

/**
 * The printed pages a live passage of the work lies on: the page begun last before it (or at its
 * very start), to the last page begun inside it — or inside the segments its text in `language`
 * covers too (those that continue it, shown with it as one row). Null when no page is known.
 * Throws NOT_FOUND.
 */
async function pagesOf(db: Db, workId: string, segmentId: string, language: string): Promise<{ first: string; last: string } | null> {
  const segment = isUuid(segmentId) ? await db.segment.findFirst({ where: { id: segmentId, workId, ...liveSegment }, select: { orderKey: true } }) : null;
  if (!segment) throw new AppError('NOT_FOUND', 'reader.passageNotInWork');
  const following = await db.segment.findMany({
    where: { workId, ...liveSegment, kind: { not: 'PARAGRAPH' }, orderKey: { gt: segment.orderKey } },
    orderBy: { orderKey: 'asc' },
    take: MAX_GROUP_SEGMENTS,
    select: { id: true, texts: { where: { language }, select: { continuesPrevious: true } } },
  });
  const end = following.findIndex((next) => !next.texts[0]?.continuesPrevious);
  const covered = [segmentId, ...following.slice(0, end === -1 ? following.length : end).map((next) => next.id)];
  const [inside, before] = await Promise.all([
    db.pageAnchor.findMany({ where: { workId, segmentId: { in: covered } }, orderBy: [{ segment: { orderKey: 'asc' } }, { charOffset: 'asc' }], select: { label: true, charOffset: true, segmentId: true } }),
    db.pageAnchor.findFirst({
      where: { workId, segment: { ...liveSegment, orderKey: { lt: segment.orderKey } } },
      orderBy: [{ segment: { orderKey: 'desc' } }, { charOffset: 'desc' }],
      select: { label: true },
    }),
  ]);
  const atStart = inside.find((anchor) => anchor.segmentId === segmentId && anchor.charOffset === 0);
  const first = atStart?.label ?? before?.label ?? inside[0]?.label;
  if (first === undefined) return null;
  return { first, last: inside.at(-1)?.label ?? first };
}
