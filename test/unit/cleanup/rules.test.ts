import { describe, expect, it } from 'vitest';

import { CLEANUP_RULES, runCleanup } from '../../../lib/cleanup';
import { applyEdits } from '../../../lib/cleanup/text-edits';

/** A clean essay: no OCR noise, blank-line paragraphs. Every rule must leave it alone. */
const ESSAY = [
  'On Reading Slowly',
  '',
  'I read slowly, and I think that is fine. A book is not a race; it is a conversation with someone who cannot answer back, so the least we can do is listen.',
  '',
  'When a sentence is hard, I read it twice. Sometimes a word like “self-evident” or “don’t” hides a whole argument — and a second look finds it.',
  '',
  'In 1926 the printers worked in shifts of 8 hours. A page took an hour to set, and a volume took a season.',
  '',
  'That is all I wanted to say.',
].join('\n');

/** Builds a hard-wrapped "scanned book" of `pages` pages with running headers and page numbers. */
function scannedBook(pages: number): string {
  const out: string[] = [];
  for (let p = 1; p <= pages; p++) {
    const header = p % 2 === 0 ? `A HISTORY OF BRIDGES ${p}` : `THE STONE AGE ${p}`;
    out.push(
      [
        header,
        'The bridge builders of the old towns worked with stone',
        'and timber, and their methods were handed down from',
        `master to apprentice for generations; page ${p} tells how`,
        'they chose the stone and how they measured the river',
        'before the first arch was raised over the water. It',
        'was slow work, and it was also dangerous work.',
      ].join('\n'),
    );
  }
  return out.join('\n\n');
}

describe('each rule on a clean essay', () => {
  it('proposes zero edits', () => {
    for (const rule of CLEANUP_RULES) {
      const proposal = rule.detect({ text: ESSAY, format: 'txt' });
      expect(proposal.edits, rule.id).toEqual([]);
    }
    expect(runCleanup(ESSAY).text).toBe(ESSAY);
  });
});

describe('running headers and page numbers', () => {
  it('removes headers with page numbers and keeps page anchors', () => {
    const book = scannedBook(6);
    const result = runCleanup(book);
    expect(result.text).not.toMatch(/A HISTORY OF BRIDGES|THE STONE AGE/u);
    expect(result.pages.map((p) => p.label)).toEqual(['1', '2', '3', '4', '5', '6']);
    for (const page of result.pages) expect(result.text.slice(page.offset)).toMatch(/^The bridge builders/u);
    expect(result.text).toContain(`page 3 tells how they chose`);
  });

  it('removes bare page numbers at page breaks', () => {
    const words = ['first', 'second', 'third', 'fourth'];
    const body = (n: number) => `They chose the ${words[n - 1]} stone and measured the river.\nThen they raised the ${words[n - 1]} arch over the water.\nIt was the ${words[n - 1]} slow and dangerous work for them.`;
    const top = [body(1), `12\n${body(2)}`, `13\n${body(3)}`, `14\n${body(4)}`].join('\n\n');
    const atTop = runCleanup(top, { enabled: { 'line-joins': false } });
    expect(atTop.text).not.toMatch(/^\d+$/mu);
    expect(atTop.pages.map((p) => p.label)).toEqual(['12', '13', '14']);
    const foot = [`${body(1)}\n12`, `${body(2)}\n13`, `${body(3)}\n14`, body(4)].join('\n\n');
    const atFoot = runCleanup(foot, { enabled: { 'line-joins': false } });
    expect(atFoot.text).not.toMatch(/^\d+$/mu);
    expect(atFoot.pages.map((p) => p.label)).toEqual(['13', '14', '15']);
  });

  it('keeps a work heading that reads like the running header but has no page number', () => {
    const body = (p: number) => [`The bridge builders of the old towns worked with stone and timber;`, `page ${p} tells how they chose the stone and how they measured`, 'the river before the first arch was raised over the water.'];
    const page = (p: number, top: string[]) => [...top, ...body(p)].join('\n');
    const text = [
      page(1, ['THE STONE AGE', 'An Essay on Tools']),
      page(2, ['THE STONE AGE 2']),
      page(3, ['FREE EDITION', 'NOT FOR SALE', '3']),
      page(4, ['THE STONE AGE 4']),
      page(5, ['A HISTORY OF BRIDGES', 'A Lecture']),
      page(6, ['A HISTORY OF BRIDGES 6']),
      page(7, ['FREE EDITION', 'NOT FOR SALE', '7']),
      page(8, ['A HISTORY OF BRIDGES 8']),
      page(9, ['FREE EDITION', 'NOT FOR SALE', 'A HISTORY OF BRIDGES']),
      page(10, ['A HISTORY OF BRIDGES 10']),
    ].join('\n\n');
    const result = runCleanup(text, { enabled: { 'line-joins': false } });
    expect(result.text.startsWith('THE STONE AGE\nAn Essay on Tools\n')).toBe(true);
    expect(result.text).toContain('\nA HISTORY OF BRIDGES\nA Lecture\n');
    // Headers with their page numbers and the imprint block (even where it lost its number) go.
    expect(result.text.match(/^(?:THE STONE AGE|A HISTORY OF BRIDGES)$/gmu)).toHaveLength(2);
    expect(result.text).not.toMatch(/\d$|FREE EDITION|NOT FOR SALE/mu);
    expect(result.pages.map((p) => p.label)).toEqual(['2', '3', '4', '6', '7', '8', '10']);
  });

  it('takes the page number printed after a title once, and a foot number before a numbered header, as the pages expected there', () => {
    const towns = ['', 'Arles', 'Bern', 'Cahors', 'Dole', 'Evora', 'Fano', 'Gap', 'Hue', 'Ieper', 'Jena', 'Kiel', 'Lund', 'Metz'];
    const body = (p: number, first = `The bridge builders of ${towns[p]} worked with stone and timber;`) => [first, `and the masons of ${towns[p]} chose the stone and measured`, `the river at ${towns[p]} before the first arch was raised over it.`];
    const page = (p: number, top: string[], first?: string, foot: string[] = []) => [...top, ...body(p, first), ...foot].join('\n');
    const text = [
      page(1, ['THE STONE AGE', 'An Essay on Tools']),
      page(2, ['THE STONE AGE 2']),
      page(3, ['FREE EDITION', 'NOT FOR SALE', '3']),
      // A running head printed on one page only, the sentence running on across it: furniture.
      page(4, ['THE ARCH OF THE RIVER 4'], 'and timber, and their methods were handed down the years;'),
      page(5, ['FREE EDITION', 'NOT FOR SALE', '5']),
      // A title at a page top with the page number glued to it: the title stays, the number is the page.
      page(6, ['ON STONE AND TIMBER 6']),
      page(7, ['FREE EDITION', 'NOT FOR SALE', '7']),
      page(8, ['THE STONE AGE 8']),
      // A header block that lost its number; the number is printed at the foot of the page.
      page(9, ['FREE EDITION', 'NOT FOR SALE', 'THE STONE AGE'], undefined, ['9']),
      page(10, ['THE STONE AGE 10']),
      // A number that is not the page expected there stays: a title ending in a count.
      page(11, ['FREE EDITION', 'NOT FOR SALE', '11'], undefined, []),
      page(12, ['RULES OF THE GUILD 40']),
      page(13, ['FREE EDITION', 'NOT FOR SALE', '13']),
    ].join('\n\n');
    const result = runCleanup(text, { enabled: { 'line-joins': false } });
    expect(result.text).not.toContain('THE ARCH OF THE RIVER');
    expect(result.text).toMatch(/^ON STONE AND TIMBER\nThe bridge builders/mu);
    expect(result.text).toMatch(/^RULES OF THE GUILD 40$/mu);
    expect(result.text).not.toMatch(/^\d+$/mu);
    expect(result.pages.map((p) => p.label)).toEqual(['2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '13']);
    const at = (label: string) => result.text.slice(result.pages.find((p) => p.label === label)?.offset ?? -1);
    expect(at('4')).toMatch(/^and timber, and their methods/u);
    expect(at('6')).toMatch(/^ON STONE AND TIMBER\n/u);
    expect(at('9')).toMatch(/^The bridge builders of Ieper/u);
  });

  it('does not take a repeated line without page numbers for a header (a signature)', () => {
    const piece = 'The letter ends here with thanks and regards to all.\nWe wrote it together and we sign it together now.\nJ. Smith';
    const text = [piece, piece, piece, piece].join('\n\n');
    expect(runCleanup(text).text).toContain('J. Smith');
  });
});

describe('de-hyphenation', () => {
  it('decides from how the word is written elsewhere and reports it', () => {
    const text = [
      'The ultra-Lefts said so, as is well known, and the counterrevolution came. Then the ultra-',
      'Lefts were wrong, and the counter-',
      'revolution was beaten; a well-',
      'known fact, says the his-',
      'torian of the period in question.',
    ].join('\n');
    const proposal = CLEANUP_RULES.find((r) => r.id === 'dehyphenation')?.detect({ text, format: 'txt' });
    const out = applyEdits(text, proposal?.edits ?? []);
    expect(out).toContain('ultra-Lefts were');
    expect(out).toContain('counterrevolution was');
    expect(out).toContain('historian');
    expect(out).not.toMatch(/-\n\p{Ll}/u);
    expect(proposal?.summary).toBe('4 line-break hyphens (2 joined, 2 kept)');
  });
});

describe('line joins', () => {
  it('joins wrapped lines and keeps paragraph ends, headings and lists', () => {
    const text = [
      'CHAPTER ONE',
      'The bridge builders of the old towns worked with',
      'stone and timber, and their methods were handed',
      'down from master to apprentice for generations.',
      'That is all.',
      'Next the river was measured before the first arch',
      'was raised over the water by the whole company.',
    ].join('\n');
    const out = runCleanup(text).text;
    expect(out).toBe(
      'CHAPTER ONE\nThe bridge builders of the old towns worked with stone and timber, and their methods were handed down from master to apprentice for generations. That is all.\nNext the river was measured before the first arch was raised over the water by the whole company.',
    );
  });
});

describe('line joins after a note number', () => {
  it('ends a paragraph at a short line whose sentence ends with a note number, not at a decimal', () => {
    const text = [
      'The pamphlet gives a definition of the matter which seems to',
      'have received general recognition. It runs:',
      '“The bridge is the way of the town to the school and the',
      'market, and the villages’ way to the town.”10',
      'Is this definition correct? The council thinks it is not, and',
      'it measured the river at a depth of 3.14',
      'metres in the spring, which nobody had done before it at all.',
    ].join('\n');
    expect(runCleanup(text, { enabled: { 'footnote-markers': false } }).text.split('\n')).toEqual([
      'The pamphlet gives a definition of the matter which seems to have received general recognition. It runs:',
      '“The bridge is the way of the town to the school and the market, and the villages’ way to the town.”10',
      'Is this definition correct? The council thinks it is not, and it measured the river at a depth of 3.14 metres in the spring, which nobody had done before it at all.',
    ]);
  });
});

describe('line joins in a table of contents', () => {
  it('ends an entry after its page number, even after a short dot leader', () => {
    const text = [
      'CONTENTS',
      'CONCERNING QUESTIONS OF LENINISM . . . . . . . . . 13',
      'I. The Definition of Leninism . . . . . . . . . . 13',
      'II. The Question of “Permanent” Revolution . . 19',
      'III. The Proletarian Revolution and the Dictatorship',
      'of the Proletariat . . . . . . . . . . . . . . . 22',
      'IV. The Party and the Working Class in the System',
      'of the Dictatorship of the Proletariat . . . . . 33',
    ].join('\n');
    expect(runCleanup(text).text.split('\n')).toEqual([
      'CONTENTS',
      'CONCERNING QUESTIONS OF LENINISM . . . . . . . . . 13',
      'I. The Definition of Leninism . . . . . . . . . . 13',
      'II. The Question of “Permanent” Revolution . . 19',
      'III. The Proletarian Revolution and the Dictatorship of the Proletariat . . . . . . . . . . . . . . . 22',
      'IV. The Party and the Working Class in the System of the Dictatorship of the Proletariat . . . . . 33',
    ]);
  });
});

describe('letter-spacing', () => {
  it('rejoins letter-spaced words using the text’s vocabulary', () => {
    const text = 'C O N T E N T S\nThe workers of all countries wrote to us. He writes often at home. She wr i t e s a t night about the contents.\nW O R K E R S O F A L L C O U N T R I E S';
    const out = runCleanup(text).text;
    expect(out).toContain('CONTENTS\n');
    expect(out).toContain('She writes at night');
    expect(out).toContain('WORKERS OF ALL COUNTRIES');
  });

  it('lowers a stray capital inside a word the text writes in lowercase elsewhere', () => {
    const text = 'It is necesSary to act now. What is necessary is clear. He bought an iPhone from McDonald in the sLehrbuch shop.';
    const result = runCleanup(text);
    expect(result.text).toBe('It is necessary to act now. What is necessary is clear. He bought an iPhone from McDonald in the sLehrbuch shop.');
    expect(result.proposals.find((p) => p.ruleId === 'letter-spacing')?.count).toBe(1);
  });
});

describe('charset punctuation', () => {
  it('learns quotes, apostrophes and dashes from the contexts', () => {
    const sentence = 'He said ³stop² and we didn¹t; the ŒLefts¹ stayed‹all of them‹at home with other Lefts. ';
    const text = sentence.repeat(4);
    const result = runCleanup(text);
    expect(result.text).toBe('He said “stop” and we didn’t; the ‘Lefts’ stayed—all of them—at home with other Lefts. '.repeat(4));
    const charset = result.proposals.find((p) => p.ruleId === 'charset-punctuation');
    expect(charset?.data?.charMap).toEqual({ '³': '“', '²': '”', '¹': '’', 'Œ': '‘', '‹': '—' });
  });

  it('leaves accented letters and real superscripts alone', () => {
    const text = 'Café crème à Genève. The area is 12 m² and the volume 3 m³. Übung macht den Meister. ';
    expect(runCleanup(text.repeat(3)).text).toBe(text.repeat(3));
  });
});

describe('inline page markers', () => {
  it('removes [Page N] mid-sentence and anchors the page there', () => {
    const text = 'The minister replied that the [Page 521] treaty stood.\n[p. 522]\nIt stood for years.';
    const result = runCleanup(text);
    expect(result.text).toBe('The minister replied that the treaty stood.\nIt stood for years.');
    expect(result.pages).toEqual([
      { label: '521', offset: result.text.indexOf('treaty') },
      { label: '522', offset: result.text.indexOf('It stood') },
    ]);
  });

  it('never glues the words on either side of a marker', () => {
    const cases: [string, string, string][] = [
      ['Across the Brook. [Page 13]Four men came.', 'Across the Brook. Four men came.', 'Four'],
      ['Across the Brook.[Page 13] Four men came.', 'Across the Brook. Four men came.', 'Four'],
      ['Across the Brook[Page 13]four men came.', 'Across the Brook four men came.', 'four'],
      ['Across the Brook.[Page 13]Four men came.', 'Across the Brook. Four men came.', 'Four'],
      ['They crossed the brook [Page 13].', 'They crossed the brook.', '.'],
      ['They crossed the [Page 13] brook.', 'They crossed the brook.', 'brook'],
    ];
    for (const [text, cleaned, pageStart] of cases) {
      const result = runCleanup(text, { enabled: { 'inline-page-markers': true } });
      expect(result.text).toBe(cleaned);
      expect(result.pages).toEqual([{ label: '13', offset: result.text.indexOf(pageStart) }]);
    }
  });
});

describe('footnote markers', () => {
  it('detaches bracketed markers and links them to their notes', () => {
    const text = 'Sisyphus pushed the stone[1] up the hill every day.\n\nThe general[2] rebelled.\n\n[1] A king of myth.\n\n[2] Kornilov, in 1917.';
    const result = runCleanup(text);
    expect(result.text).toContain('pushed the stone up the hill');
    expect(result.footnotes).toHaveLength(2);
    const [first] = result.footnotes;
    expect(first?.label).toBe('1');
    expect(result.text.slice(first?.noteOffset ?? 0)).toMatch(/^A king of myth/u);
    expect(result.text.slice(0, first?.markerOffset)).toMatch(/stone$/u);
  });

  it('detaches numbers glued to words when the notes exist', () => {
    const text = 'The country went through a crisis,1 and the wars2 cost much.\n\nNOTES\n1 The crisis of 1923.\n2 The wars in Morocco.';
    const result = runCleanup(text);
    expect(result.text).toContain('a crisis, and the wars cost much.');
    expect(result.footnotes.map((f) => f.label)).toEqual(['1', '2']);
  });

  it('detaches markers after closing quotes, brackets and full stops, on words in any case', () => {
    const text = [
      'He spoke against the deviations.”1 Then he spoke of the crisis”,2 and of the leader” (Lenin).3 The',
      'congress of the C.P.S.U.(B.)4 followed, then the plenum of the E.C.C.I.”5) and the last word.6',
      'TO THE WORKERS PARTY OF AMERICA7',
      '',
      'NOTES',
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => `${n} The note number ${n}.`),
    ].join('\n');
    const result = runCleanup(text);
    expect(result.footnotes.map((f) => f.label)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(result.text).toContain('the deviations.” Then he spoke of the crisis”, and of the leader” (Lenin). The');
    expect(result.text).toContain('C.P.S.U.(B.) followed, then the plenum of the E.C.C.I.”) and the last word.');
    expect(result.text).toContain('PARTY OF AMERICA\n');
    const second = result.footnotes[1];
    expect(result.text.slice(0, second?.markerOffset)).toMatch(/crisis”,$/u);
    expect(result.text.slice(second?.noteOffset ?? 0)).toMatch(/^The note number 2\./u);
  });

  it('leaves years, quantities and section numbers alone even when notes with those numbers exist', () => {
    const body = 'In 1926. 2 The plan of 1925,3 was met: 5,000 tons in section 4 and 1.5 per cent more. It ended in 1927.';
    const text = `${body}\n\nNOTES\n1 A note.\n2 A note.\n3 A note.\n4 A note.\n5 A note.`;
    const result = runCleanup(text);
    expect(result.footnotes).toEqual([]);
    expect(result.text.startsWith(body)).toBe(true);
  });

  it('leaves numbers alone when there are no notes', () => {
    const text = 'We bought mp3 players and the price was 12 dollars.\n\nThat is all.';
    expect(runCleanup(text).text).toBe(text);
  });
});

describe('web boilerplate', () => {
  it('drops navigation around the article and keeps the article', () => {
    const paragraph = (n: number) => `Paragraph ${n} of the article says something long enough to be prose, with sentences. It goes on for a while, as articles do, and ends here. `.repeat(2);
    const text = ['Home', 'About', 'Contact', 'RussianEnglishFrench', 'Subscribe to', 'Archive', '', paragraph(1), '', paragraph(2), '', 'Free e-mail address', 'Click here', 'Counter 12345', '(c) 2000 site', 'TopList'].join('\n');
    const result = runCleanup(text);
    expect(result.text.startsWith('Paragraph 1')).toBe(true);
    expect(result.text.trimEnd().endsWith('ends here.')).toBe(true);
    expect(result.text).not.toMatch(/Subscribe|TopList|Click here/u);
  });

  it('keeps the byline and title set apart right above the article', () => {
    const paragraph = (n: number) => `Paragraph ${n} of the article says something long enough to be prose, with sentences. It goes on for a while, as articles do, and ends here. `.repeat(2);
    const menu = ['Home', 'About', 'On Bridges and Rivers', 'Contact', 'Subscribe to', 'Archive'];
    const text = [...menu, '', 'J. Smith', '', 'On Bridges and Rivers', '', '', paragraph(1), '', paragraph(2), '', ...menu].join('\n');
    const result = runCleanup(text);
    expect(result.text.startsWith('J. Smith\n\nOn Bridges and Rivers\n')).toBe(true);
    expect(result.text).not.toMatch(/Subscribe|Archive/u);
    // A menu that runs right up to the article keeps none of its lines.
    const noTitle = runCleanup([...menu, '', paragraph(1), '', paragraph(2)].join('\n'));
    expect(noTitle.text.startsWith('Paragraph 1')).toBe(true);
  });

  it('keeps the front matter of a book saved with one line per paragraph', () => {
    const paragraph = (n: number) => `Paragraph ${n} of the chapter is long enough to be prose, with sentences. It goes on for a while, as chapters do, and ends here. `.repeat(2);
    const front = ['THE GLASS HARBOUR', 'Mara Ilinskaya', 'Every tide keeps its own count.', 'PART ONE', 'CHAPTER I'];
    const text = [...front.flatMap((line) => [line, '']), paragraph(1), '', paragraph(2), ''].join('\n');
    const result = runCleanup(text);
    expect(result.text.startsWith('THE GLASS HARBOUR\n')).toBe(true);
    for (const line of front) expect(result.text).toContain(line);
    // A menu whose items are set apart by blank lines is no front matter.
    const spaced = ['Home', 'About', 'Books', 'Contact', 'Archive', 'Subscribe', 'Search'].flatMap((line) => [line, '']);
    const withSpacedMenu = runCleanup([...spaced, 'The Glass Harbour', '', paragraph(1), '', paragraph(2), ''].join('\n'));
    expect(withSpacedMenu.text.startsWith('The Glass Harbour\n')).toBe(true);
    // With a menu above it, the menu goes and the front matter stays.
    const withMenu = runCleanup(['Home', 'About', 'Books', 'Contact', 'Subscribe to', 'Archive', '', text].join('\n'));
    expect(withMenu.text.startsWith('THE GLASS HARBOUR\n')).toBe(true);
    expect(withMenu.text).not.toMatch(/Subscribe|Archive/u);
  });

  it('keeps a book’s title page and contents, which look like a menu but have nothing of a web page', () => {
    const paragraph = (n: number) => `Paragraph ${n} of the chapter is long enough to be prose, with sentences. It goes on for a while, as chapters do, and ends here. `.repeat(2);
    const titlePage = ['THE GLASS HARBOUR', '', 'Mara Ilinskaya', 'Translated by Oleg Pereverzev', '', 'PART ONE', 'PART TWO', 'PART THREE', 'PART FOUR', '', 'CHAPTER I', ''];
    const text = [...titlePage, paragraph(1), '', paragraph(2), ''].join('\n');
    expect(runCleanup(text).text.startsWith('THE GLASS HARBOUR\n\nMara Ilinskaya\nTranslated by Oleg Pereverzev\n\nPART ONE\n')).toBe(true);
    // A contents list under its heading, with links' words in its titles, is still the book's.
    const contents = ['Наталья Ильина', 'СТЕКЛЯННАЯ ГАВАНЬ', '', 'Содержание', 'Часть первая', 'Часть вторая', 'О доме и поиске', 'Эпилог', '', 'Часть первая', ''];
    const russian = runCleanup([...contents, paragraph(1), '', paragraph(2), ''].join('\n'));
    expect(russian.text.startsWith('Наталья Ильина\nСТЕКЛЯННАЯ ГАВАНЬ\n\nСодержание\n')).toBe(true);
  });

  it('drops a Russian site menu, and keeps a title page whose titles stand in guillemets', () => {
    const paragraph = (n: number) => `Абзац ${n} статьи достаточно длинный, чтобы быть прозой, с предложениями. Он продолжается ещё некоторое время и кончается здесь. `.repeat(2);
    const menu = ['Главная', 'Библиотека', 'Форум', 'Контакты', 'Поиск по сайту', 'Войти'];
    const cleaned = runCleanup([...menu, '', paragraph(1), '', paragraph(2), ''].join('\n'));
    expect(cleaned.text.startsWith('Абзац 1')).toBe(true);
    const titles = ['Глава I. «Детство»', 'Глава II. «Отрочество»', 'Глава III. «Юность»', 'Глава IV. «Годы учения»', 'Глава V. «Служба»'];
    const book = runCleanup(['Наталья Ильина', '', ...titles, '', paragraph(1), '', paragraph(2), ''].join('\n'));
    expect(book.text.startsWith('Наталья Ильина\n\nГлава I. «Детство»\n')).toBe(true);
  });
});
