/**
 * npm run bench:align — how fast the sentence aligner handles a whole book: Anna Karenina part 1,
 * English (10,676 sentences) against Russian (9,785 units), from ../shared/align-eval/. Also the
 * 1957 Text+Berg article (468 × 554), the size of one chapter.
 *
 * The book is also aligned as the import does it, by `alignDocuments`, with the paragraphs of the
 * `breaks` layout of `npm run eval:align -- --raw` (a paragraph ends after every line that does not
 * end a sentence: headings, "he said:").
 *
 * Baseline measured in the same run: one anchor-only pass (`iterations: 0`), the floor of any
 * alignment (one banded DP over the same band, no learning, no second pass).
 * Reports the median wall-clock and CPU time of RUNS runs after one warm-up, the DP cells, the
 * process's peak resident memory and, for context, strict F1 against the gold beads.
 * The aligner gets each pair's seed lexicon from the FreeDict dictionaries when they are installed,
 * as the import does (`ALIGN_DICTIONARY_DIR=off` to measure without); the CPU time of reading
 * them cold is reported apart.
 * Prints a JSON line with the figures last.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { percentile } from './collab-measure';
import { alignDocuments, alignSentences, scoreAlignment, parseBeads, type AlignmentStats, type AlignOptions, type Bead } from '../lib/align/core';
import { buildAlignmentSide } from '../lib/align/core/alignment-side';
import { findSeedLinks, type SeedLexicon } from '../lib/align/core/seed-lexicon';
import { loadSeedLexicon } from '../lib/align/load-seed-lexicon';
import { EN_RU_DEV, EVAL_ROOT, readSentences } from '../scripts/eval/gold-files';
import { rawTextFromSentences } from '../scripts/eval/raw-import';

const RUNS = 3;

const median = (values: readonly number[]) => percentile(values, 50);

interface Measured {
  seconds: number;
  cpu_seconds: number;
  cells: number;
  strict_f1: number;
}

type Aligner = (source: string[][], target: string[][], options: AlignOptions, stats: AlignmentStats) => Bead[];

const sentencesOnly: Aligner = (source, target, options, stats) => alignSentences(source.flat(), target.flat(), options, stats);

/** Sentences in paragraphs as the `breaks` layout of the raw eval writes them (the gold lines themselves, not the import's split). */
function paragraphsOf(sentences: readonly string[]): string[][] {
  const { lines, paragraphBreaks } = rawTextFromSentences(sentences, 'breaks');
  const paragraphs: string[][] = [[]];
  sentences.forEach((sentence, index) => {
    if (paragraphBreaks.has(lines[index]!.start) && paragraphs.at(-1)!.length > 0) paragraphs.push([]);
    paragraphs.at(-1)!.push(sentence);
  });
  return paragraphs;
}

function measure(source: string[][], target: string[][], gold: ReturnType<typeof parseBeads>, options: AlignOptions, align: Aligner = sentencesOnly): Measured {
  align(source, target, options, { cells: 0, passes: 0 });
  const wall: number[] = [];
  const cpu: number[] = [];
  let cells = 0;
  let f1 = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const stats: AlignmentStats = { cells: 0, passes: 0 };
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    const beads = align(source, target, options, stats);
    wall.push((performance.now() - started) / 1000);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1e6);
    cells = stats.cells;
    f1 = scoreAlignment(beads, gold).strict.f1;
  }
  return { seconds: Number(median(wall).toFixed(3)), cpu_seconds: Number(median(cpu).toFixed(3)), cells, strict_f1: Number(f1.toFixed(4)) };
}

/** CPU milliseconds of `run`. */
function cpuMs(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return Math.round((used.user + used.system) / 1000);
}

/** A language pair's seed lexicon read cold: the CPU time of opening its dictionaries, and of the first lookup of a text pair's words. */
function coldLexicon(sourceLanguage: string, targetLanguage: string, source: readonly string[], target: readonly string[]): { lexicon: SeedLexicon | null; openMs: number; lookupMs: number } {
  let lexicon: SeedLexicon | null = null;
  const openMs = cpuMs(() => {
    lexicon = loadSeedLexicon(sourceLanguage, targetLanguage);
  });
  const sourceSide = buildAlignmentSide(source.map((sentence) => [sentence]));
  const targetSide = buildAlignmentSide(target.map((sentence) => [sentence]));
  const lookupMs = cpuMs(() => {
    if (lexicon) findSeedLinks(sourceSide, targetSide, lexicon, 1);
  });
  return { lexicon, openMs, lookupMs };
}

function main(): void {
  const english = readSentences(EN_RU_DEV.source);
  const russian = readSentences(EN_RU_DEV.target);
  const bookGold = parseBeads(readFileSync(EN_RU_DEV.gold, 'utf8'));
  const articleDir = path.join(EVAL_ROOT, 'textberg-1957-dev');
  const german = readSentences(path.join(articleDir, 'dev.de'));
  const french = readSentences(path.join(articleDir, 'dev.fr'));
  const articleGold = parseBeads(readFileSync(path.join(articleDir, 'dev.defr'), 'utf8'));

  const asOne = (sentences: string[]): string[][] => [sentences];
  // The seed lexicons, read as a fresh import worker reads them: opened once, then the entries of
  // the words of the first text looked up (the later runs find them parsed).
  const englishRussian = coldLexicon('en', 'ru', english, russian);
  const germanFrench = coldLexicon('de', 'fr', german, french);
  const bookOptions: AlignOptions = { sourceLanguage: 'en', targetLanguage: 'ru', seedLexicon: englishRussian.lexicon };
  const book = measure(asOne(english), asOne(russian), bookGold, bookOptions);
  const bookBaseline = measure(asOne(english), asOne(russian), bookGold, { ...bookOptions, iterations: 0 });
  const bookParagraphs = measure(paragraphsOf(english), paragraphsOf(russian), bookGold, bookOptions, alignDocuments);
  const article = measure(asOne(german), asOne(french), articleGold, { sourceLanguage: 'de', targetLanguage: 'fr', seedLexicon: germanFrench.lexicon });
  const peakMegabytes = Math.round(process.resourceUsage().maxRSS / 1024);

  const figures = {
    book: `${english.length}×${russian.length}`,
    seconds: book.seconds,
    cpu_seconds: book.cpu_seconds,
    cells: book.cells,
    strict_f1: book.strict_f1,
    baseline_seconds: bookBaseline.seconds,
    baseline_cpu_seconds: bookBaseline.cpu_seconds,
    baseline_strict_f1: bookBaseline.strict_f1,
    ratio: Number((book.seconds / bookBaseline.seconds).toFixed(2)),
    paragraphs_seconds: bookParagraphs.seconds,
    paragraphs_cpu_seconds: bookParagraphs.cpu_seconds,
    paragraphs_strict_f1: bookParagraphs.strict_f1,
    article: `${german.length}×${french.length}`,
    article_seconds: article.seconds,
    article_strict_f1: article.strict_f1,
    dictionary_en_ru: englishRussian.lexicon ? 'on' : 'off',
    dictionary_en_ru_open_ms: englishRussian.openMs,
    dictionary_en_ru_lookup_ms: englishRussian.lookupMs,
    dictionary_de_fr: germanFrench.lexicon ? 'on' : 'off',
    dictionary_de_fr_open_ms: germanFrench.openMs,
    dictionary_de_fr_lookup_ms: germanFrench.lookupMs,
    peak_rss_mb: peakMegabytes,
    runs: RUNS,
  };
  console.log(`book ${figures.book}: ${book.seconds} s (CPU ${book.cpu_seconds} s), ${book.cells} DP cells, strict F1 ${book.strict_f1} (median of ${RUNS})`);
  console.log(`baseline, one anchor-only pass: ${bookBaseline.seconds} s (CPU ${bookBaseline.cpu_seconds} s), strict F1 ${bookBaseline.strict_f1}; full / baseline ${figures.ratio}×`);
  console.log(`book in paragraphs, as the import aligns it (alignDocuments): ${bookParagraphs.seconds} s (CPU ${bookParagraphs.cpu_seconds} s), strict F1 ${bookParagraphs.strict_f1}`);
  console.log(`article ${figures.article}: ${article.seconds} s, strict F1 ${article.strict_f1}`);
  console.log(`seed lexicon en–ru ${figures.dictionary_en_ru}: opened in ${englishRussian.openMs} ms, the book's words looked up in ${englishRussian.lookupMs} ms (CPU, once per process)`);
  console.log(`seed lexicon de–fr ${figures.dictionary_de_fr}: opened in ${germanFrench.openMs} ms, the article's words looked up in ${germanFrench.lookupMs} ms (CPU, once per process)`);
  console.log(`peak resident memory of the process: ${peakMegabytes} MB (goal: the book in under 10 s)`);
  console.log(JSON.stringify(figures));
}

main();
