import { beforeAll, describe, expect, it } from 'vitest';

import { ANONYMOUS, SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { importAlignedTranslation } from '../../../lib/import/import-aligned-translation';
import { importWork } from '../../../lib/import/import-work';
import { addNameForm } from '../../../lib/names/add-name-form';
import { createName } from '../../../lib/names/create-name';
import { decideName } from '../../../lib/names/decide-name';
import { findNameIndex } from '../../../lib/names/find-name-index';
import { findNameMentions } from '../../../lib/names/find-name-mentions';
import { getNamePage } from '../../../lib/names/get-name-page';
import { mergeNames } from '../../../lib/names/merge-names';
import { removeNameForm } from '../../../lib/names/remove-name-form';
import { createNameSchema, nameIndexQuerySchema, namePageQuerySchema } from '../../../lib/names/schemas';
import { startNameScanSweep } from '../../../lib/names/sweep-name-scans';
import { updateName } from '../../../lib/names/update-name';
import { writeRevision } from '../../../lib/revision/write-revision';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, grantRole } from '../../helpers/factories';

// Names and sentences no other test of the run uses.
const ORIGINAL = [
  '# Письма Зиновьева',
  '',
  'Письмо Григория Зиновьева пришло в Кострому утром. Г. Е. Зиновьеву ответили из Костромы. Зиновьев Григорий молчал.',
  '',
  'С Зиновьевым спорил Коганович. Зиновий Пешков не писал.',
  '',
].join('\n');
const TRANSLATION = [
  '# Zinoviev’s Letters',
  '',
  "Grigory Zinoviev's letter reached Kostroma in the morning. They answered G. E. Zinovyev from Kostroma. Zinov'ev Grigory kept silent.",
  '',
  'Koganovich argued with Zinovʹev. Zinovy Peshkov did not write.',
  '',
].join('\n');

describe('name authority: recognition, index, permissions', () => {
  let collectionId: string;
  let workId: string;
  let editor: Actor;
  let volunteer: Actor;
  let zinoviev: string;

  const index = (actor: Actor, query: Record<string, unknown> = {}) => findNameIndex({ actor, query: nameIndexQuerySchema.parse({ collectionId, ...query }) });
  const page = (actor: Actor, nameId: string, p = 1) => getNamePage({ actor, query: namePageQuerySchema.parse({ collectionId, nameId, page: p }) });
  const mentions = (language: string, texts: string[]) => findNameMentions(getDb(), { collectionId, language, texts });

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    const summary = await importWork({ actor: SYSTEM_ACTOR, file: { name: 'letters.md', bytes: new TextEncoder().encode(ORIGINAL) }, collection: { id: collectionId }, metadata: { title: 'Письма', language: 'ru' } });
    workId = summary.workId;
    await importAlignedTranslation({ actor: SYSTEM_ACTOR, workId, file: { name: 'en.md', bytes: new TextEncoder().encode(TRANSLATION) }, provenance: { language: 'en' } });
    const editorUser = await buildUser();
    editor = await grantRole(editorUser.id, collectionId, 'EDITOR');
    volunteer = (await buildUser()).actor;
    zinoviev = (await createName({ actor: editor, input: createNameSchema.parse({ collectionId, kind: 'PERSON', text: 'Григорий Евсеевич Зиновьев', language: 'ru', note: '1883–1936' }) })).id;
    await addNameForm({ actor: editor, input: { nameId: zinoviev, text: 'Zinoviev', language: 'en', isPreferred: true } });
  });

  it('keeps the Russian form preferred and its transliterations as variants, each with its systems', async () => {
    const forms = await getDb().nameForm.findMany({ where: { nameId: zinoviev }, orderBy: { id: 'asc' } });
    expect(forms.filter((form) => form.isPreferred).map((form) => [form.language, form.text])).toEqual([
      ['ru', 'Григорий Евсеевич Зиновьев'],
      ['en', 'Zinoviev'],
    ]);
    const latin = Object.fromEntries(forms.filter((form) => form.origin === 'TRANSLITERATION').map((form) => [form.text, form.systems]));
    expect(latin).toMatchObject({ 'Grigoriĭ Evseevich Zinovʹev': ['ALA_LC'], "Grigorii Evseevich Zinov'ev": ['ALA_LC_ALT'], 'Grigory Yevseevich Zinovyev': ['WIKIPEDIA'], 'Grigorij Evseevič Zinovʹev': ['GOST_779'] });
    expect(forms.filter((form) => form.origin === 'TRANSLITERATION').every((form) => form.language === null)).toBe(true);
  });

  it('recognises inflected Russian forms through the stemmer, with initials and given names, not a look-alike name', async () => {
    const [found = []] = await mentions('ru', ['Письмо Григория Зиновьева, ответ Г. Е. Зиновьеву; с Зиновьевым, ЗИНОВЬЕВ и Зиновий Пешков.']);
    expect(found.map((m) => [m.found, m.isPreferred, m.preferred])).toEqual([
      ['Григория Зиновьева', true, 'Григорий Евсеевич Зиновьев'],
      ['Г. Е. Зиновьеву', true, 'Григорий Евсеевич Зиновьев'],
      ['Зиновьевым', true, 'Григорий Евсеевич Зиновьев'],
      ['ЗИНОВЬЕВ', true, 'Григорий Евсеевич Зиновьев'],
    ]);
    expect(found[0]).toMatchObject({ nameId: zinoviev, kind: 'person', start: 7, end: 25, variantOrigin: null });
  });

  it('recognises English possessives and flags the variants that are not the preferred form', async () => {
    const texts = ["Zinoviev's letter.", 'Zinovyev wrote.', "Zinov'ev and Zinovʹev.", 'Zinovy Peshkov.'];
    const found = await mentions('en', texts);
    expect(found.map((list) => list.map((m) => [m.found, m.isPreferred, m.variantOrigin]))).toEqual([
      [['Zinoviev', true, null]],
      [['Zinovyev', false, 'transliteration']],
      [["Zinov'ev", false, 'transliteration'], ['Zinovʹev', false, 'transliteration']],
      [],
    ]);
    expect(found[1]?.[0]).toMatchObject({ preferred: 'Zinoviev', start: 0, end: 8, variantSystems: ['BGN_PCGN', 'BGN_PCGN_ALT', 'WIKIPEDIA'] });
    // No preferred form in French: every mention is a variant, with nothing preferred to offer.
    const [french = []] = await mentions('fr', ['Lettre de Zinoviev.']);
    expect(french.map((m) => [m.found, m.isPreferred, m.preferred])).toEqual([['Zinoviev', false, null]]);
    // An English region falls back to English.
    expect((await mentions('en-GB', ['Zinoviev.']))[0]?.[0]).toMatchObject({ isPreferred: true, preferred: 'Zinoviev' });
  });

  it('refuses hostile input to findNameMentions', async () => {
    expect(await errorCodeOf(mentions('ru; DROP', ['x']))).toBe('INVALID_INPUT');
    expect(await errorCodeOf(mentions('en', Array.from({ length: 1001 }, () => 'x')))).toBe('INVALID_INPUT');
    expect(await mentions('en', [])).toEqual([]);
  });

  it('lists confirmed names publicly with every passage that mentions them, marked', async () => {
    const listing = await index(ANONYMOUS);
    expect(listing.names.map((name) => [name.label, name.note])).toEqual([['Zinoviev', '1883–1936']]);
    expect(listing.abilities).toEqual({ canManage: false, canPropose: false });
    expect(listing.proposals).toEqual([]);
    expect(listing.pendingScans).toBe(0);
    // Russian: 5 mentions, the heading's included (Зиновий is not one); English: 5 (Zinovy is not one).
    expect(listing.names[0]?.mentionCount).toBe(10);
    const namePage = await page(ANONYMOUS, zinoviev);
    const marked = namePage.mentions.flatMap((mention) => mention.marks.map((mark) => [mention.language, mention.text.slice(mark.start, mark.end), mark.isPreferred]));
    expect(marked).toEqual(
      expect.arrayContaining([
        ['ru', 'Зиновьева', true],
        ['en', 'Zinoviev', true],
        ['ru', 'Григория Зиновьева', true],
        ['ru', 'Г. Е. Зиновьеву', true],
        ['ru', 'Зиновьев Григорий', true],
        ['ru', 'Зиновьевым', true],
        // Given names extend a mention through the forms of its surname: no English form has
        // "Grigory" before "Zinoviev", nor an initial E before "Zinovyev" (Yevseevich).
        ['en', 'Zinoviev', true],
        ['en', 'Zinovyev', false],
        ['en', "Zinov'ev", false],
        ['en', 'Zinovʹev', false],
      ]),
    );
    expect(marked).toHaveLength(10);
    expect(namePage.mentions.every((mention) => mention.workId === workId)).toBe(true);
  });

  it('stays current when a text is revised, retired, or a name changes', async () => {
    const [row] = await getDb().$queryRaw<{ segment_id: string; revision_id: string }[]>`
      SELECT st.segment_id, st.published_revision_id AS revision_id FROM segment_text st JOIN revision r ON r.id = st.published_revision_id JOIN segment s ON s.id = st.segment_id
       WHERE s.work_id = ${workId}::uuid AND st.language = 'ru' AND r.text LIKE 'С Зиновьевым%'`;
    if (!row) throw new Error('no segment');
    await getDb().$transaction((tx) => writeRevision({ tx, segmentId: row.segment_id, language: 'ru', text: 'С Каменевым спорил Коганович.', origin: 'EDIT', authorId: null, expectedRevisionId: row.revision_id }));
    expect((await index(ANONYMOUS)).names[0]?.mentionCount).toBe(9);
    // A new name is found in the texts already published, and a revision brings its mention.
    const kamenev = (await createName({ actor: editor, input: createNameSchema.parse({ collectionId, kind: 'PERSON', text: 'Каменев', language: 'ru' }) })).id;
    expect((await page(ANONYMOUS, kamenev)).mentions.map((m) => m.text)).toEqual(['С Каменевым спорил Коганович.']);
    await getDb().segment.update({ where: { id: row.segment_id }, data: { retiredAt: new Date() } });
    expect((await page(ANONYMOUS, kamenev)).mentions).toEqual([]);
    await getDb().segment.update({ where: { id: row.segment_id }, data: { retiredAt: null } });
    expect((await page(ANONYMOUS, kamenev)).mentions).toHaveLength(1);
    // A name's new variant finds what it did not (Koganovich, written so in both texts).
    const koganovich = (await createName({ actor: editor, input: createNameSchema.parse({ collectionId, kind: 'PERSON', text: 'Kaganovich', language: 'en' }) })).id;
    expect((await page(ANONYMOUS, koganovich)).mentions).toEqual([]);
    await addNameForm({ actor: editor, input: { nameId: koganovich, text: 'Коганович', language: 'ru', isPreferred: false } });
    expect((await page(ANONYMOUS, koganovich)).mentions.map((m) => m.language).sort()).toEqual(['en', 'ru']);
    // Rejecting takes it out of the index; its mentions go.
    await decideName({ actor: editor, input: { nameId: koganovich, decision: 'REJECTED' } });
    // In the order of the surnames' keys (Latin letters before Cyrillic ones).
    expect((await index(ANONYMOUS)).names.map((name) => name.label)).toEqual(['Zinoviev', 'Каменев']);
    expect(await errorCodeOf(page(ANONYMOUS, koganovich))).toBe('NOT_FOUND');
    expect(await getDb().nameMention.count({ where: { nameId: koganovich } })).toBe(0);
  });

  it('lets volunteers propose, editors confirm, edit, merge, and nobody else', async () => {
    const proposal = await createName({ actor: volunteer, input: createNameSchema.parse({ collectionId, kind: 'PLACE', text: 'Кострома', language: 'ru' }) });
    expect(proposal.status).toBe('PROPOSED');
    expect(await errorCodeOf(createName({ actor: ANONYMOUS, input: createNameSchema.parse({ collectionId, kind: 'PLACE', text: 'Вологда', language: 'ru' }) }))).toBe('UNAUTHENTICATED');
    expect(await errorCodeOf(createName({ actor: volunteer, input: createNameSchema.parse({ collectionId, kind: 'PLACE', text: 'кострома', language: 'ru' }) }))).toBe('CONFLICT');
    // A proposal is not recognised, is seen by editors only, and cannot be changed by its proposer.
    expect((await mentions('ru', ['В Костроме.']))[0]).toEqual([]);
    expect((await index(volunteer)).proposals).toEqual([]);
    expect(await errorCodeOf(page(volunteer, proposal.id))).toBe('NOT_FOUND');
    expect(await errorCodeOf(decideName({ actor: volunteer, input: { nameId: proposal.id, decision: 'CONFIRMED' } }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(addNameForm({ actor: volunteer, input: { nameId: proposal.id, text: 'Kostroma', language: 'en', isPreferred: true } }))).toBe('FORBIDDEN');
    const forEditor = await index(editor);
    expect(forEditor.abilities).toEqual({ canManage: true, canPropose: true });
    expect(forEditor.proposals.map((name) => name.label)).toEqual(['Кострома']);
    expect(forEditor.works).toEqual([{ id: workId, title: 'Письма' }]);

    await decideName({ actor: editor, input: { nameId: proposal.id, decision: 'CONFIRMED' } });
    await addNameForm({ actor: editor, input: { nameId: proposal.id, text: 'Kostroma', language: 'en', isPreferred: true } });
    const kostroma = await page(ANONYMOUS, proposal.id);
    expect(kostroma.name.label).toBe('Kostroma');
    // Inflected place names: в Кострому, из Костромы; English twice.
    expect(kostroma.mentions.flatMap((m) => m.marks.map((mark) => m.text.slice(mark.start, mark.end))).sort()).toEqual(['Kostroma', 'Kostroma', 'Кострому', 'Костромы']);

    // A variant: the preferred form of a language replaced; the old one kept as a variant.
    await addNameForm({ actor: editor, input: { nameId: proposal.id, text: 'Kostroma Oblast', language: 'en', isPreferred: true } });
    const forms = (await page(editor, proposal.id)).name.forms;
    expect(forms.filter((form) => form.language === 'en').map((form) => [form.text, form.isPreferred])).toEqual([
      ['Kostroma Oblast', true],
      ['Kostroma', false],
    ]);
    const variant = forms.find((form) => form.text === 'Kostroma');
    await removeNameForm({ actor: editor, input: { nameId: proposal.id, formId: variant?.id ?? '' } });
    // Kostroma is spelled alike in every system and in English: no transliteration is added beside it.
    expect(forms.filter((form) => form.origin === 'TRANSLITERATION')).toEqual([]);
    const transliteration = (await page(editor, zinoviev)).name.forms.find((form) => form.origin === 'TRANSLITERATION');
    expect(await errorCodeOf(removeNameForm({ actor: editor, input: { nameId: zinoviev, formId: transliteration?.id ?? '' } }))).toBe('CONFLICT');
    await updateName({ actor: editor, input: { nameId: proposal.id, kind: 'PLACE', note: 'A town on the Volga.' } });

    // Merge a duplicate into the name, by one of its forms as written.
    const duplicate = await createName({ actor: editor, input: createNameSchema.parse({ collectionId, kind: 'PERSON', text: 'Radomyslsky', language: 'en' }) });
    await mergeNames({ actor: editor, input: { nameId: duplicate.id, into: 'zinoviev' } });
    expect(await getDb().nameEntry.findUnique({ where: { id: duplicate.id } })).toBeNull();
    const merged = (await page(ANONYMOUS, zinoviev)).name.forms.find((form) => form.text === 'Radomyslsky');
    expect(merged).toMatchObject({ language: 'en', isPreferred: false });
    expect(await errorCodeOf(mergeNames({ actor: editor, input: { nameId: zinoviev, into: 'Nobody Atall' } }))).toBe('NOT_FOUND');

    const events = await getDb().auditEvent.findMany({ where: { collectionId, type: { startsWith: 'name' } }, select: { type: true } });
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(['name.created', 'name.updated', 'name.confirmed', 'name.rejected', 'name.merged']));
  });

  it('is brought up to date in the background by the app server’s sweep, not only by readers’ views', async () => {
    const swept = (await buildCollection()).id;
    await createName({ actor: SYSTEM_ACTOR, input: createNameSchema.parse({ collectionId: swept, kind: 'PERSON', text: 'Бухарин', language: 'ru' }) });
    await importWork({ actor: SYSTEM_ACTOR, file: { name: 'bukharin.md', bytes: new TextEncoder().encode('# Речь\n\nБухарин говорил долго. Бухарина слушали молча.\n') }, collection: { id: swept }, metadata: { title: 'Речь', language: 'ru' } });
    const waiting = () => getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM name_scan_queue WHERE collection_id = ${swept}::uuid`.then((rows) => rows[0]?.n ?? 0);
    expect(await waiting()).toBeGreaterThan(0);
    const lines: string[] = [];
    const stop = startNameScanSweep({ log: (line) => lines.push(line), intervalMs: 50 });
    try {
      await expect.poll(waiting, { timeout: 10_000 }).toBe(0);
    } finally {
      stop();
    }
    expect(lines).toEqual([]);
    expect(await getDb().nameMention.count({ where: { name: { collectionId: swept } } })).toBe(2);
  });
});

