import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';

import { GET as exportRoute } from '../../../app/api/collections/[collectionId]/glossary/export/route';
import { POST as importRoute } from '../../../app/api/collections/[collectionId]/glossary/import/route';
import { SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { MAX_GLOSSARY_FILE_BYTES, MAX_TBX_DEPTH } from '../../../lib/config/limits';
import { getDb } from '../../../lib/db/client';
import { createGlossaryTerm } from '../../../lib/glossary/create-glossary-term';
import { TBX_NAMESPACE } from '../../../lib/glossary/exchange/tbx-writer';
import { exportGlossary } from '../../../lib/glossary/export-glossary';
import { findGlossaryHits } from '../../../lib/glossary/find-glossary-hits';
import { importGlossary } from '../../../lib/glossary/import-glossary';
import { createGlossaryTermSchema, glossaryExportQuerySchema } from '../../../lib/glossary/schemas';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

async function collect(chunks: AsyncGenerator<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

const file = (name: string, text: string | Uint8Array) => new File([text as BlobPart], name);

/** A pair of a collection's glossary as it stands, without ids or dates: what an exchange must keep. */
async function glossaryOf(collectionId: string, source = 'ru', target = 'en') {
  const terms = await getDb().glossaryTerm.findMany({
    where: { collectionId, sourceLanguage: source, targetLanguage: target, state: 'APPROVED' },
    orderBy: { termKey: 'asc' },
    select: { text: true, partOfSpeech: true, note: true, example: true, translations: { where: { state: 'APPROVED' }, orderBy: [{ usage: 'asc' }, { textKey: 'asc' }], select: { text: true, usage: true } } },
  });
  return terms;
}

describe('glossary exchange (TBX and CSV)', () => {
  let original: string;

  const add = (text: string, translations: { text: string; status?: string }[], extra: Record<string, unknown> = {}) =>
    createGlossaryTerm({ actor: SYSTEM_ACTOR, input: createGlossaryTermSchema.parse({ collectionId: original, source: 'ru', target: 'en', text, translations, ...extra }) });
  const exported = async (collectionId: string, format: 'tbx' | 'csv') => collect((await exportGlossary({ actor: SYSTEM_ACTOR, input: glossaryExportQuerySchema.parse({ collectionId, source: 'ru', target: 'en', format }) })).chunks);
  const importInto = (collectionId: string, name: string, text: string | Uint8Array, pair: { source?: string; target?: string } = {}) =>
    importGlossary({ actor: SYSTEM_ACTOR, collectionId, file: file(name, text), sourceLanguage: pair.source ?? 'ru', targetLanguage: pair.target ?? 'en' });

  beforeAll(async () => {
    original = (await buildCollection()).id;
    await add('Коминтерн', [{ text: 'Comintern' }, { text: 'Communist International', status: 'admitted' }, { text: 'Third International', status: 'forbidden' }], { partOfSpeech: 'properNoun', note: 'Communist International, 1919–1943.\nAlso “the Third”.', example: 'Конгресс Коминтерна открылся в Москве.' });
    await add('ВКП(б)', [{ text: 'C.P.S.U.(B.)' }], { partOfSpeech: 'properNoun', note: 'Until 1952: <then> “КПСС” & after.' });
    await add('исполком', [{ text: 'executive committee' }], { partOfSpeech: 'noun' });
    await add('=СУММ(A1)', [{ text: '-sum' }, { text: '@cell', status: 'admitted' }]);
    await add('смычка', [{ text: 'union' }, { text: 'bond', status: 'admitted' }], { partOfSpeech: 'noun', example: 'Смычка города и деревни.' });
  });

  it('writes TBX-Basic in the TBX namespace that reads back into the same glossary, and again changes nothing', async () => {
    const tbx = await exported(original, 'tbx');
    expect(tbx).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tbx type="TBX-Basic" style="dca" xml:lang="ru" xmlns="urn:iso:std:iso:30042:ed-2">/u);
    const document = new DOMParser().parseFromString(tbx, 'application/xml');
    expect(document.documentElement?.namespaceURI).toBe(TBX_NAMESPACE);
    const concepts = document.getElementsByTagNameNS(TBX_NAMESPACE, 'conceptEntry');
    expect(concepts.length).toBe(5);
    expect(tbx).toContain('<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>');
    expect(tbx).toContain('<termNote type="partOfSpeech">properNoun</termNote>');
    expect(tbx).toContain('<descrip type="definition">Until 1952: &lt;then&gt; “КПСС” &amp; after.</descrip>');

    const copy = (await buildCollection()).id;
    const first = await importInto(copy, 'glossary.tbx', tbx);
    expect(first).toMatchObject({ format: 'tbx', created: 5, updated: 0, unchanged: 0, skipped: { noTerm: 0, noTranslation: 0, tooLong: 0, noWord: 0 } });
    expect(await glossaryOf(copy)).toEqual(await glossaryOf(original));
    // The same file but for the collection's name in its title.
    const untitled = (text: string) => text.replace(/<title>[^<]*<\/title>/u, '');
    expect(untitled(await exported(copy, 'tbx'))).toBe(untitled(tbx));
    const again = await importInto(copy, 'glossary.tbx', tbx);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    // The imported terms are recognised like any other.
    const [hits] = await findGlossaryHits(getDb(), { collectionId: copy, sourceLanguage: 'ru', targetLanguage: 'en', texts: ['Решение Коминтерна и ВКП(б).'] });
    expect(hits?.map((hit) => hit.term)).toEqual(['Коминтерн', 'ВКП(б)']);
  });

  it('writes CSV that reads back into the same glossary, formulas disarmed', async () => {
    const csv = await exported(original, 'csv');
    expect(csv.split('\n')[0]).toBe('term,translation,status,part_of_speech,note,example');
    expect(csv).toContain(`'=СУММ(A1),'-sum,preferred`);
    expect(csv).toContain(`'=СУММ(A1),'@cell,admitted`);
    const copy = (await buildCollection()).id;
    expect(await importInto(copy, 'glossary.csv', csv)).toMatchObject({ format: 'csv', created: 5, updated: 0 });
    expect(await glossaryOf(copy)).toEqual(await glossaryOf(original));
    expect(await exported(copy, 'csv')).toBe(csv);
    expect(await importInto(copy, 'glossary.csv', csv)).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
  });

  it('merges a file into the terms there already, and reads CSV with semicolons and a byte-order mark', async () => {
    const target = (await buildCollection()).id;
    await importInto(target, 'first.csv', 'term,translation,status\nнарком,people’s commissar,preferred\n');
    const csv = '\uFEFFTerm;Translation;Status;Part of speech;Definition\nНарком;commissar;admitted;noun;Head of a people’s commissariat.\nнарком;people’s commissar;preferred;;\nкулак;kulak;;NOUN;\n;orphan;;;\nбатрак;;;;\n';
    const summary = await importInto(target, 'second.csv', csv);
    expect(summary).toMatchObject({ created: 1, updated: 1, unchanged: 0, skipped: { noTerm: 1, noTranslation: 1 } });
    expect(await glossaryOf(target)).toEqual([
      { text: 'кулак', partOfSpeech: 'NOUN', note: '', example: '', translations: [{ text: 'kulak', usage: 'PREFERRED' }] },
      { text: 'нарком', partOfSpeech: 'NOUN', note: 'Head of a people’s commissariat.', example: '', translations: [{ text: 'people’s commissar', usage: 'PREFERRED' }, { text: 'commissar', usage: 'ADMITTED' }] },
    ]);
    expect(await errorCodeOf(importInto(target, 'bad.csv', 'term,translation,status\nа,b,maybe\n'))).toBe('INVALID_INPUT');
    expect(await errorCodeOf(importInto(target, 'bad.csv', 'word,meaning\nа,b\n'))).toBe('INVALID_INPUT');
    expect(await errorCodeOf(importInto(target, 'glossary.pdf', 'term,translation\nа,b\n'))).toBe('INVALID_INPUT');
  });

  it('imports a TBX written by another tool: other attribute order, prefixes, groups, regional tags, synonyms', async () => {
    const foreign = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE tbx>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic" xml:lang="en-US" style="dct" type="TBX-Basic">
  <tbxHeader><fileDesc><sourceDesc><p>Made elsewhere</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="_1">
      <descripGrp><descrip type="definition">A council of workers' deputies.</descrip></descripGrp>
      <langSec xml:lang="RU-ru">
        <termSec><term>совет</term><termNoteGrp><basic:partOfSpeech>noun</basic:partOfSpeech></termNoteGrp><basic:context>Совет рабочих депутатов.</basic:context></termSec>
        <termSec><term>Совдеп</term><basic:administrativeStatus>admittedTerm-admn-sts</basic:administrativeStatus></termSec>
      </langSec>
      <langSec xml:lang="en-GB">
        <termSec><basic:administrativeStatus>supersededTerm-admn-sts</basic:administrativeStatus><term>council</term></termSec>
        <termSec><term><![CDATA[soviet]]></term><basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="_2"><langSec xml:lang="de"><termSec><term>Rat</term></termSec></langSec></conceptEntry>
    <conceptEntry id="_3"><langSec xml:lang="ru"><termSec><term>губком</term></termSec></langSec></conceptEntry>
    <conceptEntry id="_4"><note>Kept as in the sources.</note>
      <langSec xml:lang="ru"><termSec><term>нэп</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>NEP</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>`;
    const target = (await buildCollection()).id;
    const summary = await importInto(target, 'other-tool.xml', foreign);
    expect(summary).toMatchObject({ created: 3, skipped: { noTerm: 1, noTranslation: 1 } });
    const council = { note: "A council of workers' deputies.", example: '', translations: [{ text: 'soviet', usage: 'PREFERRED' }, { text: 'council', usage: 'FORBIDDEN' }] };
    expect(await glossaryOf(target)).toEqual([
      { text: 'нэп', partOfSpeech: null, note: 'Kept as in the sources.', example: '', translations: [{ text: 'NEP', usage: 'PREFERRED' }] },
      { text: 'Совдеп', partOfSpeech: null, ...council },
      { text: 'совет', partOfSpeech: 'NOUN', ...council, example: 'Совет рабочих депутатов.' },
    ]);

    const martif = `<?xml version="1.0"?><martif type="TBX-Basic-V1" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>old</p></sourceDesc></fileDesc></martifHeader>
      <text><body><termEntry id="t1"><langSet xml:lang="ru"><tig><term>ревком</term><termNote type="partOfSpeech">noun</termNote></tig></langSet>
      <langSet xml:lang="en"><tig><term>revolutionary committee</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      <ntig><termGrp><term>revcom</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termGrp></ntig></langSet></termEntry></body></text></martif>`;
    expect(await importInto(target, 'old.tbx', martif)).toMatchObject({ created: 1 });
    expect((await glossaryOf(target)).find((entry) => entry.text === 'ревком')).toEqual({ text: 'ревком', partOfSpeech: 'NOUN', note: '', example: '', translations: [{ text: 'revolutionary committee', usage: 'PREFERRED' }, { text: 'revcom', usage: 'ADMITTED' }] });
    // A file of other languages says which it has.
    const refused = await importGlossary({ actor: SYSTEM_ACTOR, collectionId: target, file: file('other.tbx', foreign), sourceLanguage: 'fr', targetLanguage: 'en' }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', message: 'The file has no term in fr; its languages are ru, en, de.' });
  });

  it('refuses hostile and broken files clearly, and changes nothing', async () => {
    const target = (await buildCollection()).id;
    const laughs = `<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><tbx><text><body><conceptEntry><langSec xml:lang="ru"><termSec><term>&c;</term></termSec></langSec></conceptEntry></body></text></tbx>`;
    const external = `<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY secret SYSTEM "file:///etc/passwd">]><tbx><text><body><conceptEntry><langSec xml:lang="ru"><termSec><term>&secret;</term></termSec></langSec></conceptEntry></body></text></tbx>`;
    const undeclared = '<?xml version="1.0"?><tbx><text><body><conceptEntry><langSec xml:lang="ru"><termSec><term>&secret;</term></termSec></langSec></conceptEntry></body></text></tbx>';
    const deep = `<tbx>${'<x>'.repeat(MAX_TBX_DEPTH + 5)}${'</x>'.repeat(MAX_TBX_DEPTH + 5)}</tbx>`;
    const refusals = [
      [laughs, /declares its own document type/u],
      [external, /declares its own document type/u],
      [undeclared, /not well-formed XML \(line 1, column \d+: undefined entity\)/u],
      [deep, /nests elements more than 32 deep/u],
      ['<tmx version="1.4"><body/></tmx>', /not TBX: its root element is <tmx>/u],
      ['<tbx><text><body><conceptEntry>', /not well-formed XML/u],
      ['', /empty/u],
    ] as const;
    for (const [text, message] of refusals) {
      const error = await importInto(target, 'hostile.tbx', text).catch((failure: unknown) => failure);
      expect(error, text.slice(0, 60)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(message) });
    }
    expect(await errorCodeOf(importInto(target, 'latin1.csv', new Uint8Array([0x74, 0x65, 0x72, 0x6d, 0x0a, 0xe9, 0xff, 0xfe, 0x0a])))).toBe('UNSUPPORTED_ENCODING');
    const huge = new Uint8Array(MAX_GLOSSARY_FILE_BYTES + 1).fill(0x20);
    expect(await errorCodeOf(importInto(target, 'huge.tbx', huge))).toBe('PAYLOAD_TOO_LARGE');
    expect(await getDb().glossaryTerm.count({ where: { collectionId: target } })).toBe(0);
  });

  it('takes files from editors only through the route, and lets anyone download', async () => {
    const target = (await buildCollection()).id;
    const editor = await buildUser();
    await grantRole(editor.id, target, 'EDITOR');
    const volunteer = await buildUser();
    const form = (text: string, name = 'g.csv') => {
      const data = new FormData();
      data.set('source', 'ru');
      data.set('target', 'en');
      data.set('file', file(name, text));
      return data;
    };
    const post = async (data: FormData, userId?: string) => callRoute(importRoute, `/api/collections/${target}/glossary/import`, { params: { collectionId: target }, cookie: userId ? await sessionCookie(userId) : undefined, init: { method: 'POST', body: data } });
    expect((await post(form('term,translation\nуезд,uyezd\n'))).status).toBe(401);
    expect((await post(form('term,translation\nуезд,uyezd\n'), volunteer.id)).status).toBe(403);
    const created = await post(form('term,translation\nуезд,uyezd\n'), editor.id);
    expect(created.status).toBe(201);
    const download = await callRoute(exportRoute, `/api/collections/${target}/glossary/export?source=ru&target=en&format=csv`, { params: { collectionId: target } });
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename=".*-glossary-ru-en\.csv"$/u);
    expect(await download.text()).toBe('term,translation,status,part_of_speech,note,example\nуезд,uyezd,preferred,,,\n');
    const tooBig = await post(form('x'.repeat(MAX_GLOSSARY_FILE_BYTES + 300 * 1024)), editor.id);
    expect(tooBig.status).toBe(413);
  });
});
