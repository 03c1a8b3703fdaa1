/**
 * npm run eval:align [-- --dev | --source FILE --target FILE --gold FILE]
 *
 * Aligns the seven Text+Berg 1989 test documents (German → French) with the app's aligner and
 * scores them against the gold beads with strict and lax precision/recall/F1, as defined in
 * ../shared/align-eval/README.md. `--dev` runs the 1957 development set instead; the three file
 * options score any other pair (one sentence per line, gold in the `[0]:[0, 1]` notation).
 * The last line of output is one JSON object with the overall figures.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { alignSentences, countAlignmentHits, scoreFromCounts, sumAlignmentCounts, parseBeads, type AlignmentCounts } from '../lib/align/core';

const EVAL_ROOT = path.resolve(import.meta.dirname, '../../shared/align-eval');

interface Document {
  name: string;
  source: string;
  target: string;
  gold: string;
}

/** Sentences are lines; the gold files' text carries one trailing space per line, which is stripped. */
function readSentences(file: string): string[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.replace(/\s+$/, ''));
}

function documents(values: { dev?: boolean; source?: string; target?: string; gold?: string }): Document[] | null {
  if (values.source || values.target || values.gold) {
    if (!values.source || !values.target || !values.gold) return null;
    return [{ name: path.basename(values.source), source: values.source, target: values.target, gold: values.gold }];
  }
  if (values.dev) {
    const dir = path.join(EVAL_ROOT, 'textberg-1957-dev');
    return [{ name: 'dev', source: path.join(dir, 'dev.de'), target: path.join(dir, 'dev.fr'), gold: path.join(dir, 'dev.defr') }];
  }
  const dir = path.join(EVAL_ROOT, 'textberg-1989-test');
  return Array.from({ length: 7 }, (_, n) => ({
    name: `test${n}`,
    source: path.join(dir, `test${n}.de`),
    target: path.join(dir, `test${n}.fr`),
    gold: path.join(dir, `test${n}.defr`),
  }));
}

function row(name: string, counts: AlignmentCounts, extra = ''): string {
  const { strict, lax } = scoreFromCounts(counts);
  const cells = [strict.precision, strict.recall, strict.f1, lax.precision, lax.recall, lax.f1].map((v) => v.toFixed(3).padStart(7));
  return `${name.padEnd(10)}${cells.join('')}  ${extra}`;
}

function main(): number {
  const { values } = parseArgs({
    options: { dev: { type: 'boolean' }, source: { type: 'string' }, target: { type: 'string' }, gold: { type: 'string' } },
  });
  const docs = documents(values);
  if (!docs) {
    console.error('Usage: npm run eval:align [-- --dev | --source FILE --target FILE --gold FILE]');
    return 2;
  }
  const loaded = docs.map((doc) => ({ ...doc, sourceSentences: readSentences(doc.source), targetSentences: readSentences(doc.target), goldBeads: parseBeads(readFileSync(doc.gold, 'utf8')) }));

  console.log(`${''.padEnd(10)}${['P', 'R', 'F1'].map((h) => `${h} strict`.padStart(7)).join('')}${['P', 'R', 'F1'].map((h) => `${h} lax`.padStart(7)).join('')}`);
  const perDocument: AlignmentCounts[] = [];
  const started = performance.now();
  let alignMs = 0;
  for (const doc of loaded) {
    const t0 = performance.now();
    const beads = alignSentences(doc.sourceSentences, doc.targetSentences, { sourceLanguage: 'de', targetLanguage: 'fr' });
    const ms = performance.now() - t0;
    alignMs += ms;
    const counts = countAlignmentHits(beads, doc.goldBeads);
    perDocument.push(counts);
    console.log(row(doc.name, counts, `${doc.sourceSentences.length}×${doc.targetSentences.length}, ${ms.toFixed(0)} ms`));
  }
  const seconds = (performance.now() - started) / 1000;
  const total = sumAlignmentCounts(perDocument);
  console.log(row('overall', total, `aligning ${(alignMs / 1000).toFixed(2)} s, with scoring ${seconds.toFixed(2)} s`));
  const { strict, lax } = scoreFromCounts(total);
  if (!values.dev && !values.source) {
    console.log('\nPublished strict F1 on the 1989 test set: Gale–Church 0.680, Bleualign 0.770 (OmniAlign paper, Table 5);');
    console.log(`Vecalign 0.902, Bertalign 0.936 (embeddings). Ours: ${strict.f1.toFixed(3)}.`);
  }
  const round = (v: number): number => Number(v.toFixed(4));
  console.log(
    JSON.stringify({
      set: values.source ? 'custom' : values.dev ? 'dev' : 'test',
      strict_p: round(strict.precision),
      strict_r: round(strict.recall),
      strict_f1: round(strict.f1),
      lax_p: round(lax.precision),
      lax_r: round(lax.recall),
      lax_f1: round(lax.f1),
      seconds: round(seconds),
    }),
  );
  return 0;
}

process.exitCode = main();
