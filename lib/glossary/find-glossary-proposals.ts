import 'server-only';

import { assertCollection, entrySelect, presentEntry, presentTranslation } from './glossary-rows';
import type { GlossaryProposal } from './types';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { getDb, type Db, type Prisma } from '../db/client';

/** Proposals of each kind listed at most (oldest first): past them, decide some first. */
export const MAX_LISTED_PROPOSALS = 200;

/**
 * Proposals for a collection's glossary, oldest first: with `scope: 'waiting'`, those waiting for
 * a decision (editors and admins only: FORBIDDEN for others), with `scope: 'mine'` the actor's
 * own, decided or not, with the reason of those turned down. New terms come with the
 * translations proposed with them; new translations with the approved term they translate.
 * Throws NOT_FOUND (no such collection), UNAUTHENTICATED.
 */
export async function findGlossaryProposals({ actor, collectionId, scope, db = getDb() }: { actor: Actor; collectionId: string; scope: 'waiting' | 'mine'; db?: Db }): Promise<GlossaryProposal[]> {
  await assertCollection(db, collectionId);
  assertCan(actor, scope === 'waiting' ? 'glossary.manage' : 'glossary.propose', { collectionId });
  const userId = actorUserId(actor);
  if (scope === 'mine' && userId === null) return [];
  // Of the actor's own entries, those that were proposals: waiting, turned down, or approved by
  // an editor (what an editor wrote or imported directly was never reviewed). Translations
  // proposed with a term come with it, not on their own.
  const wasProposed = { OR: [{ state: { in: ['PROPOSED' as const, 'REJECTED' as const] } }, { reviewedAt: { not: null } }] };
  const termWhere: Prisma.GlossaryTermWhereInput = scope === 'waiting' ? { collectionId, state: 'PROPOSED' } : { collectionId, createdById: userId, ...wasProposed };
  const translationWhere: Prisma.GlossaryTranslationWhereInput =
    scope === 'waiting'
      ? { state: 'PROPOSED', term: { collectionId, state: 'APPROVED' } }
      : { createdById: userId, ...wasProposed, term: { collectionId, state: 'APPROVED', OR: [{ createdById: null }, { NOT: { createdById: userId } }] } };
  const order = scope === 'waiting' ? ('asc' as const) : ('desc' as const);
  const [terms, translations] = await Promise.all([
    db.glossaryTerm.findMany({ where: termWhere, orderBy: { createdAt: order }, take: MAX_LISTED_PROPOSALS, select: { ...entrySelect, sourceLanguage: true, targetLanguage: true } }),
    db.glossaryTranslation.findMany({
      where: translationWhere,
      orderBy: { createdAt: order },
      take: MAX_LISTED_PROPOSALS,
      select: { ...entrySelect.translations.select, createdAt: true, term: { select: { ...entrySelect, sourceLanguage: true, targetLanguage: true } } },
    }),
  ]);
  const proposals: GlossaryProposal[] = [
    ...terms.map((term): GlossaryProposal => ({ kind: 'term', id: term.id, sourceLanguage: term.sourceLanguage, targetLanguage: term.targetLanguage, term: presentEntry(term, scope === 'waiting' ? ['PROPOSED'] : ['PROPOSED', 'APPROVED', 'REJECTED']), proposedBy: term.createdBy?.name ?? null, proposedAt: term.createdAt.toISOString() })),
    ...translations.map((translation): GlossaryProposal => ({
      kind: 'translation',
      id: translation.id,
      sourceLanguage: translation.term.sourceLanguage,
      targetLanguage: translation.term.targetLanguage,
      term: presentEntry(translation.term),
      translation: presentTranslation(translation),
      proposedBy: translation.createdBy?.name ?? null,
      proposedAt: translation.createdAt.toISOString(),
    })),
  ];
  return proposals.sort((a, b) => (order === 'asc' ? a.proposedAt.localeCompare(b.proposedAt) : b.proposedAt.localeCompare(a.proposedAt)));
}
