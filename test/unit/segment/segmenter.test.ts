import { describe, expect, it } from 'vitest';

import { segmentDocument, splitSentences, type SegmentedBlock } from '../../../lib/segment/segmenter';

const en = (text: string): string[] => splitSentences(text, 'en');

function sentencesOf(blocks: SegmentedBlock[]): { text: string; pages: { label: string; offset: number }[] }[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? b.sentences : []));
}

describe('splitSentences: initials and abbreviations', () => {
  it('keeps spaced initials with the surname', () => {
    expect(en('The letter was signed by J. V. Stalin in person. It arrived late.')).toEqual([
      'The letter was signed by J. V. Stalin in person.',
      'It arrived late.',
    ]);
    expect(en('We read V. I. Lenin on the state. Then we argued.')).toEqual([
      'We read V. I. Lenin on the state.',
      'Then we argued.',
    ]);
    expect(en('A reply by A. Smith appeared. It was short.')).toEqual(['A reply by A. Smith appeared.', 'It was short.']);
    expect(en('The book by A.B. Kowalski is long. Few read it.')).toEqual([
      'The book by A.B. Kowalski is long.',
      'Few read it.',
    ]);
  });

  it('does not break after a single capital letter and period', () => {
    expect(en('Point B. Below it lies the valley.')).toEqual(['Point B. Below it lies the valley.']);
  });

  it('keeps dotted party and country acronyms whole', () => {
    expect(en('The congress of the C.P.S.U.(B.) opened in spring. Delegates came from afar.')).toEqual([
      'The congress of the C.P.S.U.(B.) opened in spring.',
      'Delegates came from afar.',
    ]);
    expect(en('It is the line of the C.P.S.U. (B.) on this point. Nobody disputed it.')).toEqual([
      'It is the line of the C.P.S.U. (B.) on this point.',
      'Nobody disputed it.',
    ]);
    expect(en('Trade with the U. S. S. R. grew quickly. Exports doubled.')).toEqual([
      'Trade with the U. S. S. R. grew quickly.',
      'Exports doubled.',
    ]);
    expect(en('Imports from the U.S.A. rose that year. Nobody expected it.')).toEqual([
      'Imports from the U.S.A. rose that year.',
      'Nobody expected it.',
    ]);
  });

  it('keeps i. e. and e. g. (spaced or not) inside the sentence', () => {
    expect(en('It was, i. e. in effect, a defeat. Nobody denied it.')).toEqual([
      'It was, i. e. in effect, a defeat.',
      'Nobody denied it.',
    ]);
    expect(en('Some crops, e. g. Winter Wheat, failed. Others did not.')).toEqual([
      'Some crops, e. g. Winter Wheat, failed.',
      'Others did not.',
    ]);
    expect(en('Many trades, e.g. Miners, struck; i.e. Most of industry stopped. Then came the spring.')).toEqual([
      'Many trades, e.g. Miners, struck; i.e. Most of industry stopped.',
      'Then came the spring.',
    ]);
  });

  it('keeps titles before names', () => {
    expect(en('I thank you, Mr. Stalin, for your time. Mrs. Brown and Dr. Green agreed. They met in St. Petersburg.')).toEqual([
      'I thank you, Mr. Stalin, for your time.',
      'Mrs. Brown and Dr. Green agreed.',
      'They met in St. Petersburg.',
    ]);
  });

  it('keeps numbering and citation abbreviations', () => {
    expect(
      en(
        'The decree No. 971 was published. See pp. 750 ff. for the full text. The quotation is on p. 23 of the pamphlet. ' +
          'It is printed in vol. 8 of the series. Vol. 3 has the rest, cf. Vol. 2 as well.',
      ),
    ).toEqual([
      'The decree No. 971 was published.',
      'See pp. 750 ff. for the full text.',
      'The quotation is on p. 23 of the pamphlet.',
      'It is printed in vol. 8 of the series.',
      'Vol. 3 has the rest, cf. Vol. 2 as well.',
    ]);
    expect(en('This was noted before (cf. Kautsky, Vol. XII). Then we moved on.')).toEqual([
      'This was noted before (cf. Kautsky, Vol. XII).',
      'Then we moved on.',
    ]);
    expect(en('The same figure is given ibid. p. 12 as well. See Marx, op. cit., p. 45, on this.')).toEqual([
      'The same figure is given ibid. p. 12 as well.',
      'See Marx, op. cit., p. 45, on this.',
    ]);
    expect(en('He quotes Engels (op. cit. p. 7). A long debate followed.')).toEqual([
      'He quotes Engels (op. cit. p. 7).',
      'A long debate followed.',
    ]);
  });

  it('keeps etc. followed by a lowercase word, but may break before a capital', () => {
    expect(en('They brought bread, salt, etc. and some tea. Then they left.')).toEqual([
      'They brought bread, salt, etc. and some tea.',
      'Then they left.',
    ]);
    expect(en('They brought bread, salt, etc. Then they left.')).toEqual([
      'They brought bread, salt, etc.',
      'Then they left.',
    ]);
  });

  it('keeps month abbreviations and a.m. / p.m.', () => {
    expect(en('The plenum met on Jan. 21 and again on Feb. 3. A third session followed in Sept. 1926.')).toEqual([
      'The plenum met on Jan. 21 and again on Feb. 3.',
      'A third session followed in Sept. 1926.',
    ]);
    expect(en('The dates were Mar. 4, Apr. 9, Aug. 12, Oct. 1 and Dec. 30. It was a busy year.')).toEqual([
      'The dates were Mar. 4, Apr. 9, Aug. 12, Oct. 1 and Dec. 30.',
      'It was a busy year.',
    ]);
    expect(en('The train left at 6 a.m. and arrived at 9 p.m. on the same day. Everyone was tired.')).toEqual([
      'The train left at 6 a.m. and arrived at 9 p.m. on the same day.',
      'Everyone was tired.',
    ]);
  });

  it('keeps ellipses followed by lowercase and decimal numbers', () => {
    expect(en('He hesitated... and then went on. Nobody spoke.')).toEqual([
      'He hesitated... and then went on.',
      'Nobody spoke.',
    ]);
    expect(en('He hesitated… and then went on. Nobody spoke.')).toEqual([
      'He hesitated… and then went on.',
      'Nobody spoke.',
    ]);
    expect(en('The index rose by 3.5 per cent. It fell by 0.75 later.')).toEqual([
      'The index rose by 3.5 per cent.',
      'It fell by 0.75 later.',
    ]);
  });

  it('leaves closing quotes and brackets with the sentence before', () => {
    expect(en('He said: “We shall win.” Nobody doubted it.')).toEqual(['He said: “We shall win.”', 'Nobody doubted it.']);
    expect(en('(He left at once.) Then we resumed.')).toEqual(['(He left at once.)', 'Then we resumed.']);
    expect(en('She asked: "Why not?" Then she left.')).toEqual(['She asked: "Why not?"', 'Then she left.']);
  });

  it('splits ordinary sentences and speaker turns', () => {
    expect(en('Smith. I am grateful to you, Mr. Jones. Jones. Not at all!')).toEqual([
      'Smith.',
      'I am grateful to you, Mr. Jones.',
      'Jones.',
      'Not at all!',
    ]);
    expect(en('Is it true? Yes. It is.')).toEqual(['Is it true?', 'Yes.', 'It is.']);
  });

  it('keeps the page number of a contents entry with its dot leaders', () => {
    expect(en('I . . . . . . . . . . . . . . . . . 1')).toEqual(['I . . . . . . . . . . . . . . . . . 1']);
    expect(en('DEVIATIONS. Two Speeches Delivered at a Meeting, January 22, 1926 . . . 1')).toEqual([
      'DEVIATIONS.',
      'Two Speeches Delivered at a Meeting, January 22, 1926 . . . 1',
    ]);
    expect(en('Reply to Comrades P. F. Boltnev and V. I. Ivlev ............. 97')).toEqual(['Reply to Comrades P. F. Boltnev and V. I. Ivlev ............. 97']);
    expect(en('Preface . . . . . . XIII')).toEqual(['Preface . . . . . . XIII']);
    expect(en('Introduction.... 5')).toEqual(['Introduction.... 5']);
  });

  it('does not take an ellipsis before a chapter number for dot leaders', () => {
    expect(splitSentences('Она только простить может... XI', 'ru')).toEqual(['Она только простить может...', 'XI']);
  });

  it('attaches a bare list number to the item after it', () => {
    expect(en('There are two points. 1. The first is cost. 2. The second is time.')).toEqual([
      'There are two points.',
      '1. The first is cost.',
      '2. The second is time.',
    ]);
  });
});

describe('splitSentences: other languages', () => {
  it('handles Russian abbreviations and initials', () => {
    expect(
      splitSentences(
        'Это было в 1926 г. в Москве. Завод им. Ленина работал, т. е. выпускал продукцию, и т. д. Потом всё изменилось.',
        'ru',
      ),
    ).toEqual([
      'Это было в 1926 г. в Москве.',
      'Завод им. Ленина работал, т. е. выпускал продукцию, и т. д.',
      'Потом всё изменилось.',
    ]);
    expect(splitSentences('Статью написал В. И. Ленин. Она вышла весной. Разговор с тов. Ивановым был долгим.', 'ru')).toEqual([
      'Статью написал В. И. Ленин.',
      'Она вышла весной.',
      'Разговор с тов. Ивановым был долгим.',
    ]);
  });

  it('handles German abbreviations', () => {
    expect(
      splitSentences('Viele Autoren, z. B. Marx, schrieben darüber. Die Lage war, d. h. Nach Lenin, ernst. Vgl. Kapitel 3. Ende.', 'de'),
    ).toEqual([
      'Viele Autoren, z. B. Marx, schrieben darüber.',
      'Die Lage war, d. h. Nach Lenin, ernst.',
      'Vgl. Kapitel 3.',
      'Ende.',
    ]);
    expect(splitSentences('Siehe Nr. 5 und S. 12. Das genügt.', 'de')).toEqual(['Siehe Nr. 5 und S. 12.', 'Das genügt.']);
  });

  it('handles French', () => {
    expect(splitSentences('M. Dupont est arrivé. Il a parlé, cf. p. 12. Fin.', 'fr')).toEqual([
      'M. Dupont est arrivé.',
      'Il a parlé, cf. p. 12.',
      'Fin.',
    ]);
  });

  it('falls back gracefully on an unknown language tag', () => {
    expect(splitSentences('One sentence. Two sentences.', 'not a tag!')).toEqual(['One sentence.', 'Two sentences.']);
  });
});

describe('splitSentences: dialogue written with dashes', () => {
  const ru = (text: string): string[] => splitSentences(text, 'ru');

  it('starts a sentence at each reply after final punctuation, whatever the dash', () => {
    expect(ru('— Ты куда? — Домой. — Так поздно!')).toEqual(['— Ты куда?', '— Домой.', '— Так поздно!']);
    expect(ru('-- Вы будете к обеду? -- Непременно. -- Вот и славно!')).toEqual(['-- Вы будете к обеду?', '-- Непременно.', '-- Вот и славно!']);
    expect(ru('Она подняла глаза. – Я знала, что вы придёте.')).toEqual(['Она подняла глаза.', '– Я знала, что вы придёте.']);
    expect(ru('-- Неужели известью…? -- Нет, глиной.')).toEqual(['-- Неужели известью…?', '-- Нет, глиной.']);
  });

  it('keeps an attribution after a reply in the reply’s sentence', () => {
    expect(ru('— Пойдём, — сказал он. — Уже поздно.')).toEqual(['— Пойдём, — сказал он.', '— Уже поздно.']);
    expect(ru('— Неужели?! — воскликнула она и засмеялась.')).toEqual(['— Неужели?! — воскликнула она и засмеялась.']);
    expect(ru('-- Вот как? -- сказал Весловский. -- Не ожидал.')).toEqual(['-- Вот как? -- сказал Весловский.', '-- Не ожидал.']);
    expect(ru('— Нет, — ответил он, — не пойду.')).toEqual(['— Нет, — ответил он, — не пойду.']);
  });

  it('keeps an abbreviation before a reply from ending the sentence only where it would anyway', () => {
    expect(ru('Это было в 1812 г. — Потом пришла зима.')).toEqual(['Это было в 1812 г.', '— Потом пришла зима.']);
    expect(ru('— Где он живёт? — В г. Казани.')).toEqual(['— Где он живёт?', '— В г. Казани.']);
  });

  it('reads dialogue dashes in French, Spanish and Italian too', () => {
    expect(splitSentences('— Tu viens ? — Oui, j’arrive.', 'fr')).toEqual(['— Tu viens ?', '— Oui, j’arrive.']);
    expect(splitSentences('—¿Vienes? —Sí, ahora mismo.', 'es')).toEqual(['—¿Vienes?', '—Sí, ahora mismo.']);
    expect(splitSentences('—¿Vienes? —preguntó ella.', 'es')).toEqual(['—¿Vienes? —preguntó ella.']);
    expect(splitSentences('— Vieni? — Sì, subito.', 'it')).toEqual(['— Vieni?', '— Sì, subito.']);
  });

  it('leaves dashes alone in languages that quote their dialogue', () => {
    expect(en('He stopped. — Then he went on.')).toEqual(['He stopped. — Then he went on.']);
  });
});

describe('splitSentences: quotation marks and ellipses', () => {
  const ru = (text: string): string[] => splitSentences(text, 'ru');

  it('ends a sentence inside guillemets or low-high quotes before a capital', () => {
    expect(ru('«Да.» Он ушёл.')).toEqual(['«Да.»', 'Он ушёл.']);
    expect(ru('«Домой!» Он хлопнул дверью.')).toEqual(['«Домой!»', 'Он хлопнул дверью.']);
    expect(ru('Он сказал: «Нет». Потом ушёл.')).toEqual(['Он сказал: «Нет».', 'Потом ушёл.']);
    expect(splitSentences('„Ja.“ Er ging. „Wirklich?“ Sie lachte.', 'de')).toEqual(['„Ja.“', 'Er ging.', '„Wirklich?“', 'Sie lachte.']);
  });

  it('keeps a quotation with the attribution that follows it', () => {
    expect(ru('«Куда ты?» — спросила мать.')).toEqual(['«Куда ты?» — спросила мать.']);
    expect(ru('«Ах, как хорошо!» подумал он.')).toEqual(['«Ах, как хорошо!» подумал он.']);
    expect(ru('«Ты уверен?» — «Да!» — ответил он.')).toEqual(['«Ты уверен?»', '— «Да!» — ответил он.']);
  });

  it('splits after an ellipsis before a capital, not before a lower-case word', () => {
    expect(ru('Он ждал… Потом ушёл.')).toEqual(['Он ждал…', 'Потом ушёл.']);
    expect(ru('Он ждал... Потом ушёл.')).toEqual(['Он ждал...', 'Потом ушёл.']);
    expect(ru('Он ждал… и ушёл.')).toEqual(['Он ждал… и ушёл.']);
    expect(ru('Он ждал... и ушёл.')).toEqual(['Он ждал... и ушёл.']);
  });
});

describe('splitSentences: Russian initials and abbreviations', () => {
  const ru = (text: string): string[] => splitSentences(text, 'ru');

  it('keeps Cyrillic initials, spaced or not, with the surname', () => {
    expect(ru('Роман написал Л. Н. Толстой. Он жил в Ясной Поляне.')).toEqual(['Роман написал Л. Н. Толстой.', 'Он жил в Ясной Поляне.']);
    expect(ru('Стихи А.С. Пушкина знают все. Их учат в школе.')).toEqual(['Стихи А.С. Пушкина знают все.', 'Их учат в школе.']);
  });

  it('keeps "that is", "for example", "compare" and "see" inside the sentence', () => {
    expect(ru('Он уехал, т. е. сбежал. Никто не знал куда.')).toEqual(['Он уехал, т. е. сбежал.', 'Никто не знал куда.']);
    expect(ru('Многие писатели, напр. Чехов, были врачами. Это известно.')).toEqual(['Многие писатели, напр. Чехов, были врачами.', 'Это известно.']);
    expect(ru('Ср. Пушкин и Лермонтов. Оба были поэтами.')).toEqual(['Ср. Пушкин и Лермонтов.', 'Оба были поэтами.']);
    expect(ru('Подробнее см. Приложение 2. Там есть таблицы.')).toEqual(['Подробнее см. Приложение 2.', 'Там есть таблицы.']);
  });

  it('lets "etc.", "and others" and "AD" end a sentence before a capital', () => {
    expect(ru('Купили хлеб, молоко и т. д. Потом пошли домой.')).toEqual(['Купили хлеб, молоко и т. д.', 'Потом пошли домой.']);
    expect(ru('Говорили о погоде, урожае и т. п. вещах.')).toEqual(['Говорили о погоде, урожае и т. п. вещах.']);
    expect(ru('Пришли Иванов, Петров и др. Собрание началось.')).toEqual(['Пришли Иванов, Петров и др.', 'Собрание началось.']);
    expect(ru('Пришли Иванов, Петров и др. гости.')).toEqual(['Пришли Иванов, Петров и др. гости.']);
    expect(ru('Город основан в 300 г. до н. э. Он процветал.')).toEqual(['Город основан в 300 г. до н. э.', 'Он процветал.']);
    expect(ru('В 300 г. до н. э. греки основали город.')).toEqual(['В 300 г. до н. э. греки основали город.']);
  });

  it('tells a year, a century or a unit after a number from a reference', () => {
    expect(ru('Это случилось в 1905 г. Началась смута.')).toEqual(['Это случилось в 1905 г.', 'Началась смута.']);
    expect(ru('Он жил в г. Казани. Там учился.')).toEqual(['Он жил в г. Казани.', 'Там учился.']);
    expect(ru('Так было в 1920–1930 гг. Потом всё изменилось.')).toEqual(['Так было в 1920–1930 гг.', 'Потом всё изменилось.']);
    expect(ru('В 1920-х гг. в Москве строили много.')).toEqual(['В 1920-х гг. в Москве строили много.']);
    expect(ru('Это памятник XIV в. Его недавно отреставрировали.')).toEqual(['Это памятник XIV в.', 'Его недавно отреставрировали.']);
    expect(ru('В XIX в. в России отменили крепостное право.')).toEqual(['В XIX в. в России отменили крепостное право.']);
    expect(ru('Это храмы XII–XIII вв. Их осталось мало.')).toEqual(['Это храмы XII–XIII вв.', 'Их осталось мало.']);
    expect(ru('Длина доски 40 см. Ширина меньше.')).toEqual(['Длина доски 40 см.', 'Ширина меньше.']);
    expect(ru('Собрали 5 тыс. руб. Этого хватило.')).toEqual(['Собрали 5 тыс. руб.', 'Этого хватило.']);
    expect(ru('Собрали 5 тыс. рублей. Этого хватило.')).toEqual(['Собрали 5 тыс. рублей.', 'Этого хватило.']);
  });

  it('keeps page and chapter references with their numbers', () => {
    expect(ru('Цитата приведена на с. 45. Автор с ней не согласен.')).toEqual(['Цитата приведена на с. 45.', 'Автор с ней не согласен.']);
    expect(ru('См. стр. 12 и гл. 3. Там всё объяснено.')).toEqual(['См. стр. 12 и гл. 3.', 'Там всё объяснено.']);
  });

  it('reads "им." as "named after" after an institution and as the pronoun elsewhere', () => {
    expect(ru('Он учился в школе им. Горького. Потом уехал.')).toEqual(['Он учился в школе им. Горького.', 'Потом уехал.']);
    expect(ru('В МГУ им. Ломоносова много студентов. Все учатся.')).toEqual(['В МГУ им. Ломоносова много студентов.', 'Все учатся.']);
    expect(ru('Эта книга очень понравилась им. Они читали её вслух.')).toEqual(['Эта книга очень понравилась им.', 'Они читали её вслух.']);
    expect(ru('Все были довольны им. Разговор продолжался.')).toEqual(['Все были довольны им.', 'Разговор продолжался.']);
  });
});

describe('splitSentences: numbers and numbered lists', () => {
  it('starts an item’s sentence at its number after a colon', () => {
    expect(splitSentences('Порядок работы: 1. Собрать данные. 2. Проверить их. 3) Написать отчёт.', 'ru')).toEqual([
      'Порядок работы:',
      '1. Собрать данные.',
      '2. Проверить их.',
      '3) Написать отчёт.',
    ]);
    expect(en('Two steps remain: 1. Read the text. 2. Check it.')).toEqual(['Two steps remain:', '1. Read the text.', '2. Check it.']);
  });

  it('keeps an enumeration in lower case inside its sentence', () => {
    expect(splitSentences('Нужно: 1) собрать данные; 2) проверить их.', 'ru')).toEqual(['Нужно: 1) собрать данные; 2) проверить их.']);
    expect(en('The ratio was 3:1. Nobody expected it.')).toEqual(['The ratio was 3:1.', 'Nobody expected it.']);
  });

  it('ends a sentence before one that starts with a number and a lower-case word', () => {
    expect(splitSentences('Погода портилась. 30 сентября выглянуло солнце.', 'ru')).toEqual(['Погода портилась.', '30 сентября выглянуло солнце.']);
    expect(en('The war ended in 1918. 20 million had died.')).toEqual(['The war ended in 1918.', '20 million had died.']);
    expect(en('See p. 5 for details. It is short.')).toEqual(['See p. 5 for details.', 'It is short.']);
  });
});

describe('splitSentences: robustness', () => {
  it('never returns empty sentences and loses nothing', () => {
    const inputs = [
      '',
      '   \n\t ',
      'No terminal punctuation at all',
      'Line one\nline two.\r\nLine three.',
      'Preface . . . . . . . . . XIII Introduction . . . . 1',
      '. . . ! ? … “ ” ( )',
      '…And so it began. ¹²³ What?! Really?!',
      'W O R K E R S O F A L L C O U N T R I E S, U N I T E !',
      'J . V. S T A L I N 2 The text goes on.',
      'Mojibake Ð¡Ñ‚Ð°Ð»Ð¸Ð½. Ð›ÐµÐ½Ð¸Ð½.',
      'word.Next word. (yes.)Then more.',
    ];
    for (const input of inputs) {
      const sentences = en(input);
      for (const s of sentences) {
        expect(s.trim()).toBe(s);
        expect(s).not.toBe('');
        expect(s).not.toMatch(/\s\s/);
      }
      expect(sentences.join('').replace(/\s/g, '')).toBe(input.replace(/\s/g, ''));
    }
  });

  it('does not leave punctuation-only fragments', () => {
    for (const s of en('Preface . . . . . . . . . XIII. Introduction . . . . 1. . . .')) {
      expect(s).toMatch(/[\p{L}\p{Nd}]/u);
    }
  });
});

describe('segmentDocument: normalisation and blocks', () => {
  it('normalises BOM, line endings and NFC, joins hard line breaks', () => {
    const blocks = segmentDocument('\uFEFFThe cafe\u0301 was\r\nopen.  It\rclosed late.\r\n\r\nSecond   paragraph.', {
      language: 'en',
      format: 'txt',
    });
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        sentences: [
          { text: 'The café was open.', pages: [] },
          { text: 'It closed late.', pages: [] },
        ],
      },
      { kind: 'paragraph', sentences: [{ text: 'Second paragraph.', pages: [] }] },
    ]);
  });

  it('returns nothing for an empty document', () => {
    expect(segmentDocument('', { language: 'en', format: 'txt' })).toEqual([]);
    expect(segmentDocument('\n\n  \n', { language: 'en', format: 'md' })).toEqual([]);
    expect(segmentDocument('[Page 3]', { language: 'en', format: 'txt' })).toEqual([]);
  });

  it('treats whitespace-only lines as blank', () => {
    const blocks = segmentDocument('First block.\n   \t\nSecond block.', { language: 'en', format: 'txt' });
    expect(blocks).toHaveLength(2);
  });
});

describe('segmentDocument: page markers', () => {
  const txt = (text: string): SegmentedBlock[] => segmentDocument(text, { language: 'en', format: 'txt' });

  it('records a marker at the start of a paragraph at offset 0', () => {
    const [first] = sentencesOf(txt('[Page 5] The text begins here. Second sentence.'));
    expect(first).toEqual({ text: 'The text begins here.', pages: [{ label: '5', offset: 0 }] });
  });

  it('records a marker in the middle of a sentence at the offset of the next word', () => {
    const sentences = sentencesOf(txt('The first part [p. 12] continues here. Next one.'));
    expect(sentences[0]?.text).toBe('The first part continues here.');
    expect(sentences[0]?.pages).toEqual([{ label: '12', offset: 15 }]);
    expect(sentences[0]?.text.slice(15).startsWith('continues')).toBe(true);
    expect(sentences[1]?.pages).toEqual([]);
  });

  it('records a marker between sentences on the following sentence', () => {
    const sentences = sentencesOf(txt('One sentence here. [page 3] Two sentences here.'));
    expect(sentences.map((s) => s.text)).toEqual(['One sentence here.', 'Two sentences here.']);
    expect(sentences[0]?.pages).toEqual([]);
    expect(sentences[1]?.pages).toEqual([{ label: '3', offset: 0 }]);
  });

  it('treats a marker on its own line before a paragraph as offset 0 of its first sentence', () => {
    const blocks = txt('Intro paragraph ends.\n\n[page xiv]\nThe next paragraph starts. More text.');
    expect(blocks).toHaveLength(2);
    expect(sentencesOf(blocks)[1]).toEqual({ text: 'The next paragraph starts.', pages: [{ label: 'xiv', offset: 0 }] });

    const separated = txt('Intro paragraph ends.\n\n[Page 8]\n\nThe next paragraph starts.');
    expect(separated).toHaveLength(2);
    expect(sentencesOf(separated)[1]?.pages).toEqual([{ label: '8', offset: 0 }]);
  });

  it('does not split a paragraph at a marker on its own line', () => {
    const blocks = txt('The line of the\n[Page 7]\nparagraph continues here. End.');
    expect(blocks).toHaveLength(1);
    const [first] = sentencesOf(blocks);
    expect(first?.text).toBe('The line of the paragraph continues here.');
    expect(first?.pages).toEqual([{ label: '7', offset: 16 }]);
    expect(first?.text.slice(16).startsWith('paragraph')).toBe(true);
  });

  it('moves a marker at the end of a paragraph to the start of the next element', () => {
    const blocks = txt('Last words of the page. [Page 10]\n\nCHAPTER TWO\n\nMore text.');
    expect(blocks[0]).toEqual({ kind: 'paragraph', sentences: [{ text: 'Last words of the page.', pages: [] }] });
    expect(blocks[1]).toEqual({ kind: 'heading', level: 1, text: 'CHAPTER TWO', pages: [{ label: '10', offset: 0 }] });
  });

  it('keeps a marker after the last word of the document on the last element', () => {
    const sentences = sentencesOf(txt('Only sentence. [p. 99]\n'));
    expect(sentences).toEqual([{ text: 'Only sentence.', pages: [{ label: '99', offset: 14 }] }]);
  });

  it('accepts several spellings, case-insensitively, and keeps their order', () => {
    const sentences = sentencesOf(txt('A [PAGE 1] b [p.2] c [ Page  iv ] d [P. 5] e.'));
    expect(sentences).toEqual([
      {
        text: 'A b c d e.',
        pages: [
          { label: '1', offset: 2 },
          { label: '2', offset: 4 },
          { label: 'iv', offset: 6 },
          { label: '5', offset: 8 },
        ],
      },
    ]);
  });

  it('records consecutive markers at the same offset', () => {
    const sentences = sentencesOf(txt('[Page 1]\n[Page 2]\nBlank page before this one.'));
    expect(sentences[0]?.pages).toEqual([
      { label: '1', offset: 0 },
      { label: '2', offset: 0 },
    ]);
  });

  it('leaves bracketed text that is not a page marker alone', () => {
    const sentences = sentencesOf(txt('As noted [see p. 5] and [Pages 6] and [1], it holds.'));
    expect(sentences[0]?.text).toBe('As noted [see p. 5] and [Pages 6] and [1], it holds.');
    expect(sentences[0]?.pages).toEqual([]);
  });

  it('never leaves marker text or double spaces behind', () => {
    const blocks = txt('Words [Page 3] more words.\n[page 4]\nNext line [p. 5]. Then [p.6] end.');
    for (const s of sentencesOf(blocks)) {
      expect(s.text).not.toMatch(/\[\s*(page|p\.)/i);
      expect(s.text).not.toMatch(/\s\s/);
      expect(s.text).not.toContain('\uFDD0');
    }
  });

  it('records markers in headings and footnotes', () => {
    const blocks = segmentDocument('# [Page 2] Chapter One\n\nText.[^1]\n\n[^1]: A note [p. 3] that spans.', {
      language: 'en',
      format: 'md',
    });
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Chapter One', pages: [{ label: '2', offset: 0 }] });
    expect(blocks[2]).toEqual({ kind: 'footnote', label: '1', text: 'A note that spans.', pages: [{ label: '3', offset: 7 }] });
  });
});

describe('segmentDocument: Markdown', () => {
  const md = (text: string): SegmentedBlock[] => segmentDocument(text, { language: 'en', format: 'md' });

  it('reads ATX headings with their level', () => {
    const blocks = md('# One\n\n## Two ##\n\n###### Six\nText right under it.\n\n#hashtag is not a heading.');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'One', pages: [] },
      { kind: 'heading', level: 2, text: 'Two', pages: [] },
      { kind: 'heading', level: 6, text: 'Six', pages: [] },
      { kind: 'paragraph', sentences: [{ text: 'Text right under it.', pages: [] }] },
      { kind: 'paragraph', sentences: [{ text: '#hashtag is not a heading.', pages: [] }] },
    ]);
  });

  it('reads setext headings and drops thematic breaks', () => {
    const blocks = md('Main Title\n==========\n\nA Section\non two lines\n---\n\n***\n\nBody text.');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Main Title', pages: [] },
      { kind: 'heading', level: 2, text: 'A Section on two lines', pages: [] },
      { kind: 'paragraph', sentences: [{ text: 'Body text.', pages: [] }] },
    ]);
  });

  it('turns footnote definitions into footnote blocks and keeps the references', () => {
    const blocks = md(
      'The claim is old.[^a] It was repeated.[^2]\n\n[^a]: First published in 1902.\nSee also the preface.\n\n' +
        '    A second indented paragraph of the note.\n[^2]: Another note.\n\nBack to the text.',
    );
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        sentences: [
          { text: 'The claim is old.[^a]', pages: [] },
          { text: 'It was repeated.[^2]', pages: [] },
        ],
      },
      {
        kind: 'footnote',
        label: 'a',
        text: 'First published in 1902. See also the preface. A second indented paragraph of the note.',
        pages: [],
      },
      { kind: 'footnote', label: '2', text: 'Another note.', pages: [] },
      { kind: 'paragraph', sentences: [{ text: 'Back to the text.', pages: [] }] },
    ]);
  });

  it('does not guess headings from plain lines in Markdown', () => {
    expect(md('CHAPTER ONE\n\nText.')[0]?.kind).toBe('paragraph');
  });
});

describe('segmentDocument: plain-text headings', () => {
  const first = (text: string): SegmentedBlock | undefined =>
    segmentDocument(`${text}\n\nSome body text follows here.`, { language: 'en', format: 'txt' })[0];

  it.each([
    ['CHAPTER ONE', 1],
    ['THE FIGHT AGAINST RIGHT AND ULTRA-LEFT DEVIATIONS', 1],
    ['V. THE PARTY AND THE WORKING CLASS', 1],
    ['Notes in the Margins of History', 2],
    ['Introduction', 2],
    ['I', 2],
    ['II.', 2],
    ['IV. The Party and the Working Class', 2],
    ['3. Results of the Plan', 2],
    ['Lenin on ‘National Culture’', 2],
  ])('%s is a heading of level %i', (line, level) => {
    expect(first(line)).toEqual({ kind: 'heading', level, text: line, pages: [] });
  });

  it.each([
    'Wells.',
    'Stalin.',
    'This is a short sentence.',
    'It was a cold day in Moscow',
    'Not so much…',
    'What is to be done?',
    'We went home',
    'I am here',
    'Yes, Comrade,',
    '1. buy bread',
    'He Said That The Meeting Was Over And Everybody Went Home To Rest Until Morning',
  ])('%s is not a heading', (line) => {
    expect(first(line)?.kind).toBe('paragraph');
  });

  it('requires a single line', () => {
    expect(first('CHAPTER ONE\nTHE BEGINNING')?.kind).toBe('paragraph');
  });

  it('rejects overlong lines', () => {
    expect(first('A'.repeat(60) + ' ' + 'B'.repeat(60))?.kind).toBe('paragraph');
  });

  it('leaves footnote-like lines in txt as paragraphs', () => {
    expect(first('[^1]: A footnote in a text file.')?.kind).toBe('paragraph');
  });
});
