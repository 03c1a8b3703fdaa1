import { beforeAll, describe, expect, it } from 'vitest';

import { SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { createGlossaryTerm } from '../../../lib/glossary/create-glossary-term';
import { findGlossaryHits } from '../../../lib/glossary/find-glossary-hits';
import { proposeGlossaryTerm } from '../../../lib/glossary/propose-glossary-term';
import { createGlossaryTermSchema } from '../../../lib/glossary/schemas';
import { containsStemSequence } from '../../../lib/glossary/stem-sequence';
import { stemTokens } from '../../../lib/glossary/stem-tokens';
import type { GlossaryHit } from '../../../lib/glossary/types';
import { buildCollection, buildUser } from '../../helpers/factories';

type Translation = { text: string; status?: 'preferred' | 'admitted' | 'forbidden' };

describe('recognising glossary terms in texts (PostgreSQL stemming)', () => {
  let collectionId: string;
  let otherCollectionId: string;

  const add = (source: string, target: string, text: string, translations: Translation[], extra: { partOfSpeech?: string; note?: string; collection?: string } = {}) =>
    createGlossaryTerm({ actor: SYSTEM_ACTOR, input: createGlossaryTermSchema.parse({ collectionId: extra.collection ?? collectionId, source, target, text, translations, partOfSpeech: extra.partOfSpeech, note: extra.note }) });
  const hits = (source: string, target: string, texts: string[], collection = collectionId) => findGlossaryHits(getDb(), { collectionId: collection, sourceLanguage: source, targetLanguage: target, texts });
  /** Each hit as the words of the text it covers and the term found. */
  const found = (text: string, textHits: GlossaryHit[] | undefined) => (textHits ?? []).map((hit) => [text.slice(hit.start, hit.end), hit.term]);

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    otherCollectionId = (await buildCollection()).id;
    await add('ru', 'en', 'Коминтерн', [{ text: 'Communist International' }, { text: 'Comintern', status: 'admitted' }, { text: 'Third International', status: 'forbidden' }], { partOfSpeech: 'properNoun', note: 'The Third International, 1919–1943.' });
    await add('ru', 'en', 'Исполнительный комитет', [{ text: 'Executive Committee' }]);
    await add('ru', 'en', 'ВКП(б)', [{ text: 'C.P.S.U.(B.)' }]);
    await add('ru', 'en', 'И.К.К.И.', [{ text: 'E.C.C.I.' }]);
    await add('en', 'ru', 'soviet', [{ text: 'совет' }]);
    await add('en', 'ru', 'C.P.S.U.(B.)', [{ text: 'ВКП(б)' }]);
    await add('en', 'ru', 'E.C.C.I.', [{ text: 'ИККИ' }]);
    await add('en', 'ru', 'Communist Party', [{ text: 'коммунистическая партия' }]);
    await add('en', 'ru', 'Communist Party of Great Britain', [{ text: 'Коммунистическая партия Великобритании' }]);
    await add('en', 'ru', 'social democrat', [{ text: 'социал-демократ' }]);
    await add('en', 'ru', 'soviet', [{ text: 'совет' }], { collection: otherCollectionId });
    await add('en', 'ru', 'trade union', [{ text: 'профсоюз' }], { collection: otherCollectionId });
  });

  it('finds a Russian term in its inflected forms', async () => {
    const texts = ['Решение Коминтерна было принято.', 'Письмо Коминтерну отправлено вчера.', 'О Коминтерне и о партии.', 'Коминтерн.'];
    const result = await hits('ru', 'en', texts);
    expect(texts.map((text, index) => found(text, result[index]))).toEqual([[['Коминтерна', 'Коминтерн']], [['Коминтерну', 'Коминтерн']], [['Коминтерне', 'Коминтерн']], [['Коминтерн', 'Коминтерн']]]);
    const [hit] = result[0] ?? [];
    expect(hit).toMatchObject({ term: 'Коминтерн', partOfSpeech: 'properNoun', note: 'The Third International, 1919–1943.' });
    // Preferred first, then admitted, then forbidden.
    expect(hit?.translations.map((translation) => [translation.text, translation.status])).toEqual([
      ['Communist International', 'preferred'],
      ['Comintern', 'admitted'],
      ['Third International', 'forbidden'],
    ]);
  });

  it('finds an English term in its plural, and nothing in a text without it', async () => {
    const texts = ['The soviets met in the evening.', 'A Soviet was elected.', 'The sovereign spoke.'];
    const result = await hits('en', 'ru', texts);
    expect(texts.map((text, index) => found(text, result[index]))).toEqual([[['soviets', 'soviet']], [['Soviet', 'soviet']], []]);
  });

  it('finds multi-word terms inflected, in order only, and the longest of two at one place', async () => {
    const ru = ['Заседание Исполнительного комитета открылось.', 'Комитет исполнительный собрался.'];
    const ruHits = await hits('ru', 'en', ru);
    expect(ru.map((text, index) => found(text, ruHits[index]))).toEqual([[['Исполнительного комитета', 'Исполнительный комитет']], []]);

    const en = ['Members of the Communist Party of Great Britain and of other Communist Parties.', 'Communist party meetings; social-democrats and Social Democrats.'];
    const enHits = await hits('en', 'ru', en);
    expect(en.map((text, index) => found(text, enHits[index]))).toEqual([
      [
        ['Communist Party of Great Britain', 'Communist Party of Great Britain'],
        ['Communist Parties', 'Communist Party'],
      ],
      [
        ['Communist party', 'Communist Party'],
        ['social-democrats', 'social democrat'],
        ['Social Democrats', 'social democrat'],
      ],
    ]);
  });

  it('finds abbreviations written with dots and brackets as written, signs included', async () => {
    const en = ['The C.P.S.U.(B.) and the E.C.C.I. decided.', 'The C. P. S. U. met.', 'Letters of the E.C.C.I.'];
    const enHits = await hits('en', 'ru', en);
    expect(en.map((text, index) => found(text, enHits[index]))).toEqual([
      [
        ['C.P.S.U.(B.)', 'C.P.S.U.(B.)'],
        ['E.C.C.I.', 'E.C.C.I.'],
      ],
      [],
      [['E.C.C.I.', 'E.C.C.I.']],
    ]);
    const ru = ['Пленум ВКП(б) и И.К.К.И. заседали.', 'Решение ВКП (б).'];
    const ruHits = await hits('ru', 'en', ru);
    expect(ru.map((text, index) => found(text, ruHits[index]))).toEqual([
      [
        ['ВКП(б)', 'ВКП(б)'],
        ['И.К.К.И.', 'И.К.К.И.'],
      ],
      [['ВКП (б)', 'ВКП(б)']],
    ]);
  });

  it('gives UTF-16 offsets past characters outside the basic plane', async () => {
    const text = '𝔄 note on soviets 𝔅 and soviet power.';
    const [result] = await hits('en', 'ru', [text]);
    expect(found(text, result)).toEqual([
      ['soviets', 'soviet'],
      ['soviet', 'soviet'],
    ]);
  });

  it('stems each translation like a target text, so a check finds it inflected', async () => {
    const [[hit]] = (await hits('ru', 'en', ['Коминтерна'])) as [[GlossaryHit]];
    const preferred = hit.translations[0];
    const [stems] = (await stemTokens(getDb(), 'en', ['Communist International'])).map((tokens) => tokens.map((token) => token.stem));
    expect(preferred?.stems).toEqual(stems);
    const [translated, other] = await stemTokens(getDb(), 'en', ['Delegates of the Communist Internationals arrived.', 'The International of communists.']);
    expect(containsStemSequence(translated ?? [], preferred?.stems ?? [])).toBe(true);
    expect(containsStemSequence(other ?? [], preferred?.stems ?? [])).toBe(false);

    const [ruTokens] = await stemTokens(getDb(), 'ru', ['Решения Коммунистической партии Великобритании.']);
    const [[british]] = (await hits('en', 'ru', ['the Communist Party of Great Britain'])) as [[GlossaryHit]];
    expect(containsStemSequence(ruTokens ?? [], british.translations[0]?.stems ?? [])).toBe(true);
  });

  it('places every token at its offsets, one query for all texts', async () => {
    const texts = ['', 'Soviets, soviets!', 'the co-operative'];
    const tokens = await stemTokens(getDb(), 'en', texts);
    expect(tokens.map((list, index) => list.map((token) => [texts[index]?.slice(token.start, token.end), token.stem]))).toEqual([
      [],
      [
        ['Soviets', 'soviet'],
        ['soviets', 'soviet'],
      ],
      [
        ['the', 'the'],
        ['co', 'co'],
        ['operative', 'oper'],
      ],
    ]);
  });

  it('uses only approved terms of the collection and language pair asked for', async () => {
    const volunteer = await buildUser();
    await proposeGlossaryTerm({ actor: volunteer.actor, input: createGlossaryTermSchema.parse({ collectionId, source: 'en', target: 'ru', text: 'delegate', translations: [{ text: 'делегат' }] }) });
    const text = 'The delegates of the trade unions and the soviets.';
    expect(found(text, (await hits('en', 'ru', [text]))[0])).toEqual([['soviets', 'soviet']]);
    expect(found(text, (await hits('en', 'ru', [text], otherCollectionId))[0])).toEqual([
      ['trade unions', 'trade union'],
      ['soviets', 'soviet'],
    ]);
    expect(await hits('en', 'fr', [text])).toEqual([[]]);
  });
});
