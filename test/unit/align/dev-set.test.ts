import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { alignSentences, parseBeads, scoreAlignment } from '../../../lib/align/core';
import { loadSeedLexicon } from '../../../lib/align/load-seed-lexicon';

const EVAL_ROOT = path.resolve(__dirname, '../../../../shared/align-eval');

/** One sentence per line; every line carries a trailing space that is not part of the sentence. */
function readSentences(file: string): string[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.replace(/\s+$/, ''));
}

describe('aligner on the Text+Berg 1957 development set', () => {
  const dir = path.join(EVAL_ROOT, 'textberg-1957-dev');
  const source = readSentences(path.join(dir, 'dev.de'));
  const target = readSentences(path.join(dir, 'dev.fr'));
  const gold = parseBeads(readFileSync(path.join(dir, 'dev.defr'), 'utf8'));

  it('keeps strict F1 at or above 0.85 (0.897 measured) and lax F1 at or above 0.95 on the texts alone', () => {
    const scores = scoreAlignment(alignSentences(source, target, { sourceLanguage: 'de', targetLanguage: 'fr' }), gold);
    expect(scores.strict.f1).toBeGreaterThanOrEqual(0.85);
    expect(scores.lax.f1).toBeGreaterThanOrEqual(0.95);
  });

  // Debian's dict-freedict-deu-fra and dict-freedict-fra-deu (.ci/run installs them).
  const withDictionary = (): ReturnType<typeof alignSentences> => {
    const seedLexicon = loadSeedLexicon('de', 'fr', { directory: '/usr/share/dictd' });
    expect(seedLexicon).not.toBeNull();
    return alignSentences(source, target, { sourceLanguage: 'de', targetLanguage: 'fr', seedLexicon });
  };

  it('keeps strict F1 at or above 0.92 (0.925 measured) with the FreeDict German–French dictionaries', () => {
    const scores = scoreAlignment(withDictionary(), gold);
    expect(scores.strict.f1).toBeGreaterThanOrEqual(0.92);
    expect(scores.lax.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('leaves the French block of 36 photo captions unmatched and gives the two German sentences before it their translations after it', () => {
    const beads = withDictionary().map((bead) => `${bead.source.join(',')}:${bead.target.join(',')}`);
    for (let caption = 16; caption <= 51; caption++) expect(beads).toContain(`:${caption}`);
    expect(beads).toContain('14:52');
    expect(beads).toContain('15:53');
  });
});
