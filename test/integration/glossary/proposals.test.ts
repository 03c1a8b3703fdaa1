import { beforeAll, describe, expect, it } from 'vitest';

import { ANONYMOUS, type Actor } from '../../../lib/auth/permissions';
import { MAX_WAITING_GLOSSARY_PROPOSALS_PER_AUTHOR } from '../../../lib/config/limits';
import { getDb } from '../../../lib/db/client';
import { AppError } from '../../../lib/errors/app-error';
import { createGlossaryTerm } from '../../../lib/glossary/create-glossary-term';
import { decideGlossaryProposal } from '../../../lib/glossary/decide-glossary-proposal';
import { deleteGlossaryTerm } from '../../../lib/glossary/delete-glossary-term';
import { findGlossaryEntries } from '../../../lib/glossary/find-glossary-entries';
import { findGlossaryHits } from '../../../lib/glossary/find-glossary-hits';
import { findGlossaryProposals } from '../../../lib/glossary/find-glossary-proposals';
import { getGlossaryCollection } from '../../../lib/glossary/get-glossary-collection';
import { proposeGlossaryTerm } from '../../../lib/glossary/propose-glossary-term';
import { proposeGlossaryTranslation } from '../../../lib/glossary/propose-glossary-translation';
import { createGlossaryTermSchema, glossaryDecisionSchema, glossaryListQuerySchema, proposeGlossaryTranslationSchema, updateGlossaryTermSchema } from '../../../lib/glossary/schemas';
import { updateGlossaryTerm } from '../../../lib/glossary/update-glossary-term';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, grantRole } from '../../helpers/factories';

describe('glossary: editors manage, volunteers propose, everyone reads', () => {
  let collectionId: string;
  let otherCollectionId: string;
  let editor: { id: string; actor: Actor };
  let otherEditor: Actor;
  let volunteer: { id: string; actor: Actor };

  const term = (text: string, translations: { text: string; status?: string }[], extra: Record<string, unknown> = {}) => createGlossaryTermSchema.parse({ collectionId, source: 'en', target: 'ru', text, translations, ...extra });
  const decision = (kind: 'term' | 'translation', id: string, decide: 'approve' | 'reject', reason = '') => glossaryDecisionSchema.parse({ collectionId, kind, id, decision: decide, reason });
  const list = (actor: Actor, query: Record<string, unknown> = {}) => findGlossaryEntries({ actor, input: glossaryListQuerySchema.parse({ collectionId, source: 'en', target: 'ru', ...query }) });
  const hitTerms = async (text: string) => ((await findGlossaryHits(getDb(), { collectionId, sourceLanguage: 'en', targetLanguage: 'ru', texts: [text] }))[0] ?? []).map((hit) => [hit.term, hit.translations.map((translation) => translation.text)]);

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    otherCollectionId = (await buildCollection()).id;
    const user = await buildUser({ name: 'Gloria Glossary-Editor' });
    editor = { id: user.id, actor: await grantRole(user.id, collectionId, 'EDITOR') };
    const other = await buildUser();
    otherEditor = await grantRole(other.id, otherCollectionId, 'EDITOR');
    volunteer = await buildUser({ name: 'Victor Volunteer' });
  });

  it('lets an editor add, change and delete terms, and no one else', async () => {
    const added = await createGlossaryTerm({ actor: editor.actor, input: term('kulak', [{ text: 'кулак' }], { partOfSpeech: 'noun', note: 'A well-off peasant.', example: 'The kulaks resisted.' }) });
    expect(added).toMatchObject({ text: 'kulak', state: 'APPROVED', partOfSpeech: 'noun', createdBy: 'Gloria Glossary-Editor', translations: [{ text: 'кулак', status: 'preferred', state: 'APPROVED' }] });
    expect(await errorCodeOf(createGlossaryTerm({ actor: volunteer.actor, input: term('batrak', [{ text: 'батрак' }]) }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(createGlossaryTerm({ actor: ANONYMOUS, input: term('batrak', [{ text: 'батрак' }]) }))).toBe('UNAUTHENTICATED');
    expect(await errorCodeOf(createGlossaryTerm({ actor: otherEditor, input: term('batrak', [{ text: 'батрак' }]) }))).toBe('FORBIDDEN');
    // The same term again, in other case and spacing: one entry per term.
    expect(await errorCodeOf(createGlossaryTerm({ actor: editor.actor, input: term('  Kulak ', [{ text: 'кулак' }]) }))).toBe('CONFLICT');
    expect(await errorCodeOf(createGlossaryTerm({ actor: editor.actor, input: term('(…)', [{ text: 'x' }]) }))).toBe('INVALID_INPUT');

    const changed = await updateGlossaryTerm({
      actor: editor.actor,
      input: updateGlossaryTermSchema.parse({ collectionId, termId: added.id, text: 'kulak', partOfSpeech: 'noun', note: 'A rich peasant.', translations: [{ text: 'кулак', status: 'preferred' }, { text: 'мироед', status: 'forbidden' }] }),
    });
    expect(changed.translations.map((translation) => [translation.text, translation.status])).toEqual([
      ['кулак', 'preferred'],
      ['мироед', 'forbidden'],
    ]);
    expect(await hitTerms('Two kulaks came.')).toEqual([['kulak', ['кулак', 'мироед']]]);
    expect(await errorCodeOf(updateGlossaryTerm({ actor: volunteer.actor, input: updateGlossaryTermSchema.parse({ collectionId, termId: added.id, text: 'kulak', translations: [{ text: 'кулак' }] }) }))).toBe('FORBIDDEN');

    expect(await errorCodeOf(deleteGlossaryTerm({ actor: volunteer.actor, collectionId, termId: added.id }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(deleteGlossaryTerm({ actor: editor.actor, collectionId: otherCollectionId, termId: added.id }))).toBe('FORBIDDEN');
    await deleteGlossaryTerm({ actor: editor.actor, collectionId, termId: added.id });
    expect(await hitTerms('Two kulaks came.')).toEqual([]);
    const events = await getDb().auditEvent.findMany({ where: { collectionId, type: { startsWith: 'glossary.term_' } }, orderBy: { createdAt: 'asc' }, select: { type: true, actorId: true } });
    expect(events).toEqual([
      { type: 'glossary.term_created', actorId: editor.id },
      { type: 'glossary.term_updated', actorId: editor.id },
      { type: 'glossary.term_deleted', actorId: editor.id },
    ]);
  });

  it('lets anyone read the glossary, and only signed-in volunteers propose', async () => {
    await createGlossaryTerm({ actor: editor.actor, input: term('commissar', [{ text: 'комиссар' }]) });
    const page = await list(ANONYMOUS, { q: 'commiss' });
    expect(page.entries.map((entry) => entry.text)).toEqual(['commissar']);
    // An inflected form finds the term, and so does part of a translation.
    expect((await list(ANONYMOUS, { q: 'Commissars' })).entries.map((entry) => entry.text)).toEqual(['commissar']);
    expect((await list(ANONYMOUS, { q: 'комисс' })).entries.map((entry) => entry.text)).toEqual(['commissar']);
    expect(await errorCodeOf(proposeGlossaryTerm({ actor: ANONYMOUS, input: term('sovnarkom', [{ text: 'совнарком' }]) }))).toBe('UNAUTHENTICATED');
    const collection = await getGlossaryCollection({ actor: ANONYMOUS, collectionId });
    expect(collection.abilities).toEqual({ canPropose: false, canManage: false });
    expect((await getGlossaryCollection({ actor: volunteer.actor, collectionId })).abilities).toEqual({ canPropose: true, canManage: false });
    expect((await getGlossaryCollection({ actor: editor.actor, collectionId })).abilities).toEqual({ canPropose: true, canManage: true });
  });

  it('keeps a proposed term out until an editor approves it, and a volunteer may not decide', async () => {
    const proposed = await proposeGlossaryTerm({ actor: volunteer.actor, input: term('narkom', [{ text: 'нарком' }, { text: 'народный комиссар', status: 'admitted' }]) });
    expect(proposed).toMatchObject({ state: 'PROPOSED', createdBy: 'Victor Volunteer' });
    expect(await hitTerms('The narkoms met.')).toEqual([]);
    expect((await list(ANONYMOUS, { q: 'narkom' })).entries).toEqual([]);
    // Proposed twice: refused, it waits already.
    expect(await errorCodeOf(proposeGlossaryTerm({ actor: volunteer.actor, input: term('Narkom', [{ text: 'нарком' }]) }))).toBe('CONFLICT');

    expect(await errorCodeOf(decideGlossaryProposal({ actor: volunteer.actor, input: decision('term', proposed.id, 'approve') }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(findGlossaryProposals({ actor: volunteer.actor, collectionId, scope: 'waiting' }))).toBe('FORBIDDEN');
    const waiting = await findGlossaryProposals({ actor: editor.actor, collectionId, scope: 'waiting' });
    expect(waiting.map((proposal) => [proposal.kind, proposal.term.text, proposal.term.translations.map((translation) => translation.text), proposal.proposedBy])).toContainEqual(['term', 'narkom', ['нарком', 'народный комиссар'], 'Victor Volunteer']);

    expect(await decideGlossaryProposal({ actor: editor.actor, input: decision('term', proposed.id, 'approve') })).toEqual({ kind: 'term', id: proposed.id, state: 'APPROVED' });
    expect(await errorCodeOf(decideGlossaryProposal({ actor: editor.actor, input: decision('term', proposed.id, 'reject', 'Too late.') }))).toBe('CONFLICT');
    expect(await hitTerms('The narkoms met.')).toEqual([['narkom', ['нарком', 'народный комиссар']]]);
  });

  it('turns a proposal down with a reason its author reads', async () => {
    const proposed = await proposeGlossaryTerm({ actor: volunteer.actor, input: term('bolshevik', [{ text: 'большевик' }]) });
    expect(() => glossaryDecisionSchema.parse({ collectionId, kind: 'term', id: proposed.id, decision: 'reject' })).toThrow('Say why');
    await decideGlossaryProposal({ actor: editor.actor, input: decision('term', proposed.id, 'reject', 'Kept as a name: see the style sheet.') });
    expect(await hitTerms('The bolsheviks won.')).toEqual([]);
    const mine = await findGlossaryProposals({ actor: volunteer.actor, collectionId, scope: 'mine' });
    const rejected = mine.find((proposal) => proposal.id === proposed.id);
    expect(rejected?.term).toMatchObject({ state: 'REJECTED', rejectionReason: 'Kept as a name: see the style sheet.', translations: [{ text: 'большевик', state: 'REJECTED' }] });
    // A term turned down may be proposed again.
    const again = await proposeGlossaryTerm({ actor: volunteer.actor, input: term('Bolshevik', [{ text: 'большевик' }]) });
    expect(again.state).toBe('PROPOSED');
    const events = await getDb().auditEvent.findMany({ where: { collectionId, type: 'glossary.proposal_rejected' }, select: { data: true, actorId: true } });
    expect(events).toEqual([{ actorId: editor.id, data: expect.objectContaining({ kind: 'term', id: proposed.id, term: 'bolshevik', reason: 'Kept as a name: see the style sheet.' }) }]);
  });

  it('lets a volunteer propose another translation of an approved term', async () => {
    const approved = await createGlossaryTerm({ actor: editor.actor, input: term('sovnarkhoz', [{ text: 'совнархоз' }]) });
    const proposal = await proposeGlossaryTranslation({ actor: volunteer.actor, input: proposeGlossaryTranslationSchema.parse({ collectionId, termId: approved.id, text: 'совет народного хозяйства', status: 'admitted' }) });
    expect(await errorCodeOf(proposeGlossaryTranslation({ actor: volunteer.actor, input: proposeGlossaryTranslationSchema.parse({ collectionId, termId: approved.id, text: 'Совнархоз' }) }))).toBe('CONFLICT');
    expect(await errorCodeOf(proposeGlossaryTranslation({ actor: volunteer.actor, input: proposeGlossaryTranslationSchema.parse({ collectionId: otherCollectionId, termId: approved.id, text: 'x' }) }))).toBe('NOT_FOUND');
    expect(await hitTerms('A sovnarkhoz.')).toEqual([['sovnarkhoz', ['совнархоз']]]);
    const waiting = await findGlossaryProposals({ actor: editor.actor, collectionId, scope: 'waiting' });
    expect(waiting.find((entry) => entry.id === proposal.id)).toMatchObject({ kind: 'translation', term: { text: 'sovnarkhoz' }, translation: { text: 'совет народного хозяйства', status: 'admitted', state: 'PROPOSED' } });
    expect(await errorCodeOf(decideGlossaryProposal({ actor: otherEditor, input: decision('translation', proposal.id, 'approve') }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(decideGlossaryProposal({ actor: editor.actor, input: { ...decision('translation', proposal.id, 'approve'), collectionId: otherCollectionId } }))).toBe('FORBIDDEN');
    await decideGlossaryProposal({ actor: editor.actor, input: decision('translation', proposal.id, 'approve') });
    expect(await hitTerms('A sovnarkhoz.')).toEqual([['sovnarkhoz', ['совнархоз', 'совет народного хозяйства']]]);
    const mine = await findGlossaryProposals({ actor: volunteer.actor, collectionId, scope: 'mine' });
    expect(mine.find((entry) => entry.id === proposal.id)).toMatchObject({ kind: 'translation', translation: { state: 'APPROVED' } });
  });

  it('takes at most so many waiting proposals from one author, and more once an editor has decided some', async () => {
    const prolific = await buildUser();
    const proposeNumbered = (n: number) => proposeGlossaryTerm({ actor: prolific.actor, input: term(`prolific term ${n}`, [{ text: `термин ${n}` }]) });
    const proposed: string[] = [];
    for (let n = 0; n < MAX_WAITING_GLOSSARY_PROPOSALS_PER_AUTHOR; n++) proposed.push((await proposeNumbered(n)).id);
    const refused = await proposeNumbered(MAX_WAITING_GLOSSARY_PROPOSALS_PER_AUTHOR).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`You have ${MAX_WAITING_GLOSSARY_PROPOSALS_PER_AUTHOR} proposals waiting`) });
    // Translations of approved terms count too; another author is not held up.
    const approved = await createGlossaryTerm({ actor: editor.actor, input: term('prolific approved', [{ text: 'одобренный' }]) });
    expect(await errorCodeOf(proposeGlossaryTranslation({ actor: prolific.actor, input: proposeGlossaryTranslationSchema.parse({ collectionId, termId: approved.id, text: 'принятый' }) }))).toBe('CONFLICT');
    await proposeGlossaryTranslation({ actor: volunteer.actor, input: proposeGlossaryTranslationSchema.parse({ collectionId, termId: approved.id, text: 'принятый' }) });
    await decideGlossaryProposal({ actor: editor.actor, input: decision('term', proposed[0] ?? '', 'reject', 'Not a term.') });
    expect((await proposeNumbered(MAX_WAITING_GLOSSARY_PROPOSALS_PER_AUTHOR)).id).toBeTruthy();
  });

  it('lets two editors renaming two terms to the same text at once save one, the other told of the clash', async () => {
    const first = await createGlossaryTerm({ actor: editor.actor, input: term('serednyak', [{ text: 'середняк' }]) });
    const second = await createGlossaryTerm({ actor: editor.actor, input: term('middle peasant', [{ text: 'середняк' }]) });
    const rename = (termId: string) => updateGlossaryTerm({ actor: editor.actor, input: updateGlossaryTermSchema.parse({ collectionId, termId, text: 'seredniak', translations: [{ text: 'середняк' }] }) }).then(
      () => 'saved',
      (error: unknown) => (error instanceof AppError ? error.code : String(error)),
    );
    const outcomes = await Promise.all([rename(first.id), rename(second.id)]);
    expect(outcomes.sort()).toEqual(['CONFLICT', 'saved']);
    const texts = (await getDb().glossaryTerm.findMany({ where: { id: { in: [first.id, second.id] } }, select: { text: true } })).map((row) => row.text).sort();
    expect(texts).toEqual(texts.includes('serednyak') ? ['serednyak', 'seredniak'] : ['middle peasant', 'seredniak']);
  });
});
