import { describe, expect, it } from 'vitest';

import { decodeBytes, detectEncoding } from '../../../lib/import/decode/detect-encoding';
import { singleByteEncoder, utf16 } from '../../helpers/legacy-encodings';

// Written for this test (not from the corpus): ordinary Russian prose.
const RUSSIAN =
  'Вчера вечером мы долго говорили о том, как перевести эту книгу на другие языки. ' +
  'Переводчик должен понимать не только слова, но и мысль автора, его время и его читателей. ' +
  'Поэтому работа над текстом идёт медленно: сначала читаем оригинал, потом пишем черновик, ' +
  'а затем вместе проверяем каждую строку и исправляем ошибки.';
const GERMAN = 'Die Übersetzung größerer Werke verlangt Geduld: Schüler und Lehrer prüfen gemeinsam jeden Absatz, bevor er gedruckt wird. Äußerst schwierig!';

describe('detectEncoding', () => {
  it('reads byte-order marks first', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).encoding).toBe('utf-8');
    expect(detectEncoding(utf16('Hello', false, true)).encoding).toBe('utf-16le');
    expect(detectEncoding(utf16('Hello', true, true)).encoding).toBe('utf-16be');
  });

  it('detects UTF-16 without a BOM from its NUL pattern, Latin and Cyrillic', () => {
    expect(detectEncoding(utf16('Plain English text, with spaces.', false, false))).toMatchObject({ encoding: 'utf-16le' });
    expect(detectEncoding(utf16('Plain English text, with spaces.', true, false))).toMatchObject({ encoding: 'utf-16be' });
    expect(decodeBytes(utf16(RUSSIAN, false, false)).text).toBe(RUSSIAN);
    expect(decodeBytes(utf16(RUSSIAN, true, true)).text).toBe(RUSSIAN);
  });

  it('detects valid UTF-8', () => {
    const result = decodeBytes(new TextEncoder().encode(RUSSIAN));
    expect(result.encoding).toBe('utf-8');
    expect(result.text).toBe(RUSSIAN);
  });

  it('tells Windows-1251 from KOI8-R by Russian letter statistics', () => {
    const cp1251 = decodeBytes(singleByteEncoder('windows-1251')(RUSSIAN));
    expect(cp1251.encoding).toBe('windows-1251');
    expect(cp1251.text).toBe(RUSSIAN);
    const koi8 = decodeBytes(singleByteEncoder('koi8-r')(RUSSIAN));
    expect(koi8.encoding).toBe('koi8-r');
    expect(koi8.text).toBe(RUSSIAN);
    expect(koi8.confidence).toBeGreaterThan(0.6);
  });

  it('works on a short Russian line too', () => {
    expect(detectEncoding(singleByteEncoder('koi8-r')('Привет, как дела? Всё хорошо.')).encoding).toBe('koi8-r');
    expect(detectEncoding(singleByteEncoder('windows-1251')('Привет, как дела? Всё хорошо.')).encoding).toBe('windows-1251');
  });

  it('falls back to Windows-1252 for Western European legacy text', () => {
    const result = decodeBytes(singleByteEncoder('windows-1252')(GERMAN));
    expect(result.encoding).toBe('windows-1252');
    expect(result.text).toBe(GERMAN);
  });
});
