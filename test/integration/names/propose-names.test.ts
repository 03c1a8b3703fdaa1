import { readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { importAlignedTranslation } from '../../../lib/import/import-aligned-translation';
import { importWork } from '../../../lib/import/import-work';
import { decideName } from '../../../lib/names/decide-name';
import { proposeNamesFromWork } from '../../../lib/names/propose-names-from-work';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, grantRole } from '../../helpers/factories';

// Real texts, read at run time (never copied into the project): the English–Russian development
// pair of the aligner (Anna Karenina, part 1, a bead per paragraph) and the OCR'd volume.
const SHARED = path.resolve(__dirname, '../../../../shared');
const PAIR = path.join(SHARED, 'align-eval/opus-books-en-ru-dev');
const VOLUME = path.join(SHARED, 'corpus/stalin-works-vol8-ocr.en.txt');
const BEADS = 1_500;

// The proposals judged real persons and places (a reader's judgement of the texts, by the form
// proposed), to measure the seeding's precision. Anything else proposed counts as junk.
const NOVEL_NAMES = new Set(
  'Алексей Дарья Александровна Англию Анна Аркадьевна Константин Дмитрич Долли Матрена Филимоновна Гриневич Гриша Сергей Иваныч Каренин Кити Иванович Левин Linon Матвей Москва Натали Николай Никитин Нордстон Облонский Петербург России Щербацкий Стива Вронский Степан Аркадьич Вавилон Дармштадт Кознышев Ницца Сережа Маша Пава Таня Аннушка Бетси Петрицкий Корсунский Крицкий Камеровский Тверской Марья Николаевна Нильсон Венден Джон Игнат Кедров Кривин Лиди Ивановна Агафья Михайловна'.split(' '),
);
const VOLUME_NAMES = new Set(
  `Lenin Trotsky Zinoviev Stalin Kamenev China Britain Marx Engels Germany France Europe Leningrad America Murphy Ruth Fischer Poland Pilsudski
   Ukraine England Scholem Smilga Tiflis Urbahns Dzerzhinsky Shumsky Paris Amsterdam Radek Sukhanov Bukharin India Kautsky Kolchak Meyer Mif
   Yakovlev Baku Bauer Canton Maslow MacDonald Oudegeest Thomas Denikin Kaganovich Martov Ossovsky Grinko Hansen Khvilevoy Medvedyev
   Preobrazhensky Purcell Ryazanov Thälmann Berlin Brest Hendersons Karl Kotovsky Pokoyev Rykov Shlyapnikov Snowdens Sorin Souvarine York
   Andreyev Boltnev Chkheidze Chubar Efremov Frederick Hicks Humboldt Ivlev Japan Kerensky Lashevich Molotov Monmousseau Rafes Sassenbachs
   Tang Ping Tanner Ufa Vladimir Ilyich Moscow Russia Churchill Churchills Zetkin Tomsky Uglanov Frunze Voroshilov Krupskaya Sokolnikov`.split(/\s+/),
);

/** The share of proposals every word of whose form is a real name's. */
function precision(labels: readonly string[], real: ReadonlySet<string>): number {
  return labels.filter((label) => label.split(' ').every((word) => real.has(word))).length / Math.max(1, labels.length);
}

/** The first beads of the gold alignment as two Markdown texts, a paragraph per bead on each side. */
function novelPair(): { ru: string; en: string } {
  const ru = readFileSync(path.join(PAIR, 'dev.ru'), 'utf8').split('\n');
  const en = readFileSync(path.join(PAIR, 'dev.en'), 'utf8').split('\n');
  const beads = readFileSync(path.join(PAIR, 'dev.enru'), 'utf8').trim().split('\n').slice(0, BEADS);
  const sides = { ru: [] as string[], en: [] as string[] };
  for (const bead of beads) {
    const [enPart = '', ruPart = ''] = bead.replace(/[[\]\s]/g, '').split(':');
    const ruText = ruPart.split(',').filter(Boolean).map((i) => ru[Number(i)]).join(' ');
    const enText = enPart.split(',').filter(Boolean).map((i) => en[Number(i)]).join(' ');
    if (ruText.trim() && enText.trim()) {
      sides.ru.push(ruText.replace(/^-- /, '— ').replace(/ -- /g, ' — '));
      sides.en.push(enText);
    }
  }
  return { ru: sides.ru.join('\n\n'), en: sides.en.join('\n\n') };
}

describe('names proposed from a work', () => {
  let editor: Actor;
  let collectionId: string;
  let volumeWorkId: string;

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    const user = await buildUser();
    editor = await grantRole(user.id, collectionId, 'EDITOR');
  });

  it('proposes the recurring names of a Russian novel, inflections grouped, paired with their English forms', async () => {
    const { ru, en } = novelPair();
    const { workId } = await importWork({ actor: SYSTEM_ACTOR, file: { name: 'karenina.md', bytes: new TextEncoder().encode(ru) }, collection: { id: collectionId }, metadata: { title: 'Анна Каренина', language: 'ru' } });
    await importAlignedTranslation({ actor: SYSTEM_ACTOR, workId, file: { name: 'karenina-en.md', bytes: new TextEncoder().encode(en) }, provenance: { language: 'en' } });
    expect(await errorCodeOf(proposeNamesFromWork({ actor: (await buildUser()).actor, input: { workId } }))).toBe('FORBIDDEN');

    const result = await proposeNamesFromWork({ actor: editor, input: { workId } });
    const proposals = await getDb().nameEntry.findMany({ where: { collectionId, status: 'PROPOSED' }, select: { id: true, kind: true, forms: { where: { isPreferred: true }, select: { language: true, text: true, origin: true } } } });
    expect(result.proposed).toHaveLength(proposals.length);
    const byRussian = new Map(proposals.map((p) => [p.forms.find((f) => f.language === 'ru')?.text ?? '', p]));
    const english = (ru: string) => byRussian.get(ru)?.forms.find((f) => f.language === 'en')?.text;
    // The heroes, each once, in the dictionary form, with the form the translation gives them.
    expect(Object.fromEntries(['Левин', 'Вронский', 'Кити', 'Облонский', 'Долли', 'Москва', 'Петербург'].map((ru) => [ru, english(ru)]))).toEqual({
      Левин: 'Levin', Вронский: 'Vronsky', Кити: 'Kitty', Облонский: 'Oblonsky', Долли: 'Dolly', Москва: 'Moscow', Петербург: 'Petersburg',
    });
    expect(['Левина', 'Левину', 'Вронского', 'Вронскому', 'Москве', 'Москвы'].filter((form) => byRussian.has(form))).toEqual([]);
    expect(byRussian.get('Москва')?.kind).toBe('PLACE');
    expect(byRussian.get('Левин')?.kind).toBe('PERSON');
    expect(proposals.flatMap((p) => p.forms).every((form) => form.origin === 'OBSERVED')).toBe(true);
    const measured = precision([...byRussian.keys()], NOVEL_NAMES);
    console.log(`Russian novel (${BEADS} beads): ${proposals.length} proposals, precision ${measured.toFixed(2)}`);
    expect(proposals.length).toBeGreaterThan(20);
    expect(measured).toBeGreaterThanOrEqual(0.9);
  });

  it('proposes the recurring names of an OCR’d English volume, leaving out what is known already', async () => {
    volumeWorkId = (await importWork({ actor: SYSTEM_ACTOR, file: { name: 'vol8.txt', bytes: readFileSync(VOLUME) }, collection: { id: collectionId }, metadata: { title: 'Works, vol. 8', language: 'en' } })).workId;
    const result = await proposeNamesFromWork({ actor: editor, input: { workId: volumeWorkId } });
    const labels = result.proposed.map((p) => p.label);
    expect(labels).toEqual(expect.arrayContaining(['Lenin', 'Trotsky', 'Zinoviev', 'Kamenev', 'Bukharin', 'Rykov', 'Molotov', 'Dzerzhinsky']));
    // Moscow and Russia were proposed from the novel, with their English forms: known.
    expect(labels.filter((label) => ['Moscow', 'Russia'].includes(label))).toEqual([]);
    expect(result.known).toBeGreaterThanOrEqual(2);
    const measured = precision(labels, VOLUME_NAMES);
    console.log(`English volume: ${labels.length} proposals, precision ${measured.toFixed(2)}; not judged names: ${labels.filter((l) => !l.split(' ').every((w) => VOLUME_NAMES.has(w))).join(', ')}`);
    expect(measured).toBeGreaterThanOrEqual(0.75);
  });

  it('remembers a rejected proposal and proposes nothing twice', async () => {
    const junk = await getDb().nameEntry.findFirstOrThrow({ where: { collectionId, label: 'Comintern' }, select: { id: true } });
    await decideName({ actor: editor, input: { nameId: junk.id, decision: 'REJECTED' } });
    const again = await proposeNamesFromWork({ actor: editor, input: { workId: volumeWorkId } });
    expect(again.proposed).toEqual([]);
    expect(await getDb().nameEntry.findUnique({ where: { id: junk.id }, select: { status: true } })).toEqual({ status: 'REJECTED' });
    expect(await getDb().nameEntry.count({ where: { collectionId, label: 'Comintern' } })).toBe(1);
  });
});
