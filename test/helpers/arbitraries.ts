import fc from 'fast-check';

/**
 * fast-check arbitraries for the property tests of the segmenter, the cleanup rules, the volume
 * splitter, the aligner and the import preparation (test/unit/fuzz/). Two families:
 *
 * - `anyText`: any UTF-16 text, lone surrogates, control, zero-width and bidirectional characters
 *   included — what a stranger can upload;
 * - `documentText`, `ocrVolume`, `anthologyText`: texts from a small grammar that resembles real uploads (Russian
 *   and English prose, dialogue dashes, quotations, initials, abbreviations, lists, headings,
 *   speaker turns, notes, page furniture, hard wraps, letter spacing, web-page leftovers), so that
 *   the rules actually fire. Sizes stay small enough for fast runs; the adversarial sizes live in
 *   test/unit/fuzz/linear-time.test.ts.
 *
 * The vocabulary is made up for the tests.
 */

const ENGLISH = [
  'the', 'of', 'and', 'to', 'in', 'a', 'is', 'was', 'that', 'for', 'on', 'with', 'as', 'by', 'not', 'it', 'this', 'which',
  'party', 'state', 'people', 'workers', 'question', 'congress', 'revolution', 'year', 'time', 'power', 'peasants', 'land',
  'war', 'peace', 'letter', 'book', 'river', 'city', 'committee', 'answer', 'report', 'history', 'margin', 'note', 'school',
  'counter', 'well', 'known', 'self', 'criticism', 'organisation', 'necessary', 'together', 'writes', 'first', 'its',
];
const RUSSIAN = [
  'и', 'в', 'не', 'на', 'что', 'с', 'по', 'это', 'как', 'к', 'из', 'о', 'за', 'от', 'был', 'была', 'его', 'её',
  'партия', 'государство', 'народ', 'рабочие', 'вопрос', 'съезд', 'революция', 'год', 'время', 'власть', 'крестьяне',
  'земля', 'война', 'мир', 'письмо', 'книга', 'река', 'город', 'комитет', 'ответ', 'доклад', 'история', 'школа', 'дом',
  'сказал', 'ответила', 'читал', 'вечер', 'утро', 'снег', 'дорога', 'окно', 'самокритика', 'контрреволюция',
];
const INITIALS = ['Л. Н. Толстой', 'А. С. Пушкин', 'Ф. М. Достоевский', 'H. G. Wells', 'J. V. Stalin', 'V. I. Lenin', 'A.B. Kowalski', 'J . V. Stalin'];
const ABBREVIATIONS = ['Mr.', 'Dr.', 'e.g.', 'i.e.', 'etc.', 'cf.', 'p.', 'vol.', 'No.', 'op. cit.', 'т. е.', 'т. д.', 'г.', 'им.', 'см.', 'др.', 'z. B.', 'C.P.S.U.(B.)'];
const NAMES = ['Wells', 'Stalin', 'Анна', 'Пётр', 'Mr. Wells', 'Q', 'A'];
const DASHES = ['—', '–', '--', '-'];
const QUOTES: [string, string][] = [['«', '»'], ['„', '“'], ['“', '”'], ['"', '"'], ['‘', '’'], ['‹', '›']];
const ENDINGS = ['.', '.', '.', '!', '?', '…', '...', '?!', '.»', '.”', '."', ':', ';'];
const HTML_JUNK = ['<div class="menu">', '</div>', '<p>', '</p>', '<br/>', '&nbsp;', '&amp;', '<!-- counter -->', '<script>var a = 1;</script>', '<a href="/ru/">RU</a>', 'Subscribe', 'Share on VK', '© 2024', '<span style="x">'];
const ODD_CHARS = ['\u200b', '\u200c', '\u200d', '\ufeff', '\u202e', '\u202c', '\u200f', '\u061c', '\u00a0', '\u2009', '\u00ad', '\u2028', '\u2029', '\t', '\v', '\f', '\u0301', '\ud800', '\udfff', '\ud83d', '\u{1f600}', '\ufdd0', '\ufdd4', '\ufdd5', '\u0000', '\u001b'];
const SEPARATORS = ['\n', '\n', '\n\n', '\n\n', '\n\n\n', '\r\n', '\r\n\r\n', '\r', '\n \n', '\n\t\n', '\n\n\n\n\n\n'];

/** One UTF-16 code unit or code point of any kind: lone surrogates, controls and noncharacters included. */
const anyChar = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_CHARS, ' ', '.', '\n', '\r', '[', ']', '^', '#', '>', '-', '*', ':', '1', 'a', 'A', 'я', 'Я') },
);

/** Any text up to `maxLength` units: what a stranger can upload, after decoding. */
export function anyText(maxLength = 300): fc.Arbitrary<string> {
  return fc.string({ unit: anyChar, maxLength });
}

type Language = 'en' | 'ru';

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const word = (language: Language): fc.Arbitrary<string> => fc.constantFrom(...(language === 'en' ? ENGLISH : RUSSIAN));

/** One token of a sentence; tokens starting with `\u0001` are glued to the word before them. */
function token(language: Language): fc.Arbitrary<string> {
  const w = word(language);
  return fc.oneof(
    { weight: 14, arbitrary: w },
    { weight: 1, arbitrary: w.map(capitalise) },
    { weight: 1, arbitrary: fc.constantFrom(...INITIALS) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ABBREVIATIONS), w).map(([abbreviation, next]) => `${abbreviation} ${next}`) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 2030 }).map(String) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...QUOTES), fc.array(w, { minLength: 1, maxLength: 4 })).map(([[open, close], words]) => `${open}${words.join(' ')}${close}`) },
    { weight: 1, arbitrary: fc.array(w, { minLength: 1, maxLength: 3 }).map((words) => `(${words.join(' ')})`) },
    { weight: 1, arbitrary: fc.constantFrom(...DASHES) },
    { weight: 1, arbitrary: fc.constantFrom('\u0001,', '\u0001,', '\u0001;', '\u0001:', '\u0001…', '\u0001...') },
    { weight: 1, arbitrary: fc.oneof(fc.integer({ min: 1, max: 12 }).map((n) => `\u0001${n}`), fc.integer({ min: 1, max: 9 }).map((n) => `\u0001[^${n}]`), fc.constant('\u0001¹')) },
    { weight: 1, arbitrary: fc.constantFrom('[Page 12]', '[p. xiv]', '[page 3a]', '[pg. 7]') },
    { weight: 1, arbitrary: w.map((letters) => [...letters.toUpperCase()].join(' ')) },
  );
}

function joinTokens(tokens: readonly string[]): string {
  return tokens.map((t, index) => (t.startsWith('\u0001') ? t.slice(1) : index === 0 ? t : ` ${t}`)).join('');
}

/** One sentence: a capitalised word, some tokens, an ending (sometimes a glued note number after it). */
export function sentence(language: Language = 'en'): fc.Arbitrary<string> {
  return fc
    .tuple(word(language), fc.array(token(language), { maxLength: 14 }), fc.constantFrom(...ENDINGS), fc.option(fc.integer({ min: 1, max: 9 }), { freq: 6 }))
    .map(([first, tokens, ending, note]) => `${joinTokens([capitalise(first), ...tokens])}${ending}${note ?? ''}`);
}

function sentences(language: Language, maxLength = 5): fc.Arbitrary<string> {
  return fc.array(sentence(language), { minLength: 1, maxLength }).map((list) => list.join(' '));
}

const language = fc.constantFrom<Language>('en', 'ru');

/** A block of a document: one or more lines without blank lines inside, in one of the shapes real uploads have. */
const block: fc.Arbitrary<string> = language.chain((lang) =>
  fc.oneof(
    { weight: 10, arbitrary: sentences(lang) },
    { weight: 2, arbitrary: fc.array(fc.tuple(fc.constantFrom(...DASHES), sentences(lang, 2)), { minLength: 1, maxLength: 4 }).map((turns) => turns.map(([dash, text]) => `${dash} ${text}`).join('\n')) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('# ', '## ', '### ', '####### ', '#', ''), fc.array(word(lang), { minLength: 1, maxLength: 6 }), fc.constantFrom('', ' ##', ' #', '#'), fc.boolean()).map(([hashes, words, closing, caps]) => { const title = words.map(capitalise).join(' '); return `${hashes}${caps ? title.toUpperCase() : title}${hashes ? closing : ''}`; }) },
    { weight: 1, arbitrary: fc.tuple(fc.array(word(lang), { minLength: 1, maxLength: 5 }), fc.boolean()).map(([words, equals]) => `${words.map(capitalise).join(' ')}\n${equals ? '=====' : '-----'}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('1.', '1)', 'a)', '(i)', '•', '-', '*', '+', 'iv.', '(A)'), fc.array(sentences(lang, 2), { minLength: 1, maxLength: 5 }), fc.constantFrom('', '  ', '\t')).map(([marker, items, indent]) => items.map((text, k) => `${k % 2 === 1 ? indent : ''}${nextMarker(marker, k)} ${text}`).join('\n')) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('> ', '>', '> > ', '    ', '      ', '\t'), fc.array(sentences(lang, 2), { minLength: 1, maxLength: 3 })).map(([prefix, lines]) => lines.map((line) => prefix + line).join('\n')) },
    { weight: 1, arbitrary: fc.tuple(sentences(lang, 1), fc.constantFrom(...QUOTES), sentences(lang, 2)).map(([intro, [open, close], quoted]) => `${intro.replace(/[.!?…:;»”"]*$/u, '')}:\n\n${open}${quoted}${close}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES), fc.constantFrom('. ', ': ', '.', ':** ', '. — '), fc.array(sentences(lang, 2), { minLength: 2, maxLength: 6 })).map(([a, b, stop, turns]) => turns.map((text, k) => `${stop.startsWith(':**') ? '**' : ''}${k % 2 === 0 ? a : b}${stop}${text}`).join('\n\n')) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('', '[', '[^'), fc.array(sentences(lang, 2), { minLength: 1, maxLength: 4 })).map(([style, notes]) => notes.map((text, k) => (style === '' ? `${k + 1} ${text}` : style === '[' ? `[${k + 1}] ${text}` : `[^${k + 1}]: ${text}`)).join('\n')) },
    { weight: 1, arbitrary: fc.array(fc.tuple(fc.array(word(lang), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 400 }), fc.constantFrom(' . . . . . . ', '........', '   ', '\t', ' ')), { minLength: 1, maxLength: 6 }).map((entries) => entries.map(([words, page, leader]) => `${words.map(capitalise).join(' ')}${leader}${page}`).join('\n')) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('J. V. STALIN', 'ИСТОРИЯ ПАРТИИ', 'Notes in the Margins'), fc.integer({ min: 1, max: 500 }), fc.boolean()).map(([header, page, numberFirst]) => (numberFirst ? `${page}\n${header}` : `${header} ${page}`)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 999 }).map((page) => (page % 3 === 0 ? toRoman(page % 40 || 1) : String(page))) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...HTML_JUNK), { minLength: 1, maxLength: 6 }).map((junk) => junk.join(' ')) },
    { weight: 1, arbitrary: fc.tuple(sentences(lang, 3), fc.integer({ min: 5, max: 40 })).map(([text, times]) => Array.from({ length: times }, () => text).join(' ')) },
    { weight: 1, arbitrary: anyText(60) },
  ),
);

function nextMarker(marker: string, k: number): string {
  if (/^\d/u.test(marker)) return `${k + 1}${marker.slice(1)}`;
  if (marker === 'a)') return `${String.fromCharCode(97 + (k % 26))})`;
  if (marker === '(i)') return `(${toRoman(k + 1).toLowerCase()})`;
  if (marker === 'iv.') return `${toRoman(k + 4).toLowerCase()}.`;
  if (marker === '(A)') return `(${String.fromCharCode(65 + (k % 26))})`;
  return marker;
}

function toRoman(value: number): string {
  const table: [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = value;
  let out = '';
  for (const [n, s] of table) for (; rest >= n; rest -= n) out += s;
  return out;
}

/**
 * Wraps every line longer than `width` at spaces, sometimes breaking a long word with a hyphen at
 * the line end, as a printed or scanned book does.
 */
function hardWrap(text: string, width: number, isHyphenating: boolean): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let current = '';
      for (const piece of line.split(' ')) {
        if (current !== '' && current.length + 1 + piece.length > width) {
          if (isHyphenating && piece.length >= 8 && /^\p{L}+$/u.test(piece) && current.length + 5 < width) {
            out.push(`${current} ${piece.slice(0, 4)}-`);
            current = piece.slice(4);
            continue;
          }
          out.push(current);
          current = piece;
        } else current = current === '' ? piece : `${current} ${piece}`;
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

/** Inserts characters from `anyChar` at a few places: zero-width and bidi marks, lone surrogates, stray CRs. */
function sprinkle(text: string): fc.Arbitrary<string> {
  return fc.array(fc.tuple(fc.nat({ max: Math.max(0, text.length) }), anyChar), { maxLength: 6 }).map((inserts) => {
    let out = text;
    for (const [at, char] of [...inserts].sort((a, b) => b[0] - a[0])) out = out.slice(0, at) + char + out.slice(at);
    return out;
  });
}

/**
 * A document from the grammar: blocks joined by blank lines and other separators (CR/LF mixes
 * included), sometimes hard-wrapped with hyphenation, sometimes sprinkled with odd characters.
 */
export const documentText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.tuple(block, fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 24 }),
    fc.option(fc.tuple(fc.integer({ min: 30, max: 90 }), fc.boolean()), { freq: 3 }),
    fc.boolean(),
  )
  .map(([blocks, wrap, isCrLf]) => {
    let text = blocks.map(([body, separator]) => body + separator).join('');
    if (wrap) text = hardWrap(text, wrap[0], wrap[1]);
    return isCrLf ? text.replace(/\r?\n/gu, '\r\n') : text;
  })
  .chain((text) => fc.oneof({ weight: 3, arbitrary: fc.constant(text) }, { weight: 1, arbitrary: sprinkle(text) }));

/**
 * A scanned volume: a table of contents with dot leaders (or page numbers after spaces), then
 * its works, each under a capitalised heading, hard-wrapped into pages that carry a running
 * header or a bare page number, with footnote numbers glued to words and their notes at the end.
 */
export const ocrVolume: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.tuple(fc.array(word('en'), { minLength: 2, maxLength: 5 }), fc.array(sentences('en', 4), { minLength: 1, maxLength: 4 })), { minLength: 2, maxLength: 5 }),
    fc.constantFrom(' . . . . . . . ', '........ ', '      ', '\t', ' '),
    fc.integer({ min: 30, max: 70 }),
    fc.integer({ min: 8, max: 30 }),
    fc.constantFrom<'header' | 'number' | 'both' | 'none'>('header', 'number', 'both', 'none'),
    fc.boolean(),
  )
  .map(([works, leader, width, pageLines, furniture, hasNotes]) => {
    const titles = works.map(([words]) => words.map(capitalise).join(' '));
    const body: string[] = [];
    const starts: number[] = [];
    for (const [k, [, paragraphs]] of works.entries()) {
      starts.push(body.length);
      body.push(titles[k]?.toUpperCase() ?? '', '');
      for (const paragraph of paragraphs) body.push(...hardWrap(paragraph, width, true).split('\n'), '');
    }
    const pages: string[] = [];
    const firstPage = 5;
    for (let line = 0, page = firstPage; line < body.length; line += pageLines, page += 1) {
      if (page > firstPage) {
        pages.push('');
        if (furniture === 'header' || furniture === 'both') pages.push(`J. V. STALIN ${page}`, '');
        if (furniture === 'number') pages.push(String(page));
      }
      pages.push(...body.slice(line, line + pageLines));
      if (furniture === 'both') pages.push(String(page));
    }
    const contents = titles.map((title, k) => `${title}${leader}${firstPage + Math.floor((starts[k] ?? 0) / pageLines)}`);
    const notes = hasNotes ? ['', 'NOTES', '', '1 The first note of the volume.', '2 The second note, longer than the first one.'] : [];
    return ['CONTENTS', '', ...contents, '', ...pages, ...notes].join('\n');
  });

/**
 * An anthology without contents: pieces of a title line (sometimes a byline under it), a few
 * paragraphs (some quotations written the wrong way round, some with `۔۔۔` for an ellipsis), then
 * an attribution, a `Source:` line with or without an address, and a tags line — each sometimes
 * left out — and now and then odd characters sprinkled in.
 */
export const anthologyText: fc.Arbitrary<string> = fc
  .array(
    fc.record({
      title: fc.array(word('en'), { minLength: 1, maxLength: 6 }).map((words) => words.map(capitalise).join(' ')),
      hasByline: fc.boolean(),
      paragraphs: fc.array(
        fc.tuple(sentences('en', 3), fc.constantFrom('', '” ', '“', '۔۔۔', '“۔۔۔'), fc.constantFrom('', ' “', '”', ' “.')).map(([body, open, close]) => `${open}${body}${close}`),
        { minLength: 1, maxLength: 4 },
      ),
      attribution: fc.option(fc.tuple(fc.constantFrom(...INITIALS, 'KIM JONG IL', 'N. Krupskaya'), fc.integer({ min: 1500, max: 2099 }), fc.constantFrom('', '.', ', “A Title”')), { freq: 3 }),
      source: fc.option(fc.tuple(fc.constantFrom('Source: ', 'SOURCE:\u00a0', 'Available at '), fc.constantFrom('Pravda, No. 3, 1926.', 'http://example.org/a.htm', 'Iskra, No. 51. Retrieved from https://example.org/x?y=1', 'javascript:alert(1)')), { freq: 2 }),
      tags: fc.option(fc.array(word('en').map(capitalise), { minLength: 1, maxLength: 3 }).map((words) => words.join('  ')), { freq: 2 }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((pieces) =>
    pieces
      .map(({ title, hasByline, paragraphs, attribution, source, tags }) =>
        [
          title,
          ...(hasByline ? ['by JOHN SMITH, a writer'] : []),
          ...paragraphs,
          ...(attribution ? [`${attribution[0]} (${attribution[1]})${attribution[2]}`] : []),
          ...(source ? [source.join('')] : []),
          ...(tags === null ? [] : [tags]),
        ].join('\n\n'),
      )
      .join('\n\n'),
  )
  .chain((text) => fc.oneof({ weight: 4, arbitrary: fc.constant(text) }, { weight: 1, arbitrary: sprinkle(text) }));

/** Any of the texts above: mostly grammar documents, some scanned volumes and anthologies, some arbitrary text. */
export const uploadText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: documentText },
  { weight: 2, arbitrary: ocrVolume },
  { weight: 1, arbitrary: anthologyText },
  { weight: 2, arbitrary: anyText() },
);

/**
 * Options for `fc.assert`: `numRuns` runs with a fresh random seed each time (fast-check prints
 * the seed and the path of a failure); `FAST_CHECK_SEED` and `FAST_CHECK_PATH` replay one, and
 * `FAST_CHECK_RUNS_SCALE` multiplies the runs for a longer search.
 */
export function propertyOptions(numRuns: number): { numRuns: number; seed?: number; path?: string } {
  const seed = process.env.FAST_CHECK_SEED;
  const path = process.env.FAST_CHECK_PATH;
  const scale = Number(process.env.FAST_CHECK_RUNS_SCALE ?? 1) || 1;
  return { numRuns: Math.max(1, Math.round(numRuns * scale)), ...(seed ? { seed: Number(seed) } : {}), ...(path ? { path } : {}) };
}

/** The letters of a text, in order: what no whitespace rule and no markup may lose. */
export function lettersOf(text: string): string {
  return (text.match(/\p{L}/gu) ?? []).join('');
}
