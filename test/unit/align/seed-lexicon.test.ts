import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { alignSentences } from '../../../lib/align/core';
import { buildAlignmentSide } from '../../../lib/align/core/alignment-side';
import { findSeedLinks, type SeedLexicon } from '../../../lib/align/core/seed-lexicon';
import { loadSeedLexicon } from '../../../lib/align/load-seed-lexicon';
import { getEnv } from '../../../lib/config/env';
import { dictNumber, fillerEntries, writeDictionary } from '../../helpers/freedict';

/** A made-up lexicon: keys of five letters, both directions given by plain maps. */
function lexiconOf(keyLength: number, pairs: readonly [string, string][]): SeedLexicon {
  const forward = new Map<string, string[]>();
  const backward = new Map<string, string[]>();
  for (const [source, target] of pairs) {
    forward.set(source, [...(forward.get(source) ?? []), target]);
    backward.set(target, [...(backward.get(target) ?? []), source]);
  }
  return { keyLength, targetsOf: (key) => forward.get(key) ?? [], sourcesOf: (key) => backward.get(key) ?? [] };
}

const side = (sentences: string[]) => buildAlignmentSide(sentences.map((sentence) => [sentence]));

/** The linked pairs as "source~target" words. */
function linkedWords(source: string[], target: string[], lexicon: SeedLexicon): string[] {
  const s = side(source);
  const t = side(target);
  const links = findSeedLinks(s, t, lexicon, 0.5);
  return [...links.keys()].map((key) => `${s.vocabulary[Math.floor(key / t.vocabulary.length)]}~${t.vocabulary[key % t.vocabulary.length]}`).sort();
}

describe('findSeedLinks', () => {
  it('links inflected forms through their keys, in both directions, and leaves numbers and markers alone', () => {
    const lexicon = lexiconOf(5, [
      ['gipfe', 'somme'],
      ['glets', 'glaci'],
    ]);
    const links = linkedWords(['Den Gipfeln entgegen: 1956 am Gletscher!'], ['Vers les sommets : 1956 sur le glacier !'], lexicon);
    expect(links).toEqual(['gipfeln~sommets', 'gletscher~glacier']);
  });

  it('takes a pair that only the target → source dictionary has', () => {
    const lexicon: SeedLexicon = { keyLength: 5, targetsOf: () => [], sourcesOf: (key) => (key === 'nuit' ? ['nacht'] : []) };
    expect(linkedWords(['In der Nacht.'], ['Dans la nuit.'], lexicon)).toEqual(['nacht~nuit']);
  });

  it('gives every link the weight asked for', () => {
    const s = side(['Haus']);
    const t = side(['maison']);
    const links = findSeedLinks(s, t, lexiconOf(5, [['haus', 'maiso']]), 0.5);
    expect([...links.values()]).toEqual([0.5]);
  });
});

describe('alignSentences with a seed lexicon', () => {
  it('lets dictionary pairs show where a sentence went that lengths alone place elsewhere', () => {
    // By length, each German sentence has its French one. By the words, the French first sentence
    // holds the stove and the night of the German second one: a 2–2 bead.
    const source = ['Der Hund schläft.', 'Am warmen Ofen, die ganze Nacht, still und lange.', 'Die Katze läuft über den Hof.'];
    const target = ['Le chien dort près du poêle chaud toute la nuit.', 'Silencieux et lentement.', 'Le chat traverse la cour.'];
    const lexicon = lexiconOf(5, [
      ['hund', 'chien'],
      ['schla', 'dort'],
      ['ofen', 'poele'],
      ['warme', 'chaud'],
      ['nacht', 'nuit'],
      ['still', 'silen'],
      ['lange', 'lente'],
      ['katze', 'chat'],
      ['hof', 'cour'],
      ['lauft', 'trave'],
    ]);
    const shapes = (beads: { source: number[]; target: number[] }[]) => beads.map((bead) => `${bead.source.join(',')}:${bead.target.join(',')}`);
    expect(shapes(alignSentences(source, target))).toEqual(['0:0', '1:1', '2:2']);
    expect(shapes(alignSentences(source, target, { seedLexicon: lexicon }))).toEqual(['0,1:0,1', '2:2']);
  });

  it('aligns as before when the lexicon is null', () => {
    const source = ['Eins.', 'Zwei und drei.', 'Vier.'];
    const target = ['Un.', 'Deux et trois.', 'Quatre.'];
    expect(alignSentences(source, target, { seedLexicon: null })).toEqual(alignSentences(source, target));
  });
});

describe('loadSeedLexicon (FreeDict dictionaries)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'seed-lexicon-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const german = path.join(root, 'de-fr');
  mkdirSync(german);
  writeDictionary(german, 'freedict-deu-fra', [
    ['gletscher', 'Gletscher /ˈɡlɛt͡ʃɐ/ <n, masc>\nglacier\nEismasse, die sich talwärts bewegt\n'],
    ['berg', 'Berg /bɛʁk/ <n, masc>\n1. montagne, amoncellement, mont\ngroße Erhebung; Haufen, Anhäufung\n2. mine\nUntertagebereich\n'],
    ['und', 'und /ʊnt/\net 2.\nGrammatik: verbindet Satzteile\n 3.\naufzählend\n'],
    ['über', 'über /ˈyːbɐ/ <preposition>\nau-dessus de, (räumlich) sur\n'],
    ['maison de repos', 'Kurhaus\n'],
    ['1butanol', '1-Butanol <n>\nbutanol\n'],
    ...fillerEntries(5_000),
  ]);
  writeDictionary(german, 'freedict-fra-deu', [['nuit', 'nuit /nɥi/ <n, fem>\nNacht\nPartie du jour\n']]);
  writeFileSync(path.join(german, 'freedict-deu-fra.junk'), 'not a dictionary');

  it('reads translations, numbered senses and both directions, with keys the aligner compares', () => {
    const lexicon = loadSeedLexicon('de', 'fr', { directory: german })!;
    expect(lexicon.keyLength).toBe(5);
    expect(lexicon.targetsOf('glets')).toEqual(['glaci']);
    // Glosses in German ("große Erhebung") are not translations.
    expect(lexicon.targetsOf('berg')).toEqual(['monta', 'amonc', 'mont', 'mine']);
    expect(lexicon.targetsOf('und')).toEqual(['et']);
    // Diacritics go as in the tokeniser; phrases of several words are left out, labels dropped.
    expect(lexicon.targetsOf('uber')).toEqual(['sur']);
    expect(lexicon.sourcesOf('nuit')).toEqual(['nacht']);
    expect(lexicon.targetsOf('nacht')).toEqual([]);
    expect(lexicon.targetsOf('butan')).toEqual([]);
  });

  it('reads a pair once per process and gives the same lexicon again', () => {
    expect(loadSeedLexicon('de-CH', 'fr', { directory: german })).toBe(loadSeedLexicon('deu', 'fra', { directory: german }));
  });

  it('takes the pair the other way round from the same files', () => {
    const lexicon = loadSeedLexicon('fr', 'de', { directory: german })!;
    expect(lexicon.targetsOf('nuit')).toEqual(['nacht']);
    expect(lexicon.sourcesOf('glets')).toEqual(['glaci']);
  });

  it('is null when no dictionary is installed, switched off, or the language has no code', () => {
    expect(loadSeedLexicon('de', 'fr', { directory: path.join(root, 'missing') })).toBeNull();
    expect(loadSeedLexicon('de', 'fr', { directory: 'off' })).toBeNull();
    expect(loadSeedLexicon('de', 'xx', { directory: german })).toBeNull();
    expect(loadSeedLexicon(undefined, 'fr', { directory: german })).toBeNull();
    expect(loadSeedLexicon('de', 'de', { directory: german })).toBeNull();
  });

  it('counts a damaged dictionary as absent and skips index lines it cannot read', () => {
    const damaged = path.join(root, 'damaged');
    mkdirSync(damaged);
    writeFileSync(path.join(damaged, 'freedict-deu-fra.index'), 'haus\tA\tZ\n');
    writeFileSync(path.join(damaged, 'freedict-deu-fra.dict.dz'), 'not gzip');
    expect(loadSeedLexicon('de', 'fr', { directory: damaged })).toBeNull();

    writeDictionary(damaged, 'freedict-eng-rus', [['house', 'house /haus/\nдом\n'], ...fillerEntries(5_000)]);
    const index = path.join(damaged, 'freedict-eng-rus.index');
    // Lines without fields, with digits outside dictd's base 64, or past the end of the entries.
    writeFileSync(index, `broken line\nhouse\t!!\tB\nhouse\t${'A'.repeat(9)}\tB\nhome\t${dictNumber(1 << 30)}\tB\n`, { flag: 'a' });
    const lexicon = loadSeedLexicon('en', 'ru', { directory: damaged });
    expect(lexicon?.targetsOf('house')).toEqual(['dom']);
    expect(lexicon?.targetsOf('home')).toEqual([]);
  });

  it('leaves out a pair whose dictionaries are too small to tell more than the commonest words', () => {
    const small = path.join(root, 'small');
    mkdirSync(small);
    writeDictionary(small, 'freedict-deu-fra', [['gletscher', 'Gletscher <n>\nglacier\n'], ...fillerEntries(100)]);
    expect(loadSeedLexicon('de', 'fr', { directory: small })).toBeNull();
  });
});

describe('ALIGN_DICTIONARY_DIR', () => {
  it('is an absolute folder or `off`: a relative or empty one is refused at start, not read against the working folder', () => {
    const before = process.env.ALIGN_DICTIONARY_DIR;
    try {
      for (const value of ['dictd', '', './share/dictd']) {
        process.env.ALIGN_DICTIONARY_DIR = value;
        expect(() => getEnv()).toThrow(/ALIGN_DICTIONARY_DIR/u);
      }
      for (const value of ['off', '/usr/share/dictd']) {
        process.env.ALIGN_DICTIONARY_DIR = value;
        expect(getEnv().ALIGN_DICTIONARY_DIR).toBe(value);
      }
    } finally {
      if (before === undefined) delete process.env.ALIGN_DICTIONARY_DIR;
      else process.env.ALIGN_DICTIONARY_DIR = before;
    }
  });
});
