/**
 * npm run bench:proofread — checks the 700 KB OCR volume of the shared corpus for suspected OCR
 * errors: its segments as the import makes them (decode, cleanup, segmentation), the English
 * dictionary built once, then the check timed on its own (median of 5) and through the
 * proofreading thread the server uses (first job with the dictionary to build, then warm). Also
 * counts the suspects if a word had to occur 2 or 4 times instead of 3 to be trusted, and times
 * building the Russian dictionary in the thread. Prints a JSON line with the figures last.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { prepareText } from '../lib/import/prepare-text';
import { findSuspects, type ProofreadText } from '../lib/proofread/find-suspects';
import { TRUSTED_OCCURRENCES } from '../lib/proofread/vocabulary';
import { loadSpeller } from '../lib/proofread/worker/load-speller';
import { closeProofreadThread, runProofreadJob } from '../lib/proofread/worker/run-proofread-job';

const CORPUS_FILE = path.resolve(process.cwd(), '../shared/corpus/stalin-works-vol8-ocr.en.txt');
/** Misreadings known to be in the volume (checked with grep on the file and its cleaned text). */
const KNOWN_ERRORS = { Delivcred: 'Delivered', sociaIist: 'socialist', woRks: 'works' } as const;
const RUNS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const seconds = (ms: number) => Number((ms / 1000).toFixed(3));

async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

async function main() {
  const bytes = await readFile(CORPUS_FILE);
  const { rows } = prepareText({ bytes, filename: path.basename(CORPUS_FILE), language: 'en' });
  const texts: ProofreadText[] = rows.flatMap((row, i) => (row.text === null ? [] : [{ segmentId: `s${i}`, text: row.text, isChecked: true }]));

  const { value: speller, ms: spellerMs } = await timed(() => loadSpeller('en'));
  const checkMs: number[] = [];
  let suspects = findSuspects({ texts, speller });
  for (let run = 0; run < RUNS; run += 1) {
    const { value, ms } = await timed(() => findSuspects({ texts, speller }));
    suspects = value;
    checkMs.push(ms);
  }
  const byThreshold = Object.fromEntries([2, 4].map((threshold) => [threshold, findSuspects({ texts, speller, trustedOccurrences: threshold }).length]));

  const cold = await timed(() => runProofreadJob({ language: 'en', texts }));
  const warm = await timed(() => runProofreadJob({ language: 'en', texts }));
  const russian = await timed(() => runProofreadJob({ language: 'ru', texts: [{ segmentId: 'r', text: 'Решения партии.', isChecked: true }] }));
  await closeProofreadThread();

  const known = Object.fromEntries(Object.entries(KNOWN_ERRORS).map(([word, expected]) => [word, suspects.find((suspect) => suspect.word === word)?.correction === expected]));
  const figures = {
    file: path.basename(CORPUS_FILE),
    bytes: bytes.byteLength,
    text_segments: texts.length,
    trusted_occurrences: TRUSTED_OCCURRENCES,
    suspects: suspects.length,
    occurrences: suspects.reduce((sum, suspect) => sum + suspect.count, 0),
    with_correction: suspects.filter((suspect) => suspect.correction !== null).length,
    suspects_if_trusted_at: byThreshold,
    known_found_with_correction: known,
    speller_en_seconds: seconds(spellerMs),
    check_seconds: seconds(median(checkMs)),
    thread_cold_seconds: seconds(cold.ms),
    thread_warm_seconds: seconds(warm.ms),
    thread_ru_dictionary_seconds: seconds(russian.ms),
    runs: RUNS,
  };
  console.log(`proofread: ${figures.suspects} suspect words (${figures.occurrences} occurrences) in ${texts.length} segments, ${figures.with_correction} with a correction; check ${figures.check_seconds} s (median of ${RUNS}), English dictionary ${figures.speller_en_seconds} s`);
  console.log(`  trusted at 2 occurrences: ${byThreshold[2]} suspects, at 4: ${byThreshold[4]}; known errors corrected: ${Object.entries(known).map(([word, isFound]) => `${word} ${isFound ? 'yes' : 'NO'}`).join(', ')}`);
  console.log(`  in the proofreading thread: ${figures.thread_cold_seconds} s with the dictionary to build, ${figures.thread_warm_seconds} s after; Russian dictionary built there in ${figures.thread_ru_dictionary_seconds} s`);
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
