/**
 * npm run eval:align [-- --dev | --pieces | --source FILE --target FILE --gold FILE]
 * npm run eval:align -- --raw [--source FILE --target FILE --gold FILE] [--no-cleanup] [--layout single|breaks] [--flat] [--gold-split]
 * (any of these) [--no-dictionary]
 *
 * Aligns the seven Text+Berg 1989 test documents (German → French) with the app's aligner and
 * scores them against the gold beads with strict and lax precision/recall/F1, as defined in
 * ../shared/align-eval/README.md. `--dev` runs the 1957 development set instead; the three file
 * options score any other pair (one sentence per line, gold in the `[0]:[0, 1]` notation).
 * `--pieces` runs every development set the aligner is tuned on: the dev article whole and cut into
 * pieces of about 90 and 35 beads, and pieces of the English–Russian book (scripts/eval/dev-pieces.ts).
 *
 * `--raw` measures the import instead of the aligner alone: each side's sentences are joined back
 * into the plain text a user would upload, imported as a work and its translation through the
 * product's own path (cleanup, segmenter, aligner, placement) and the rows scored against the gold
 * by character spans (scripts/eval/, docs/alignment.md). Without files it runs the English–Russian
 * development set; languages come from the file extensions. `--no-cleanup` imports with the
 * cleanup switched off; `--layout breaks` starts a new paragraph after every line that does not
 * end a sentence (headings, "he said:") instead of writing each side as one paragraph; `--flat`
 * aligns the imported units as one paragraph per side (the aligner's paragraph pass is skipped);
 * `--gold-split` gives the aligner the gold's own sentences instead of the import's split, to tell
 * what the splitting costs from what the aligner and the placement cost.
 *
 * The aligner gets the language pair's seed lexicon from the FreeDict dictionaries when they are
 * installed (`ALIGN_DICTIONARY_DIR`, lib/align/load-seed-lexicon.ts), as the import does;
 * `--no-dictionary` aligns without it.
 *
 * The last line of output is one JSON object with the overall figures.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';


import { developmentPieceSets } from './eval/dev-pieces';
import { evaluateRawAlignment } from './eval/evaluate-raw-alignment';
import { EN_RU_DEV, EVAL_ROOT, languageOfFile, readSentences } from './eval/gold-files';
import { isRawLayout } from './eval/raw-import';
import { alignSentences, countAlignmentHits, scoreFromCounts, sumAlignmentCounts, parseBeads, type AlignmentCounts } from '../lib/align/core';
import { loadSeedLexicon } from '../lib/align/load-seed-lexicon';

interface Document {
  name: string;
  source: string;
  target: string;
  gold: string;
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

const round = (v: number): number => Number(v.toFixed(4));

/** The strict and lax figures of the final JSON line, shared by both modes. */
function figures(counts: AlignmentCounts): Record<string, number> {
  const { strict, lax } = scoreFromCounts(counts);
  return {
    strict_p: round(strict.precision),
    strict_r: round(strict.recall),
    strict_f1: round(strict.f1),
    lax_p: round(lax.precision),
    lax_r: round(lax.recall),
    lax_f1: round(lax.f1),
  };
}

function header(): string {
  return `${''.padEnd(10)}${['P', 'R', 'F1'].map((h) => `${h} strict`.padStart(7)).join('')}${['P', 'R', 'F1'].map((h) => `${h} lax`.padStart(7)).join('')}`;
}

/** `--raw`: the import from plain text, scored by character spans. */
function mainRaw(values: { source?: string; target?: string; gold?: string; 'no-cleanup'?: boolean; layout?: string; 'gold-split'?: boolean; flat?: boolean }): number {
  const files = values.source || values.target || values.gold ? values : EN_RU_DEV;
  const layout = values.layout ?? 'single';
  if (!files.source || !files.target || !files.gold || !isRawLayout(layout)) return usage();
  const started = performance.now();
  const result = evaluateRawAlignment({
    source: files.source,
    target: files.target,
    gold: files.gold,
    sourceLanguage: languageOfFile(files.source, 'en'),
    targetLanguage: languageOfFile(files.target, 'ru'),
    cleanup: values['no-cleanup'] ? 'off' : 'default',
    layout,
    isGoldSplit: values['gold-split'],
    isFlat: values.flat,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`${result.sourceUnits} source and ${result.targetUnits} target units, ${result.rows} rows; import ${result.seconds.import.toFixed(2)} s, aligning ${result.seconds.align.toFixed(2)} s`);
  console.log(header());
  console.log(row('rows', result.counts));
  console.log(row('gold grain', result.countsAtGoldGrain, 'rows lying inside one gold bead merged'));
  const grain = scoreFromCounts(result.countsAtGoldGrain).strict;
  console.log(
    JSON.stringify({
      set: [values.source ? 'raw-custom' : 'raw-en-ru-dev', layout, values.flat ? 'flat' : '', values['gold-split'] ? 'gold-split' : '', values['no-cleanup'] ? 'no-cleanup' : ''].filter(Boolean).join('-'),
      ...figures(result.counts),
      grain_p: round(grain.precision),
      grain_r: round(grain.recall),
      grain_f1: round(grain.f1),
      dictionary: dictionaryState(languageOfFile(files.source, 'en'), languageOfFile(files.target, 'ru')),
      seconds: round(seconds),
    }),
  );
  return 0;
}

/** `--pieces`: the development sets, whole and in pieces, each micro-averaged over its documents. */
function mainPieces(): number {
  console.log(header());
  const result: Record<string, number> = {};
  for (const set of developmentPieceSets()) {
    const started = performance.now();
    const options = { sourceLanguage: set.sourceLanguage, targetLanguage: set.targetLanguage, seedLexicon: loadSeedLexicon(set.sourceLanguage, set.targetLanguage) };
    const counts = sumAlignmentCounts(set.documents.map((doc) => countAlignmentHits(alignSentences(doc.source, doc.target, options), doc.gold)));
    console.log(row(set.name, counts, `${set.documents.length} documents, ${((performance.now() - started) / 1000).toFixed(2)} s`));
    result[set.name] = round(scoreFromCounts(counts).strict.f1);
  }
  const dictionary = Object.fromEntries(developmentPieceSets().map((set) => [set.name, dictionaryState(set.sourceLanguage, set.targetLanguage)]));
  console.log(JSON.stringify({ set: 'pieces', strict_f1: result, dictionary }));
  return 0;
}

function usage(): number {
  console.error('Usage: npm run eval:align [-- --dev | --pieces | --source FILE --target FILE --gold FILE | --raw [--source FILE --target FILE --gold FILE] [--no-cleanup] [--layout single|breaks] [--flat] [--gold-split]] [--no-dictionary]');
  return 2;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      dev: { type: 'boolean' },
      pieces: { type: 'boolean' },
      raw: { type: 'boolean' },
      'no-cleanup': { type: 'boolean' },
      layout: { type: 'string' },
      'gold-split': { type: 'boolean' },
      flat: { type: 'boolean' },
      'no-dictionary': { type: 'boolean' },
      source: { type: 'string' },
      target: { type: 'string' },
      gold: { type: 'string' },
    },
  });
  // The seed lexicon of the FreeDict dictionaries (lib/align/load-seed-lexicon.ts), as the import uses it.
  if (values['no-dictionary']) process.env.ALIGN_DICTIONARY_DIR = 'off';
  if (values.raw) return mainRaw(values);
  if (values.pieces) return mainPieces();
  const docs = documents(values);
  if (!docs) return usage();
  return mainSets(docs, values);
}

/** Whether the aligner gets a seed lexicon for the pair: "on", or "off" (switched off or not installed). */
function dictionaryState(sourceLanguage: string, targetLanguage: string): 'on' | 'off' {
  return loadSeedLexicon(sourceLanguage, targetLanguage) ? 'on' : 'off';
}

/** The test set, `--dev`, or one pair of files, aligned sentence list against sentence list. */
function mainSets(docs: Document[], values: { dev?: boolean; source?: string }): number {
  const loaded = docs.map((doc) => ({ ...doc, sourceSentences: readSentences(doc.source), targetSentences: readSentences(doc.target), goldBeads: parseBeads(readFileSync(doc.gold, 'utf8')) }));

  console.log(header());
  const perDocument: AlignmentCounts[] = [];
  const started = performance.now();
  let alignMs = 0;
  for (const doc of loaded) {
    const sourceLanguage = languageOfFile(doc.source, 'de');
    const targetLanguage = languageOfFile(doc.target, 'fr');
    const seedLexicon = loadSeedLexicon(sourceLanguage, targetLanguage);
    const t0 = performance.now();
    const beads = alignSentences(doc.sourceSentences, doc.targetSentences, { sourceLanguage, targetLanguage, seedLexicon });
    const ms = performance.now() - t0;
    alignMs += ms;
    const counts = countAlignmentHits(beads, doc.goldBeads);
    perDocument.push(counts);
    console.log(row(doc.name, counts, `${doc.sourceSentences.length}×${doc.targetSentences.length}, ${ms.toFixed(0)} ms`));
  }
  const seconds = (performance.now() - started) / 1000;
  const total = sumAlignmentCounts(perDocument);
  console.log(row('overall', total, `aligning ${(alignMs / 1000).toFixed(2)} s, with scoring ${seconds.toFixed(2)} s`));
  if (!values.dev && !values.source) {
    console.log('\nPublished strict F1 on the 1989 test set: Gale–Church 0.680, Bleualign 0.770 (OmniAlign paper, Table 5);');
    console.log(`Vecalign 0.902, Bertalign 0.936 (embeddings). Ours: ${scoreFromCounts(total).strict.f1.toFixed(3)}.`);
  }
  console.log(
    JSON.stringify({
      set: values.source ? 'custom' : values.dev ? 'dev' : 'test',
      ...figures(total),
      dictionary: dictionaryState(languageOfFile(docs[0]!.source, 'de'), languageOfFile(docs[0]!.target, 'fr')),
      seconds: round(seconds),
    }),
  );
  return 0;
}

process.exitCode = main();
