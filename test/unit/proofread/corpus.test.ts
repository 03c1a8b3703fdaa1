import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { prepareText } from '@/lib/import/prepare-text';
import { findSuspects } from '@/lib/proofread/find-suspects';
import { loadSpeller } from '@/lib/proofread/worker/load-speller';

const VOLUME = path.resolve(process.cwd(), '../shared/corpus/stalin-works-vol8-ocr.en.txt');

/** Misreadings of the volume found by reading its list (docs/import.md, "Suspected OCR errors"), with their corrections. */
const KNOWN = { Delivcred: 'Delivered', sociaIist: 'socialist', woRks: 'works', necesSary: 'necessary', amomg: 'among', opposilion: 'opposition', expIoiters: 'exploiters' };

describe('suspected OCR errors of the OCR volume', () => {
  it('finds the known misreadings with their corrections, and lists few enough words to read', async () => {
    const { rows } = prepareText({ bytes: readFileSync(VOLUME), filename: 'volume.txt', language: 'en' });
    const texts = rows.flatMap((row, i) => (row.text === null ? [] : [{ segmentId: `s${i}`, text: row.text, isChecked: true }]));
    const suspects = findSuspects({ texts, speller: await loadSpeller('en') });
    const corrections = Object.fromEntries(suspects.map((suspect) => [suspect.word, suspect.correction]));
    expect(corrections).toMatchObject(KNOWN);
    // Measured: 276 words (325 occurrences) in 4,833 segments; about a fifth are misreadings and
    // broken or joined words, the rest rare names and terms. Every correction proposed was right;
    // a new one must be read in the text and added to KNOWN.
    expect(suspects.length).toBeLessThan(350);
    expect(suspects.filter((suspect) => suspect.correction !== null).map((suspect) => suspect.word).sort()).toEqual(Object.keys(KNOWN).sort());
    // Common words and the names the volume repeats are never listed.
    for (const word of ['the', 'Lenin', 'Trotsky', 'Bolsheviks', 'organisation', 'labour', 'Zinoviev', 'kulaks']) expect(corrections, word).not.toHaveProperty(word);
  });
});
