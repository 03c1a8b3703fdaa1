import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { DEFAULT_CHECK_SETTINGS } from '../../../lib/checks/check-catalog';
import { findMarkers, markerText } from '../../../lib/checks/footnote-markers';
import { formatFinding } from '../../../lib/checks/format-finding';
import { joinGroupSources } from '../../../lib/checks/group-source';
import { defaultLengthNorm, lengthNormOf, lengthSample } from '../../../lib/checks/length-norm';
import { romanValue } from '../../../lib/checks/rules/number-tokens';
import { runChecks } from '../../../lib/checks/run-checks';
import { findingRefSchema } from '../../../lib/checks/schemas';
import { CHECK_IDS, EMPTY_CONTEXT, MAX_FINDING_KEY_CHARS, type CheckContext, type CheckId, type Finding } from '../../../lib/checks/types';
import en from '../../../lib/i18n/messages/en.json';
import { check, KNOWN, sovietHit } from '../../helpers/checks';

function of(findings: Finding[], id: CheckId): Finding[] {
  return findings.filter((finding) => finding.check === id);
}

const keys = (findings: Finding[], id: CheckId) => of(findings, id).map((finding) => finding.key);

const english = createTranslator({ locale: 'en', messages: en, namespace: 'checks' });
/** What a finding says in English, as the interface shows it. */
const messageOf = (finding: Finding | undefined) => (finding ? formatFinding(english, finding) : undefined);

describe('the catalogue', () => {
  it('explains every check and switches every one on, none blocking, by default', () => {
    for (const id of CHECK_IDS) {
      expect(en.checks.descriptions[id].length, id).toBeGreaterThan(20);
      expect(en.checks.why[id].length, id).toBeGreaterThan(10);
      expect(en.checks.fixes[id].length, id).toBeGreaterThan(10);
      expect(DEFAULT_CHECK_SETTINGS[id]).toEqual({ isEnabled: true, isBlocking: false });
    }
  });

  it('runs nothing on an empty translation, and only the checks switched on', () => {
    expect(check('There were 12 of them.', '   ')).toEqual([]);
    const settings = { ...DEFAULT_CHECK_SETTINGS, numbers: { isEnabled: false, isBlocking: false } };
    expect(of(runChecks({ source: 'There were 12 of them.', target: 'Их было 13.', sourceLanguage: 'en', targetLanguage: 'ru' }, KNOWN, settings), 'numbers')).toEqual([]);
    expect(keys(check('There were 12 of them.', 'Их было 13.'), 'numbers')).toEqual(['missing:12', 'extra:13']);
  });

  it('keeps every key short enough to be dismissed, distinct keys distinct', () => {
    const long = (digit: string) => `${'1'.repeat(400)}${digit}`;
    const found = keys(check(`Numbers: ${long('2')} and ${long('3')}.`, 'Чисел нет.'), 'numbers');
    expect(found).toHaveLength(2);
    for (const key of found) {
      expect(key.length).toBeLessThanOrEqual(MAX_FINDING_KEY_CHARS);
      expect(findingRefSchema.safeParse({ segmentId: '0190a5b0-0000-7000-8000-000000000001', language: 'ru', check: 'numbers', key }).success).toBe(true);
    }
    expect(new Set(found).size).toBe(2);
    // The same text, the same keys: a dismissal holds.
    expect(keys(check(`Numbers: ${long('2')} and ${long('3')}.`, 'Чисел нет.'), 'numbers')).toEqual(found);
  });
});

describe('numbers and dates', () => {
  it('finds a number changed, and reads thousands separators and decimals of each language', () => {
    expect(keys(check('In 1917 the party had 240,000 members.', 'В 1917 году в партии было 240 000 членов.'), 'numbers')).toEqual([]);
    expect(keys(check('In 1917 the party had 240,000 members.', 'В 1918 году в партии было 240 000 членов.'), 'numbers')).toEqual(['missing:1917', 'extra:1918']);
    expect(keys(check('Es waren 1.000 Mann.', 'Ils étaient 1 000.', { from: 'de', to: 'fr' }), 'numbers')).toEqual([]);
    expect(keys(check('It grew by 3.5 per cent.', 'Он вырос на 3,5 процента.'), 'numbers')).toEqual([]);
    expect(keys(check('It grew by 3.5 per cent.', 'Он вырос на 3,6 процента.'), 'numbers')).toEqual(['missing:3.5', 'extra:3.6']);
    expect(keys(check('He paid 1,000,000 roubles.', 'Он заплатил 1 000 000 рублей.'), 'numbers')).toEqual([]);
  });

  it('reads ordinals, Roman numerals of centuries and congresses, and headings that are a numeral', () => {
    expect(keys(check('the 15th century', 'XV век'), 'numbers')).toEqual([]);
    expect(keys(check('the 15th century', 'XIV век'), 'numbers')).toEqual(['missing:15', 'extra:14']);
    expect(keys(check('The XIV Congress of the party met.', 'XIV съезд партии собрался.'), 'numbers')).toEqual([]);
    expect(keys(check('The V Congress met.', 'IV съезд собрался.'), 'numbers')).toEqual(['missing:5', 'extra:4']);
    expect(keys(check('It was his 2nd visit.', 'Это был его 2-й визит.'), 'numbers')).toEqual([]);
    expect(keys(check('CHAPTER V', 'V'), 'numbers')).toEqual([]);
    // Cyrillic Х typed for the Latin X of a century.
    expect(keys(check('in the 20th century', 'в ХХ веке'), 'numbers')).toEqual([]);
    // The English pronoun and a French article are no numerals.
    expect(keys(check('I said it.', 'Я сказал это.'), 'numbers')).toEqual([]);
    expect(keys(check('Das Jahrhundert war lang.', 'Le siècle fut long.', { from: 'de', to: 'fr' }), 'numbers')).toEqual([]);
    expect(romanValue('XIX')).toBe(19);
    expect(romanValue('IIII')).toBeNull();
  });

  it('compares the months of dates in Russian, English, German and French, and numeric dates and times', () => {
    expect(keys(check('On 5 March 1917 he left.', '5 марта 1917 года он уехал.'), 'numbers')).toEqual([]);
    expect(keys(check('On 5 March 1917 he left.', '5 апреля 1917 года он уехал.'), 'numbers')).toEqual(['missing:month:3', 'extra:month:4']);
    expect(keys(check('On 5.3.1917 he left.', 'Он уехал 5 марта 1917 года.'), 'numbers')).toEqual([]);
    expect(keys(check('Am 2. Juli um 20.30 Uhr.', 'Le 2 juillet à 20 h 30.', { from: 'de', to: 'fr' }), 'numbers')).toEqual([]);
    // May the verb, near a number, is no month.
    expect(keys(check('You may take 5 of them.', 'Можете взять 5 штук.'), 'numbers')).toEqual([]);
    // A month the other text names without a number is accounted for.
    expect(keys(check('On the thirtieth of September the sun came out.', '30 сентября показалось солнце.'), 'numbers')).toEqual([]);
  });

  it('accepts a number written out in words on the other side, but not a year', () => {
    expect(keys(check('You gave him 200 roubles.', 'Вы дали ему двести рублей.'), 'numbers')).toEqual([]);
    expect(keys(check('He had 1800 roubles.', 'У него было тысяча восемьсот рублей.'), 'numbers')).toEqual([]);
    expect(keys(check('He had five children.', 'У него было 5 детей.'), 'numbers')).toEqual([]);
    expect(keys(check('Zwei Sechstausender.', 'Deux « 6000 ».', { from: 'de', to: 'fr' }), 'numbers')).toEqual([]);
    expect(keys(check('He had five children.', 'У него было 6 детей.'), 'numbers')).toEqual(['extra:6']);
  });
});

describe('footnote markers', () => {
  const notes = (...labels: [string, number][]): CheckContext => ({ ...EMPTY_CONTEXT, footnotes: labels.map(([label, offset]) => ({ label, offset })) });

  it('writes and reads the markers a translation carries', () => {
    expect(markerText('12')).toBe('¹²');
    expect(markerText('*')).toBe('*');
    expect(findMarkers('слово¹² и ещё* и 10 м² и † — * * *').map((marker) => marker.label)).toEqual(['12', '*', '†']);
  });

  it('finds a marker missing, one extra and markers out of order; says nothing before the references are known', () => {
    const source = 'The congress met in Moscow and adopted the theses.';
    expect(keys(check(source, 'Съезд собрался в Москве¹ и принял тезисы².', { context: notes(['1', 28], ['2', 49]) }), 'footnotes')).toEqual([]);
    expect(keys(check(source, 'Съезд собрался в Москве и принял тезисы².', { context: notes(['1', 28], ['2', 49]) }), 'footnotes')).toEqual(['missing:1']);
    expect(keys(check(source, 'Съезд собрался в Москве¹ и принял тезисы²*.', { context: notes(['1', 28], ['2', 49]) }), 'footnotes')).toEqual(['extra:*']);
    expect(keys(check(source, 'Съезд собрался в Москве² и принял тезисы¹.', { context: notes(['1', 28], ['2', 49]) }), 'footnotes')).toEqual(['order']);
    expect(keys(check(source, 'Съезд собрался в Москве.', { context: EMPTY_CONTEXT }), 'footnotes')).toEqual([]);
    expect(messageOf(of(check(source, 'Съезд собрался.', { context: notes(['*', 28]) }), 'footnotes')[0])).toContain('type *');
  });
});

describe('quotes and brackets', () => {
  it('finds a quotation or bracket left open, in the quotes of each language', () => {
    expect(keys(check('He said "yes" (twice).', 'Он сказал «да» (дважды).'), 'brackets')).toEqual([]);
    expect(keys(check('He said "yes" (twice).', 'Он сказал «да (дважды).'), 'brackets')).toEqual(['quote:open:«']);
    expect(keys(check('He said "yes" (twice).', 'Он сказал «да» (дважды.'), 'brackets')).toEqual(['parenthesis:open:(']);
    expect(keys(check('Sie sagte „ja“.', 'Elle dit «\u202Foui\u202F».', { from: 'de', to: 'fr' }), 'brackets')).toEqual([]);
    expect(keys(check('Er las »Faust«.', 'He read “Faust”.', { from: 'de', to: 'en' }), 'brackets')).toEqual([]);
    expect(keys(check('He read “Faust”.', 'Er las »Faust.', { from: 'en', to: 'de' }), 'brackets')).toEqual(['quote:open:»']);
    expect(keys(check('«Он сказал „да“».', '“He said ‘yes’.”', { from: 'ru', to: 'en' }), 'brackets')).toEqual([]);
  });

  it('lets a quotation run on where the original runs on too, and reads English single quotes of the original', () => {
    expect(keys(check('«Да, это так.', '“Yes, it is so.', { from: 'ru', to: 'en' }), 'brackets')).toEqual([]);
    expect(keys(check("'Can it be possible?' thought Levin.", '«Неужели это возможно? — думал Левин.'), 'brackets')).toEqual(['quote:open:«']);
    expect(keys(check('Can it be possible?\' thought Levin.', 'Неужели это возможно?» — думал Левин.'), 'brackets')).toEqual([]);
    expect(keys(check('a) The articles.', 'a) Les articles.', { from: 'en', to: 'fr' }), 'brackets')).toEqual([]);
  });
});

describe('spaces and typography', () => {
  it('finds double, leading and trailing spaces and a space before punctuation', () => {
    expect(keys(check('He came.', 'Он  пришёл .'), 'spacing')).toEqual(['double-space:он', 'space-before-punctuation:пришёл']);
    expect(keys(check('He came.', ' He came. ', { to: 'en' }), 'spacing')).toEqual(['leading-space:', 'trailing-space:came']);
    expect(keys(check('Он пришёл.', 'He came , at last.', { from: 'ru', to: 'en' }), 'spacing')).toEqual(['space-before-punctuation:came']);
    expect(keys(check('Он пришёл.', 'It was . . . late.', { from: 'ru', to: 'en' }), 'spacing')).toEqual([]);
  });

  it('holds French to its no-break spaces before ; : ! ? and inside « »', () => {
    expect(keys(check('Was? Er sagte: „Ja“!', 'Quoi\u202F? Il dit\u00A0: «\u202Foui\u202F»\u202F!', { from: 'de', to: 'fr' }), 'spacing')).toEqual([]);
    expect(keys(check('Was?', 'Quoi?', { from: 'de', to: 'fr' }), 'spacing')).toEqual(['fr-missing-space:quoi']);
    expect(keys(check('Was?', 'Quoi ?', { from: 'de', to: 'fr' }), 'spacing')).toEqual(['fr-breaking-space:quoi']);
    expect(keys(check('„Ja“', '« oui »', { from: 'de', to: 'fr' }), 'spacing')).toEqual(['fr-breaking-space:', 'fr-breaking-space:oui']);
    expect(keys(check('Um 10:30.', 'À 10:30.', { from: 'de', to: 'fr' }), 'spacing')).toEqual([]);
  });

  it('holds Russian to its dashes and quotation marks', () => {
    expect(keys(check('Moscow is a city.', 'Москва — город.'), 'spacing')).toEqual([]);
    expect(keys(check('Moscow is a city.', 'Москва - город.'), 'spacing')).toEqual(['ru-dash:москва']);
    expect(keys(check('"Yes," he said.', '- Да, - сказал он.'), 'spacing')).toEqual(['ru-dash:', 'ru-dash:да']);
    expect(keys(check('He said "yes".', 'Он сказал "да".'), 'spacing')).toEqual(['ru-quotes:сказал']);
    expect(keys(check('He said "yes".', 'Он сказал “да”.'), 'spacing')).toEqual(['ru-quotes:сказал']);
    expect(keys(check('He said "yes".', 'Он сказал «да» и „нет“.'), 'spacing')).toEqual([]);
    expect(keys(check('In 1917-1918.', 'В 1917—1918 годах.'), 'spacing')).toEqual([]);
    expect(keys(check('"Dolly!" he said.', '— Долли!— сказал он.'), 'spacing')).toEqual(['ru-dash-spaces:долли']);
  });
});

describe('left untranslated', () => {
  it('finds the original copied, or written in the original’s alphabet, but not names, numbers or short texts', () => {
    expect(keys(check('The dinner was served on glass tables.', 'The dinner was served on glass tables.'), 'untranslated')).toEqual(['same-as-source']);
    expect(keys(check('The dinner was served on glass tables.', 'The dinner was served on tables.'), 'untranslated')).toEqual(['script']);
    expect(keys(check('Stepan Arkadyevich Oblonsky', 'Stepan Arkadyevich Oblonsky'), 'untranslated')).toEqual([]);
    expect(keys(check('1917–1918', '1917–1918'), 'untranslated')).toEqual([]);
    expect(keys(check('Yes, sir.', 'Yes, sir.'), 'untranslated')).toEqual([]);
    expect(keys(check('He went home and then he slept for a long time.', 'Он пошёл домой and then he slept for a long time.'), 'untranslated')).toEqual(['partly:and']);
  });
});

describe('end punctuation', () => {
  it('finds the ending changed, with the nuances of Russian', () => {
    expect(keys(check('Is she coming?', 'Она придёт.'), 'end-punctuation')).toEqual(['question->period']);
    expect(keys(check('Is she coming?', 'Неужели она придёт?!'), 'end-punctuation')).toEqual([]);
    expect(keys(check('Is she coming?', 'Она придёт?..'), 'end-punctuation')).toEqual([]);
    expect(keys(check('And then...', 'А потом…'), 'end-punctuation')).toEqual([]);
    expect(keys(check('He said: "Go!"', 'Он сказал: «Иди!»'), 'end-punctuation')).toEqual([]);
    expect(keys(check('He said it', 'Он сказал это.'), 'end-punctuation')).toEqual(['none->period']);
    expect(keys(check('As follows:', 'Вот так.'), 'end-punctuation')).toEqual(['colon->period']);
    // A reply followed by who said it ends as the reply does; ! and . differ in tone only.
    expect(keys(check("'Been here long?'", '— Давно тут? — спросил он.'), 'end-punctuation')).toEqual([]);
    expect(keys(check('Away with it!', 'Прочь.'), 'end-punctuation')).toEqual([]);
  });
});

describe('glossary', () => {
  const context = (target: string, tokens: { start: number; end: number; stem: string }[], hits = [sovietHit()]): CheckContext => ({ ...KNOWN, glossary: { hits, targetTokens: tokens, targetText: target } });

  it('finds a forbidden translation used and the preferred one missing, on the server’s stems', () => {
    const good = 'Этот Совет собрался.';
    expect(keys(check('The Soviet met.', good, { context: context(good, [{ start: 0, end: 4, stem: 'эт' }, { start: 5, end: 10, stem: 'совет' }, { start: 11, end: 19, stem: 'собра' }]) }), 'glossary')).toEqual([]);
    const bad = 'Этот совдеп собрался.';
    expect(keys(check('The Soviet met.', bad, { context: context(bad, [{ start: 0, end: 4, stem: 'эт' }, { start: 5, end: 11, stem: 'совдеп' }, { start: 12, end: 20, stem: 'собра' }]) }), 'glossary')).toEqual(['forbidden:term-soviet:совдеп', 'missing:term-soviet']);
    const other = 'Этот орган собрался.';
    const found = check('The Soviet met.', other, { context: context(other, [{ start: 5, end: 10, stem: 'орга' }]) });
    expect(keys(found, 'glossary')).toEqual(['missing:term-soviet']);
    expect(messageOf(of(found, 'glossary')[0])).toContain('“Совет”');
  });

  it('accepts an admitted translation of several words at consecutive tokens', () => {
    const text = 'Совет депутатов собрался.';
    const tokens = [{ start: 0, end: 5, stem: 'совет' }, { start: 6, end: 15, stem: 'депутат' }, { start: 16, end: 24, stem: 'собра' }];
    const admittedOnly = sovietHit({ translations: [{ text: 'Совдепия', status: 'preferred', stems: ['совдеп'] }, { text: 'Совет депутатов', status: 'admitted', stems: ['совет', 'депутат'] }] });
    expect(keys(check('The Soviet met.', text, { context: context(text, tokens, [admittedOnly]) }), 'glossary')).toEqual([]);
    const apart = 'Совет и депутаты.';
    expect(keys(check('The Soviet met.', apart, { context: context(apart, [{ start: 0, end: 5, stem: 'совет' }, { start: 6, end: 7, stem: 'и' }, { start: 8, end: 16, stem: 'депутат' }], [admittedOnly]) }), 'glossary')).toEqual(['missing:term-soviet']);
  });

  it('matches stems as the beginnings of words in a draft typed since the tokens were made', () => {
    const typed = 'Этого Совета не было.';
    expect(keys(check('The Soviet met.', typed, { context: context('Этот Совет собрался.', []) }), 'glossary')).toEqual([]);
    expect(keys(check('The Soviet met.', 'Совдепы собрались.', { context: context('Этот Совет собрался.', []) }), 'glossary')).toEqual(['forbidden:term-soviet:совдеп', 'missing:term-soviet']);
  });
});

describe('names', () => {
  it('finds a name not in its preferred form, in the text the mentions were found in only', () => {
    const text = 'Троцкий и Зиновьеф выступили.';
    const names: CheckContext = {
      ...KNOWN,
      names: {
        targetText: text,
        mentions: [
          { nameId: 'trotsky', start: 0, end: 7, found: 'Троцкий', preferred: 'Троцкий', isPreferred: true },
          { nameId: 'zinoviev', start: 10, end: 18, found: 'Зиновьеф', preferred: 'Зиновьев', isPreferred: false },
          { nameId: 'unknown', start: 19, end: 28, found: 'выступили', preferred: null, isPreferred: false },
        ],
      },
    };
    const found = of(check('Trotsky and Zinoviev spoke.', text, { context: names }), 'names');
    expect(found.map((finding) => finding.key)).toEqual(['zinoviev:зиновьеф']);
    expect(found[0]?.targetRange).toEqual({ start: 10, end: 18 });
    expect(messageOf(found[0])).toContain('“Зиновьев”');
    expect(of(check('Trotsky and Zinoviev spoke.', `${text} Да.`, { context: names }), 'names')).toEqual([]);
  });
});

describe('length', () => {
  const norm = lengthNormOf(Array.from({ length: 40 }, (_, i) => ({ ratio: 0.1 + (i % 5) * 0.02, sourceChars: 100 })), 'en', 'ru');

  it('computes a work’s norm (median and robust spread), or the pair’s default below 30 translations', () => {
    expect(norm.isDefault).toBe(false);
    expect(norm.median).toBeCloseTo(0.14, 5);
    expect(norm.spread).toBeCloseTo(1.4826 * 0.02, 5);
    expect(lengthNormOf([{ ratio: 2, sourceChars: 100 }], 'en', 'ru')).toEqual(defaultLengthNorm('en', 'ru', 1));
    expect(lengthSample('short', 'коротко')).toBeNull();
  });

  it('finds a translation far too long or too short for the norm', () => {
    const source = 'The delegates of the congress discussed the theses for three days.';
    const context = { ...KNOWN, lengthNorm: norm };
    expect(keys(check(source, 'Делегаты съезда обсуждали тезисы в течение трёх дней подряд.', { context }), 'length')).toEqual([]);
    expect(keys(check(source, 'Делегаты спорили.', { context }), 'length')).toEqual(['too-short']);
    expect(keys(check(source, 'Делегаты съезда обсуждали тезисы в течение трёх дней подряд, и обсуждали их снова и снова, и ещё раз, до самой ночи, пока не устали совсем.', { context }), 'length')).toEqual(['too-long']);
  });
});

describe('consistency', () => {
  it('finds a sentence translated otherwise elsewhere in the work, case and spaces aside', () => {
    const others = (...texts: string[]): CheckContext => ({ ...KNOWN, otherTranslations: texts.map((text, i) => ({ segmentId: `s${i}`, text })) });
    expect(keys(check('The door opened.', 'Дверь открылась.', { context: others('дверь  открылась.') }), 'consistency')).toEqual([]);
    const found = of(check('The door opened.', 'Дверь отворилась.', { context: others('Дверь открылась.') }), 'consistency');
    expect(found).toHaveLength(1);
    expect(messageOf(found[0])).toBe('The same sentence is translated “Дверь открылась.” elsewhere.');
    // The key follows the other translations: one of them changed is a new finding.
    const changed = of(check('The door opened.', 'Дверь отворилась.', { context: others('Дверь раскрылась.') }), 'consistency');
    expect(changed[0]?.key).not.toBe(found[0]?.key);
    expect(keys(check('The door opened.', 'Дверь отворилась.', { context: others('Дверь открылась.', 'Дверь отворилась.') }), 'consistency')).toEqual([]);
  });
});

describe('repeated words', () => {
  it('finds a word typed twice, but not hyphenated reduplication, grammar, or a double the original has', () => {
    expect(keys(check('I know what he said.', 'Я знаю что что он сказал.'), 'repeated-words')).toEqual(['word:что']);
    expect(keys(check('He saw the house.', 'He saw The the house.', { from: 'ru', to: 'en' }), 'repeated-words')).toEqual(['word:the']);
    expect(keys(check('Barely alive.', 'Еле-еле живой, чуть-чуть.'), 'repeated-words')).toEqual([]);
    expect(keys(check('Он уже ушёл.', 'He had had enough.', { from: 'ru', to: 'en' }), 'repeated-words')).toEqual([]);
    expect(keys(check('It was very very cold.', 'Было очень очень холодно.'), 'repeated-words')).toEqual([]);
    expect(keys(check('Yes, yes.', 'Да, да.'), 'repeated-words')).toEqual([]);
  });
});

describe('keys', () => {
  it('are unique within a check, and stay the same when the text changes elsewhere', () => {
    const first = check('He came.', 'Он  пришёл  домой.');
    expect(keys(first, 'spacing')).toEqual(['double-space:он', 'double-space:пришёл']);
    const edited = check('He came.', 'Вчера он  пришёл домой.');
    expect(keys(edited, 'spacing')).toEqual(['double-space:он']);
  });
});

describe('a group translated as one', () => {
  it('joins its sources by a space and says where each begins', () => {
    expect(joinGroupSources(['One.', 'Two.', 'Three.'])).toEqual({ text: 'One. Two. Three.', offsets: [0, 5, 10] });
    expect(joinGroupSources(['Alone.'])).toEqual({ text: 'Alone.', offsets: [0] });
  });
});
