import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { findWorkDate } from '../../../lib/cleanup/split';
import { prepareVolume } from '../../../lib/import/prepare-text';

const VOLUME = path.resolve(__dirname, '../../../../shared/corpus/stalin-works-vol8-ocr.en.txt');

const prose = 'The harbour was opened in the spring, and the council met twice to decide on the tolls that every ship would pay from then on.';

describe('findWorkDate', () => {
  it('reads a date line among the heading lines of a speech', () => {
    expect(findWorkDate(['ON THE HARBOUR', 'Speech Delivered at the Council', 'January 22, 1926', prose].join('\n'))).toBe('January 22, 1926');
    expect(findWorkDate(['THE TWO PIERS', 'November 5 and 6, 1926', prose].join('\n'))).toBe('November 5 and 6, 1926');
  });

  it('reads a date ending a subtitle, else the contents title', () => {
    expect(findWorkDate(['REPLY TO THE DOCKERS', 'Delivered in Riga, June 8, 1926', prose].join('\n'))).toBe('June 8, 1926');
    expect(findWorkDate(['REPLY TO THE DOCKERS', prose].join('\n'), 'REPLY TO THE DOCKERS OF RIGA, June 8, 1926')).toBe('June 8, 1926');
  });

  it('reads the date under a letter’s signature, before a source line’s date of printing', () => {
    const letter = ['TO THE HARBOUR MASTER', prose, 'With greetings,', 'P. Orlov', '26. IV. 1926', 'Harbour Gazette, No. 12, May 3, 1926'].join('\n');
    expect(findWorkDate(letter)).toBe('26. IV. 1926');
    expect(findWorkDate(['TO THE HARBOUR MASTER', prose, 'Harbour Gazette, No. 12, May 3, 1926'].join('\n'))).toBe('May 3, 1926');
  });

  it('reads Russian dates', () => {
    expect(findWorkDate(['О ГАВАНИ', 'Речь на заседании совета', '22 января 1926 г.', 'Гавань открылась весной, и совет дважды собирался, чтобы решить, какие сборы будет платить каждое судно.'].join('\n'))).toBe('22 января 1926 г.');
  });

  it('finds no date where none is printed, and takes no year inside prose for one', () => {
    expect(findWorkDate(['ON THE HARBOUR', prose, 'It was rebuilt in May 1931 after the fire, which the town still remembers as the worst of that decade by far.'].join('\n'))).toBeNull();
    expect(findWorkDate(['ON THE HARBOUR', prose].join('\n'), 'ON THE HARBOUR')).toBeNull();
  });
});

describe('the works of the OCR volume', () => {
  it('carry their own dates: from their headings, contents entries or signatures', () => {
    const volume = prepareVolume({ bytes: readFileSync(VOLUME), filename: 'volume.txt', language: 'en' });
    const works = volume?.parts.filter((part) => part.kind === 'work') ?? [];
    expect(works.length).toBeGreaterThanOrEqual(20);
    const dated = works.filter((work) => work.dateText !== null);
    expect(dated.length).toBeGreaterThanOrEqual(works.length - 2);
    expect(works[0]?.dateText).toBe('January 22, 1926');
    // Front and back matter are the volume's, not works with dates of their own.
    expect(volume?.parts.filter((part) => part.kind !== 'work').every((part) => part.dateText === null)).toBe(true);
    // Every date is one of 1926, the volume's year.
    expect(dated.every((work) => work.dateText?.endsWith('1926'))).toBe(true);
  });
});
