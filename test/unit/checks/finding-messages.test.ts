import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { formatFinding } from '../../../lib/checks/format-finding';
import { lengthNormOf } from '../../../lib/checks/length-norm';
import { CHECK_IDS, type CheckContext, type Finding } from '../../../lib/checks/types';
import en from '../../../lib/i18n/messages/en.json';
import ru from '../../../lib/i18n/messages/ru.json';
import { check, KNOWN, sovietHit } from '../../helpers/checks';

const onError = (error: Error) => {
  throw error;
};
const english = createTranslator({ locale: 'en', messages: en, namespace: 'checks', onError });
const russian = createTranslator({ locale: 'ru', messages: ru, namespace: 'checks', onError });

const glossary = (target: string, tokens: { start: number; end: number; stem: string }[]): CheckContext => ({ ...KNOWN, glossary: { targetText: target, targetTokens: tokens, hits: [sovietHit()] } });
const names = (text: string): CheckContext => ({ ...KNOWN, names: { targetText: text, mentions: [{ nameId: 'zinoviev', start: 10, end: 18, found: 'Зиновьеф', preferred: 'Зиновьев', isPreferred: false }] } });
const norm = lengthNormOf(Array.from({ length: 40 }, (_, i) => ({ ratio: 0.1 + (i % 5) * 0.02, sourceChars: 100 })), 'en', 'ru');
const delegates = 'The delegates of the congress discussed the theses for three days.';

/**
 * A translation for every message the checks say, with the English it reads as (the same words
 * the checks said before their messages moved to the catalogues).
 */
const CASES: { findings: Finding[]; key: string; english: string }[] = [
  { findings: check('There were 12 of them.', 'Их было немало.'), key: 'numbers.missing', english: '“12” of the original is not in the translation.' },
  { findings: check('There were many of them.', 'Их было 12.'), key: 'numbers.extra', english: '“12” of the translation is not in the original.' },
  { findings: check('They met on 5 March 1917.', 'Они встретились 5.1917.'), key: 'numbers.missingMonth', english: 'The month March of the original is not in the translation.' },
  { findings: check('They met on the 5th, in 1917.', 'Они встретились 5 марта 1917 года.'), key: 'numbers.extraMonth', english: 'The month March of the translation is not in the original.' },
  { findings: check('The congress met.', 'Съезд собрался.', { context: { ...KNOWN, footnotes: [{ label: '12', offset: 11 }] } }), key: 'footnotes.missing', english: 'The marker of note 12 is missing: type ¹² after the word it belongs to.' },
  { findings: check('The congress met.', 'Съезд собрался*.'), key: 'footnotes.extra', english: 'The marker * points to no note of the original.' },
  { findings: check('The congress met and adopted the theses.', 'Съезд² собрался и принял тезисы¹.', { context: { ...KNOWN, footnotes: [{ label: '1', offset: 11 }, { label: '2', offset: 39 }] } }), key: 'footnotes.order', english: 'The footnote markers are in another order than in the original (¹ ²).' },
  { findings: check('He left.', '«Он ушёл.'), key: 'brackets.quoteOpen', english: 'A quotation opened here is not closed: «Он ушёл.' },
  { findings: check('He left.', 'Он ушёл.»'), key: 'brackets.quoteClose', english: 'A closing quotation mark closes no quotation: Он ушёл.»' },
  { findings: check('He left.', 'Он (ушёл.'), key: 'brackets.parenthesisOpen', english: 'A parenthesis opened here is not closed: Он (ушёл.' },
  { findings: check('He left.', 'Он ушёл).'), key: 'brackets.parenthesisClose', english: 'A closing parenthesis closes none: Он ушёл).' },
  { findings: check('He left.', 'Он [ушёл.'), key: 'brackets.bracketOpen', english: 'A square bracket opened here is not closed: Он [ушёл.' },
  { findings: check('He left.', 'Он ушёл].'), key: 'brackets.bracketClose', english: 'A closing square bracket closes none: Он ушёл].' },
  { findings: check('He left.', 'Он "ушёл.', { to: 'en' }), key: 'brackets.straight', english: 'A straight quotation mark " is left unpaired: Он "ушёл.' },
  { findings: check('He left.', ' Он ушёл.'), key: 'spacing.leadingSpace', english: 'The text begins with a space.' },
  { findings: check('He left.', 'Он ушёл. '), key: 'spacing.trailingSpace', english: 'The text ends with a space.' },
  { findings: check('He left.', 'Он  ушёл.'), key: 'spacing.doubleSpace', english: 'Two spaces in a row: Он  ушёл.' },
  { findings: check('He left.', 'Он\tушёл.'), key: 'spacing.lineBreak', english: 'A tab or line break inside the text.' },
  { findings: check('He left.', 'Он ушёл .'), key: 'spacing.spaceBeforePunctuation', english: 'A space before .: Он ушёл .' },
  { findings: check('He (left).', 'Он ( ушёл).'), key: 'spacing.spaceAfterBracket', english: 'A space after (: Он ( ушёл).' },
  { findings: check('He said “no”.', 'Он сказал « нет».'), key: 'spacing.spaceInsideQuotes', english: 'A space inside the quotation marks: Он сказал « нет».' },
  { findings: check('He left!', 'Il est parti !', { to: 'fr' }), key: 'spacing.frBreakingSpace', english: 'French puts a no-break space before !, so that it never starts a line: Il est parti !' },
  { findings: check('He left!', 'Il est parti!', { to: 'fr' }), key: 'spacing.frMissingSpace', english: 'French puts a narrow no-break space before !: Il est parti!' },
  { findings: check('He said “yes”.', 'Il dit «\u00A0oui».', { to: 'fr' }), key: 'spacing.frMissingSpace', english: 'French puts a narrow no-break space before »: Il dit «\u00A0oui».' },
  { findings: check('He said “yes”.', 'Il dit «oui\u00A0».', { to: 'fr' }), key: 'spacing.frSpaceAfterQuote', english: 'French puts a no-break space after «: Il dit «oui\u00A0».' },
  { findings: check('He left, and that was all.', 'Он ушёл - и всё.'), key: 'spacing.ruDash', english: 'Russian sets a dash as — with spaces, not -: Он ушёл - и всё.' },
  { findings: check('He left, and that was all.', 'Он ушёл—и всё.'), key: 'spacing.ruDashSpaces', english: 'Russian puts spaces around a dash: Он ушёл—и всё.' },
  { findings: check('He said “yes”.', 'Он сказал "да".'), key: 'spacing.ruStraightQuotes', english: 'Russian quotes with «ёлочки» (and „лапки“ inside them), not straight quotes: Он сказал "да".' },
  { findings: check('He said “yes”.', 'Он сказал “да”.'), key: 'spacing.ruEnglishQuotes', english: 'Russian quotes with «ёлочки» (and „лапки“ inside them), not English quotes: Он сказал “да”.' },
  { findings: check('He left the house early.', 'He left the house early.'), key: 'untranslated.sameAsSource', english: 'The translation is the original as it stands.' },
  { findings: check('He left the house early.', 'He went out of the house early.'), key: 'untranslated.script', english: 'The translation is written in the original’s alphabet: it looks untranslated.' },
  { findings: check('He left the house early.', 'Он сказал: he left the house very early.'), key: 'untranslated.partly', english: 'Part of the translation is still in the original’s language: “he left the house very early”' },
  { findings: check('Has he left?', 'Он ушёл.'), key: 'end-punctuation.differs', english: 'The original ends with a question mark, the translation with a full stop.' },
  { findings: check('Has he left?!', 'Он ушёл'), key: 'end-punctuation.differs', english: 'The original ends with a question mark and an exclamation mark, the translation with no punctuation.' },
  { findings: check('The Soviet met.', 'Этот совдеп собрался.', { context: glossary('Этот совдеп собрался.', [{ start: 5, end: 11, stem: 'совдеп' }]) }), key: 'glossary.forbidden', english: '“Soviet” must not be translated “совдеп”: use “Совет”.' },
  { findings: check('The Soviet met.', 'Этот орган собрался.', { context: glossary('Этот орган собрался.', [{ start: 5, end: 10, stem: 'орга' }]) }), key: 'glossary.missing', english: '“Soviet” is translated “Совет” in the glossary (also admitted: “Совет депутатов”).' },
  { findings: check('Trotsky and Zinoviev spoke.', 'Троцкий и Зиновьеф выступили.', { context: names('Троцкий и Зиновьеф выступили.') }), key: 'names.notPreferred', english: '“Зиновьеф” is written “Зиновьев” in this collection.' },
  { findings: check(delegates, 'Делегаты спорили.', { context: { ...KNOWN, lengthNorm: norm } }), key: 'length.tooLongOrShort', english: 'The translation is 0.3 times as long as the original; this work’s translations into this language are usually 1.2 times as long.' },
  { findings: check('The door opened.', 'Дверь отворилась.', { context: { ...KNOWN, otherTranslations: [{ segmentId: 'a', text: 'Дверь открылась.' }, { segmentId: 'b', text: 'Дверь раскрылась.' }] } }), key: 'consistency.differs', english: 'The same sentence is translated “Дверь открылась.” elsewhere (and 1 other translation).' },
  { findings: check('He left at once.', 'Он ушёл ушёл сразу.'), key: 'repeated-words.twice', english: '“ушёл” twice in a row: Он ушёл ушёл сразу.' },
];

const keyOf = (finding: Finding) => finding.message.key;

describe('the messages of the quality checks', () => {
  it('say what the checks find, in English as before', () => {
    for (const { findings, key, english: expected } of CASES) {
      const finding = findings.find((candidate) => keyOf(candidate) === key);
      expect(finding, `${key}: ${findings.map(keyOf).join(', ')}`).toBeDefined();
      expect(formatFinding(english, finding as Finding)).toBe(expected);
    }
  });

  it('has every message in English and Russian, each said by some check, and each formats in Russian', () => {
    const catalogueKeys = (messages: Record<string, Record<string, string>>) => Object.entries(messages).flatMap(([check, names]) => Object.keys(names).map((name) => `${check}.${name}`)).sort();
    const keys = catalogueKeys(en.checks.messages);
    expect(catalogueKeys(ru.checks.messages)).toEqual(keys);
    expect([...new Set(CASES.map((entry) => entry.key))].sort()).toEqual(keys);
    for (const { findings, key } of CASES) {
      const finding = findings.find((candidate) => keyOf(candidate) === key) as Finding;
      const text = formatFinding(russian, finding);
      expect(text, key).not.toMatch(/[{}]|^checks\./u);
    }
  });

  it('reads as Russian: cases, plurals and lists', () => {
    const say = (findings: Finding[]) => findings.map((finding) => formatFinding(russian, finding));
    expect(say(check('There were 12 of them.', 'Их было немало.'))).toEqual(['В переводе нет числа «12» из оригинала.']);
    expect(say(check('Has he left?!', 'Он ушёл'))).toEqual(['Оригинал кончается вопросительным и восклицательным знаками, а перевод — без знака препинания.']);
    const others = (count: number): CheckContext => ({ ...KNOWN, otherTranslations: Array.from({ length: count }, (_, i) => ({ segmentId: `s${i}`, text: `Дверь открылась ${i}.` })) });
    expect(say(check('The door opened.', 'Дверь отворилась.', { context: others(6) }))).toEqual(['В другом месте это же предложение переведено «Дверь открылась 0.» (и ещё 5 переводов).']);
    expect(say(check('The door opened.', 'Дверь отворилась.', { context: others(3) }))).toEqual(['В другом месте это же предложение переведено «Дверь открылась 0.» (и ещё 2 перевода).']);
    expect(say(check('The Soviet met.', 'Этот орган собрался.', { context: glossary('Этот орган собрался.', [{ start: 5, end: 10, stem: 'орга' }]) }))).toEqual(['В глоссарии термин «Soviet» переводится как «Совет» (допустимо также: «Совет депутатов»).']);
    expect(say(check(delegates, 'Делегаты спорили.', { context: { ...KNOWN, lengthNorm: norm } }))).toEqual(['Длина перевода — 0,3 от длины оригинала, а у переводов этого произведения на этот язык обычно — 1,2.']);
  });

  it('names and explains every check in both languages', () => {
    for (const id of CHECK_IDS) {
      for (const catalogue of [en, ru]) {
        expect(catalogue.checks.names[id], id).toBeTruthy();
        expect(catalogue.checks.descriptions[id], id).toBeTruthy();
        expect(catalogue.checks.why[id], id).toBeTruthy();
        expect(catalogue.checks.fixes[id], id).toBeTruthy();
      }
    }
  });
});
