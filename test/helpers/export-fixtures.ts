import { buildWork } from './factories';
import { getDb, withTransaction } from '../../lib/db/client';
import { writeRevision } from '../../lib/revision/write-revision';


/**
 * A made-up work with everything a download lays out: a title and a chapter heading, printed
 * pages, numbered notes at its end and an asterisk note at the foot of its page, a quotation, a
 * list and a dialogue of speaker turns.
 */
export const LAID_OUT_TEXT = [
  'ON THE HARVEST AT LOWFIELD',
  '',
  '[Page 7] The delegates argued about the harvest for a long time.1 Nobody agreed on the figures, and the',
  'meeting was adjourned until the week after, when the reports arrived and were read out.2',
  '',
  'II. THE SECOND MEETING',
  '',
  'He skipped over* the stage, as the author said of it, and went on to the next',
  'thing that had to be done, which he did [Page 8] without a word to anybody at all.',
  '* My italics.',
  '',
  'The chairman then read the resolution of the district to the whole hall, slowly and twice over.',
  '',
  '      The committee shall meet again when the roads are open and the carts can pass.',
  '',
  'Nobody in the hall said anything against it, and the meeting went on to the next matter of the day.',
  '',
  '• Seed for the spring sowing.',
  '• Horses for the carts.',
  '',
  'Ada: Shall we begin with the bridge at Lowfield?',
  '',
  'Brook: Yes. It was closed in May by the flood.',
  '',
  'Ada: Who closed it after the flood?',
  '',
  'Brook: The council did, without a word to the farmers.',
  '',
  'NOTES',
  '1 The harvest of that year was the worst in a decade.',
  '2 The reports came from the provincial committees.',
].join('\n');

/** Text no download may let through as markup, and characters no XML may carry. */
export const HOSTILE_TEXT = 'Close <script>alert("x")</script> & ]]> <![CDATA[ x ]]> \u0001\u0008\u001b[31m red \u200f\u202eRTL\u202c \u200d' + 'Ω'.repeat(3) + ' ' + 'a'.repeat(4000) + ' end.';

/** The laid-out work imported into a collection of its own (or `collectionId`). */
export async function buildLaidOutWork({ title, collectionId }: { title: string; collectionId?: string }) {
  return buildWork({ text: LAID_OUT_TEXT, filename: 'harvest.txt', title, ...(collectionId ? { collectionId } : {}) });
}

/**
 * Opens `language` for a work and publishes a translation of each of its live text segments, as
 * `translate` makes it from the original (null: left untranslated), authored by `authorId`.
 */
export async function translateWork({ workId, language, translate, authorId = null, translator = '' }: { workId: string; language: string; translate: (text: string, kind: string) => string | null; authorId?: string | null; translator?: string }): Promise<void> {
  const db = getDb();
  const work = await db.work.findUniqueOrThrow({ where: { id: workId }, select: { sourceLanguage: true } });
  await db.workLanguage.create({ data: { workId, language, translator } });
  const segments = await db.segment.findMany({
    where: { workId, retiredAt: null, kind: { not: 'PARAGRAPH' } },
    orderBy: { orderKey: 'asc' },
    select: { id: true, kind: true, texts: { where: { language: work.sourceLanguage }, select: { publishedRevision: { select: { text: true } } } } },
  });
  await withTransaction(db, async (tx) => {
    for (const segment of segments) {
      const original = segment.texts[0]?.publishedRevision?.text;
      if (original === undefined) continue;
      const text = translate(original, segment.kind);
      if (text === null) continue;
      await writeRevision({ tx, segmentId: segment.id, language, text, origin: 'EDIT', authorId, expectedRevisionId: null });
    }
  });
}

/** Publishes `text` (with `emphasis`) as a segment's text in `language`, replacing what was published. */
export async function publishText({ segmentId, language, text, emphasis }: { segmentId: string; language: string; text: string; emphasis?: { start: number; end: number }[] }): Promise<void> {
  const db = getDb();
  const current = await db.segmentText.findUnique({ where: { segmentId_language: { segmentId, language } }, select: { publishedRevisionId: true } });
  await withTransaction(db, (tx) => writeRevision({ tx, segmentId, language, text, ...(emphasis ? { emphasis } : {}), origin: 'EDIT', authorId: null, expectedRevisionId: current?.publishedRevisionId ?? null }));
}

/** A volume made of `workIds` in that order (their collection's). */
export async function buildVolume({ title, workIds }: { title: string; workIds: string[] }): Promise<string> {
  const db = getDb();
  const first = await db.work.findUniqueOrThrow({ where: { id: workIds[0] }, select: { collectionId: true } });
  const volume = await db.volume.create({ data: { title, collectionId: first.collectionId, author: 'Anne Author', sourceEdition: `${title}, Lowfield 1931` }, select: { id: true } });
  for (const [position, id] of workIds.entries()) await db.work.update({ where: { id }, data: { volumeId: volume.id, volumePosition: position } });
  return volume.id;
}

