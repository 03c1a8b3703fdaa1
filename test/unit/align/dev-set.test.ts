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

  it('keeps strict F1 at or above 0.85 (0.894 measured) and lax F1 at or above 0.95 on the texts alone', () => {
    const scores = scoreAlignment(alignSentences(source, target, { sourceLanguage: 'de', targetLanguage: 'fr' }), gold);
    expect(scores.strict.f1).toBeGreaterThanOrEqual(0.85);
    expect(scores.lax.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps strict F1 at or above 0.90 (0.910 measured) with the FreeDict German–French dictionaries', () => {
    // Debian's dict-freedict-deu-fra and dict-freedict-fra-deu (.ci/run installs them).
    const seedLexicon = loadSeedLexicon('de', 'fr', { directory: '/usr/share/dictd' });
    expect(seedLexicon).not.toBeNull();
    const scores = scoreAlignment(alignSentences(source, target, { sourceLanguage: 'de', targetLanguage: 'fr', seedLexicon }), gold);
    expect(scores.strict.f1).toBeGreaterThanOrEqual(0.9);
    expect(scores.lax.f1).toBeGreaterThanOrEqual(0.95);
  });
});
