import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, afterEach, describe, expect, it } from 'vitest';

import type { Bead } from '../../../lib/align/core';
import { doParseJob } from '../../../lib/import/worker/parse-jobs';
import { fillerEntries, writeDictionary } from '../../helpers/freedict';

/** The words of the two texts below, in a made-up German–French dictionary (inflected headwords included). */
const ENTRIES: [string, string][] = [
  ['hund', 'Hund <n>\nchien\n'],
  ['schläft', 'schläft <v>\ndort\n'],
  ['ofen', 'Ofen <n>\npoêle\n'],
  ['warmen', 'warmen <adj>\nchaud\n'],
  ['nacht', 'Nacht <n>\nnuit\n'],
  ['still', 'still <adj>\nsilencieux\n'],
  ['lange', 'lange <adv>\nlentement\n'],
  ['katze', 'Katze <n>\nchat\n'],
  ['hof', 'Hof <n>\ncour\n'],
  ['läuft', 'läuft <v>\ntraverse\n'],
  ...fillerEntries(5_000),
];

// By length, each German sentence has its French one; by the words, the first French sentence
// holds the stove and the night of the second German one.
const SOURCE = [['Der Hund schläft.', 'Am warmen Ofen, die ganze Nacht, still und lange.', 'Die Katze läuft über den Hof.']];
const TARGET = [['Le chien dort près du poêle chaud toute la nuit.', 'Silencieux et lentement.', 'Le chat traverse la cour.']];

const shapes = (beads: Bead[]) => beads.map((bead) => `${bead.source.join(',')}:${bead.target.join(',')}`);

describe('the import worker aligns with the seed lexicon of ALIGN_DICTIONARY_DIR', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'align-job-dictionaries-'));
  writeDictionary(directory, 'freedict-deu-fra', ENTRIES);
  const before = process.env.ALIGN_DICTIONARY_DIR;
  afterEach(() => {
    if (before === undefined) delete process.env.ALIGN_DICTIONARY_DIR;
    else process.env.ALIGN_DICTIONARY_DIR = before;
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const align = async () => shapes((await doParseJob({ kind: 'align', input: { source: SOURCE, target: TARGET, options: { sourceLanguage: 'de', targetLanguage: 'fr' } } })) as Bead[]);

  it('loads the pair from the configured folder', async () => {
    process.env.ALIGN_DICTIONARY_DIR = directory;
    expect(await align()).toEqual(['0,1:0,1', '2:2']);
  });

  it('aligns on the texts alone when switched off', async () => {
    process.env.ALIGN_DICTIONARY_DIR = 'off';
    expect(await align()).toEqual(['0:0', '1:1', '2:2']);
  });
});
