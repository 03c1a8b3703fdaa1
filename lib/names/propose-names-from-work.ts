import 'server-only';

import { buildNameFormRows, insertNameForms, nameLabel, type NameFormInput } from './name-forms';
import { nameWords } from './name-words';
import { lockCollectionNames } from './refresh-name-mentions';
import { scanTexts } from './scan-texts';
import type { ProposeNamesInput } from './schemas';
import { findNameCandidates, type NameCandidate, type SeedSide } from './seed-candidates';
import { stemWords } from './stem-words';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { liveSegmentSql } from '../auth/scope';
import { MAX_NAME_PROPOSALS } from '../config/limits';
import { getDb, type DbClient, type Prisma } from '../db/client';
import { uuidv7Batch } from '../db/uuid';
import { AppError } from '../errors/app-error';

/** What a seeding did: the names it proposed, and how many it found known already (in any status, rejected ones included). */
export interface ProposeNamesResult {
  proposed: { id: string; label: string }[];
  known: number;
}

/**
 * Proposes the persons and places a work names (docs/names.md, "Seeding"): reads the published
 * texts of its live segments, the source's and each translation's, finds the capitalised words
 * that recur as names do ({@link findNameCandidates}: inflected Russian forms grouped by the
 * snowball stemmer, each source name paired with its form in a translation by co-occurrence in
 * the same segments), leaves out what the collection's names already cover in any status (a
 * rejected proposal is never proposed again: its forms are kept), and stores the rest, the most
 * frequent {@link MAX_NAME_PROPOSALS}, as proposals for editors, each with its source form and
 * paired forms preferred (observed) and its transliterations. Throws NOT_FOUND (no such work),
 * UNAUTHENTICATED, FORBIDDEN.
 */
export async function proposeNamesFromWork({ actor, input, db = getDb() }: { actor: Actor; input: ProposeNamesInput; db?: DbClient }): Promise<ProposeNamesResult> {
  const work = await db.work.findUnique({ where: { id: input.workId }, select: { id: true, collectionId: true, sourceLanguage: true } });
  if (!work) throw new AppError('NOT_FOUND', 'work.notFoundThat');
  assertCan(actor, 'names.manage', { collectionId: work.collectionId });
  const rows = await db.$queryRaw<{ segment_id: string; language: string; text: string }[]>`
    SELECT s.id AS segment_id, st.language, r.text
      FROM segment s
      JOIN segment_text st ON st.segment_id = s.id
      JOIN revision r ON r.id = st.published_revision_id
     WHERE s.work_id = ${work.id}::uuid AND s.kind <> 'PARAGRAPH' AND ${liveSegmentSql('s')}
     ORDER BY s.order_key, st.language`;
  const sides = new Map<string, SeedSide & { texts: { segmentId: string; text: string }[] }>();
  for (const row of rows) {
    const side = sides.get(row.language) ?? { language: row.language, texts: [] };
    sides.set(row.language, side);
    side.texts.push({ segmentId: row.segment_id, text: row.text });
  }
  const source = sides.get(work.sourceLanguage) ?? { language: work.sourceLanguage, texts: [] };
  const translations = [...sides.values()].filter((side) => side.language !== work.sourceLanguage);
  // Every word of other scripts than Latin, lower-case ones too: a word written in lower case
  // elsewhere (by its stem) is a common word, not a name.
  const stemOf = await stemWords(
    db,
    [...sides.values()].flatMap((side) => side.texts.flatMap(({ text }) => nameWords(text).filter((word) => !word.isLatin).map((word) => ({ key: word.key, language: side.language })))),
  );
  const candidates = findNameCandidates({ source, translations, stemOf: (key, language) => stemOf({ key, language }) });

  return db.$transaction(
    async (tx) => {
      await lockCollectionNames(tx, work.collectionId);
      const known = await knownCandidates(tx, work.collectionId, source.language, candidates);
      const fresh = candidates.filter((_, index) => !known.has(index)).slice(0, MAX_NAME_PROPOSALS);
      const ids = uuidv7Batch(fresh.length);
      const formRows = await buildNameFormRows(
        tx,
        fresh.map((candidate, index) => ({
          nameId: ids[index] as string,
          collectionId: work.collectionId,
          kind: candidate.kind,
          forms: candidate.forms.map((form): NameFormInput => ({ text: form.text, language: form.language, isPreferred: true, origin: 'OBSERVED' })),
        })),
      );
      const proposed = fresh.map((candidate, index) => ({ id: ids[index] as string, kind: candidate.kind, ...nameLabel(formRows[index] ?? []) }));
      if (proposed.length > 0) {
        await tx.nameEntry.createMany({
          data: proposed.map((name) => ({ id: name.id, collectionId: work.collectionId, kind: name.kind, status: 'PROPOSED' as const, createdById: actorUserId(actor), label: name.label, sortKey: name.sortKey })),
        });
        await insertNameForms(tx, formRows.flat());
      }
      await recordAuditEvent({ db: tx, type: 'names.proposed', actorId: actorUserId(actor), collectionId: work.collectionId, workId: work.id, data: { proposed: proposed.length, known: known.size } });
      return { proposed: proposed.map(({ id, label }) => ({ id, label })), known: known.size };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/**
 * The candidates (by index) that a name of the collection already covers, in any status: one of
 * their spellings, or a paired form, is recognised as one of its forms.
 */
async function knownCandidates(tx: Prisma.TransactionClient, collectionId: string, sourceLanguage: string, candidates: readonly NameCandidate[]): Promise<Set<number>> {
  const byLanguage = new Map<string, { index: number; text: string }[]>();
  candidates.forEach((candidate, index) => {
    const add = (language: string, text: string) => byLanguage.set(language, [...(byLanguage.get(language) ?? []), { index, text }]);
    for (const spelling of candidate.spellings) add(sourceLanguage, spelling);
    for (const form of candidate.forms) add(form.language, form.text);
  });
  const known = new Set<number>();
  for (const [language, entries] of byLanguage) {
    const scanned = await scanTexts(tx, { collectionId, language, texts: entries.map((entry) => entry.text), statuses: ['PROPOSED', 'CONFIRMED', 'REJECTED'] });
    scanned.forEach((result, i) => {
      if (result.mentions.length > 0) known.add((entries[i] as { index: number }).index);
    });
  }
  return known;
}
