import { describe, expect, it } from 'vitest';

import { MAX_ANY_BODY_BYTES, MAX_SEGMENT_CHARS, MAX_TMX_BYTES, MAX_TMX_DEPTH, MAX_TMX_VARIANTS_PER_UNIT, maxBodyBytesForPath, UPLOAD_FORM_OVERHEAD_BYTES } from '../../../lib/config/limits';
import { AppError } from '../../../lib/errors/app-error';
import { primaryLanguage } from '../../../lib/memory/tmx/primary-language';
import { formatTmxDate, parseTmxDate } from '../../../lib/memory/tmx/tmx-date';
import { TmxReader, type TmxUnit } from '../../../lib/memory/tmx/tmx-reader';
import { TmxWriter } from '../../../lib/memory/tmx/tmx-writer';

/** Reads `bytes` handed over `step` bytes at a time (1: every multi-byte character split). */
function read(input: string | Uint8Array, step = 1 << 16): { units: TmxUnit[]; reader: TmxReader } {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const units: TmxUnit[] = [];
  const reader = new TmxReader({ onUnit: (unit) => units.push(unit) });
  for (let offset = 0; offset < bytes.byteLength; offset += step) reader.write(bytes.subarray(offset, offset + step));
  reader.end();
  return { units, reader };
}

function failure(input: string | Uint8Array): AppError {
  try {
    read(input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the file was read');
}

const tmx = (body: string, head = '<?xml version="1.0" encoding="UTF-8"?>\n') =>
  `${head}<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en-US" datatype="plaintext"/><body>${body}</body></tmx>`;

const texts = (unit: TmxUnit | undefined) => Object.fromEntries((unit?.variants ?? []).map((variant) => [variant.language, variant.text]));

describe('TMX reader', () => {
  it('reads units with their languages by primary subtag, provenance and dates', () => {
    const { units, reader } = read(
      tmx(`<tu tuid="1" creationid="Anna" creationdate="20200501T101500Z" changeid="Boris" changedate="20210102T030405Z">
             <prop type="x-note">ignored</prop>
             <tuv xml:lang="en-US"><seg>The cat sat.</seg></tuv>
             <tuv xml:lang="RU_ru" creationid="Vera"><seg>Кошка сидела.</seg></tuv>
           </tu>
           <tu><tuv lang="en-GB"><seg>Only English.</seg></tuv><tuv xml:lang="*all*"><seg>x</seg></tuv></tu>`),
    );
    expect(reader.headerSource).toBe('en');
    expect([...reader.languages]).toEqual([
      ['en', 2],
      ['ru', 1],
    ]);
    expect(texts(units[0])).toEqual({ en: 'The cat sat.', ru: 'Кошка сидела.' });
    expect(units[0]).toMatchObject({ creationId: 'Anna', changeId: 'Boris', creationDate: new Date('2020-05-01T10:15:00Z'), changeDate: new Date('2021-01-02T03:04:05Z') });
    expect(units[0]?.variants[1]).toMatchObject({ creationId: 'Vera', changeId: null });
    // TMX 1.1's `lang`; a variant without a usable language is left out.
    expect(texts(units[1])).toEqual({ en: 'Only English.' });
  });

  it('reduces inline markup to plain text: codes and sub-flows left out, highlighted text kept', () => {
    const { units } = read(
      tmx(`<tu><tuv xml:lang="en"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> now<ph x="2">{2}</ph>. See <hi type="x-i">the <it pos="begin">&lt;i&gt;</it>manual</hi><ph>&lt;img alt="<sub>A picture</sub>"&gt;</ph>,
             <ut>{\\b}</ut>page<![CDATA[ <4> ]]>five.</seg></tuv><tuv xml:lang="ru"><seg>  Нажмите   «Сохранить». </seg></tuv></tu>`),
    );
    expect(texts(units[0])).toEqual({ en: 'Press Save now. See the manual, page <4> five.', ru: 'Нажмите «Сохранить».' });
  });

  it('reads a file handed over byte by byte, in UTF-8 with a byte-order mark and in UTF-16', () => {
    const file = tmx('<tu><tuv xml:lang="en"><seg>Tea — “hot”.</seg></tuv><tuv xml:lang="ru"><seg>Чай — «горячий» 😀.</seg></tuv></tu>');
    const expected = { en: 'Tea — “hot”.', ru: 'Чай — «горячий» 😀.' };
    expect(texts(read(file, 1).units[0])).toEqual(expected);
    expect(texts(read(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(file)]), 3).units[0])).toEqual(expected);
    const utf16 = file.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const le = new Uint8Array(2 + utf16.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < utf16.length; i += 1) {
      const code = utf16.charCodeAt(i);
      le[2 + i * 2] = code & 0xff;
      le[3 + i * 2] = code >> 8;
    }
    expect(texts(read(le, 5).units[0])).toEqual(expected);
  });

  it('marks a side longer than a segment may be, without keeping its text', () => {
    const long = 'word '.repeat(MAX_SEGMENT_CHARS);
    const { units } = read(tmx(`<tu><tuv xml:lang="en"><seg>${long}</seg></tuv><tuv xml:lang="ru"><seg>коротко</seg></tuv></tu>`));
    expect(units[0]?.variants.map((variant) => [variant.language, variant.isTooLong, variant.text.length])).toEqual([
      ['en', true, 0],
      ['ru', false, 7],
    ]);
  });

  it('refuses entity declarations (billion laughs, external entities) and never loads anything', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
      <tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&lol3;</seg></tuv></tu></body></tmx>`;
    expect(failure(laughs)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('declares its own document type') });
    const external = `<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY secret SYSTEM "file:///etc/passwd">]><tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&secret;</seg></tuv></tu></body></tmx>`;
    expect(failure(external)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('declares its own document type') });
    // An entity used without any declaration is an error of the XML itself.
    expect(failure(tmx('<tu><tuv xml:lang="en"><seg>&secret;</seg></tuv></tu>'))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^The file is not well-formed XML \(line 2, column \d+: undefined entity\)\.$/u) });
    // A plain reference to the TMX DTD is ignored: the file is read.
    const referenced = tmx('<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="ru"><seg>б</seg></tuv></tu>', '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "http://example.org/tmx14.dtd">\n');
    expect(texts(read(referenced).units[0])).toEqual({ en: 'a', ru: 'б' });
  });

  it('refuses what is not well-formed, not TMX, too deep, or not in UTF-8 or UTF-16', () => {
    expect(failure(tmx('<tu><tuv xml:lang="en"><seg>a</tuv></tu>'))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/not well-formed XML \(line 2, column \d+: unexpected close tag\)/u) });
    expect(failure(tmx('<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>').slice(0, -20))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(failure('<html><body>hello</body></html>')).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('root element is <html>') });
    expect(failure('')).toMatchObject({ code: 'INVALID_INPUT' });
    expect(failure('just text')).toMatchObject({ code: 'INVALID_INPUT' });
    expect(failure(tmx(`<tu><tuv xml:lang="en"><seg>${'<hi>'.repeat(MAX_TMX_DEPTH)}x${'</hi>'.repeat(MAX_TMX_DEPTH)}</seg></tuv></tu>`))).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining(`more than ${MAX_TMX_DEPTH} deep`),
    });
    const crowded = `<tu>${'<tuv xml:lang="en"><seg>a</seg></tuv>'.repeat(MAX_TMX_VARIANTS_PER_UNIT + 1)}</tu>`;
    expect(failure(tmx(crowded))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining(`more than ${MAX_TMX_VARIANTS_PER_UNIT} language variants`) });
    expect(failure(new Uint8Array([...new TextEncoder().encode(tmx('<tu><tuv xml:lang="ru"><seg>')), 0xcf, 0xf0, 0xe8, ...new TextEncoder().encode('</seg></tuv></tu>')]))).toMatchObject({
      code: 'UNSUPPORTED_ENCODING',
    });
    expect(failure(tmx('', '<?xml version="1.0" encoding="windows-1251"?>'))).toMatchObject({ code: 'UNSUPPORTED_ENCODING', message: expect.stringContaining('windows-1251') });
  });

  it('reads back what the writer writes, escaping included', () => {
    const writer = new TmxWriter();
    const hostile = 'A <b>&amp;</b> "quote" \u0001 ]]> \uFDD4 end';
    const written = [
      writer.start({ sourceLanguage: 'en', createdAt: new Date('2024-03-15T14:25:01.250Z') }),
      writer.unit({
        tuid: 'u1',
        sourceLanguage: 'en',
        targetLanguage: 'ru',
        sourceText: hostile,
        targetText: 'Б & В\r\nГ',
        creationDate: new Date('2020-01-01T00:00:00Z'),
        changeDate: new Date('2021-06-30T12:00:00Z'),
        creationId: 'Ann "A&B" <Lee>\nSmith',
        props: [['x-interlinear-origin', 'library']],
      }),
      writer.end(),
    ].join('');
    expect(written).toContain('<header creationtool="Interlinear" creationtoolversion="1.0" segtype="sentence" o-tmf="Interlinear" adminlang="en" srclang="en" datatype="plaintext" creationdate="20240315T142501Z"/>');
    expect(written).toContain('<seg>A &lt;b&gt;&amp;amp;&lt;/b&gt; "quote"  ]]&gt;  end</seg>');
    expect(written).toContain('<prop type="x-interlinear-origin">library</prop>');
    const { units } = read(written);
    expect(texts(units[0])).toEqual({ en: 'A <b>&amp;</b> "quote" ]]> end', ru: 'Б & В Г' });
    expect(units[0]).toMatchObject({ creationId: 'Ann "A&B" <Lee> Smith', creationDate: new Date('2020-01-01T00:00:00Z'), changeDate: new Date('2021-06-30T12:00:00Z') });
  });
});

describe('TMX languages and dates', () => {
  it('keeps the primary subtag', () => {
    expect(['en-US', 'EN', 'ru_RU', 'zh-Hant-TW', 'fil', '*all*', '', 'e', 'english', '12'].map(primaryLanguage)).toEqual(['en', 'en', 'ru', 'zh', 'fil', null, null, null, null, null]);
  });

  it('writes and reads the TMX date format, refusing impossible dates', () => {
    expect(formatTmxDate(new Date('2024-03-05T04:05:06.789Z'))).toBe('20240305T040506Z');
    expect(parseTmxDate('20240305T040506Z')).toEqual(new Date('2024-03-05T04:05:06Z'));
    for (const value of [undefined, '', '2024-03-05', '20240230T000000Z', '20241305T000000Z', '20240305T250000Z', '18000101T000000Z', '29990101T000000Z', '20240305T040506']) {
      expect(parseTmxDate(value), String(value)).toBeNull();
    }
  });
});

describe('the memory import’s body bound', () => {
  it('lets only the memory import route send a TMX-sized body', () => {
    const collection = '0191c2e4-5b6a-7c8d-9e0f-112233445566';
    expect(maxBodyBytesForPath(`/api/collections/${collection}/memory`)).toBe(MAX_TMX_BYTES + UPLOAD_FORM_OVERHEAD_BYTES);
    expect(maxBodyBytesForPath(`/api/collections/${collection}/memory?x=1`)).toBe(MAX_TMX_BYTES + UPLOAD_FORM_OVERHEAD_BYTES);
    for (const other of ['/api/imports', `/api/collections/${collection}/memory/tmx`, `/api/collections/${collection}/memoryx`, '/api/collections/../auth/callback/memory', '/api/auth/callback/credentials', '/']) {
      expect(maxBodyBytesForPath(other), other).toBe(MAX_ANY_BODY_BYTES);
    }
  });
});
