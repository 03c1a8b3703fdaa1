/**
 * npm run eval:split [-- --source FILE --target FILE --gold FILE] [--no-cleanup] [--layout single|breaks]
 *
 * Scores the import's sentence splitting on both sides of a gold standard (by default the
 * English–Russian development set): each side's sentence lines are joined back into the plain
 * text a user would upload (scripts/eval/raw-import.ts), run through the import's decode, cleanup
 * and segmenter, and the ends of the units compared with the ends of the gold's lines (counted
 * without whitespace; paragraph breaks the file makes itself are left out). Reported per side:
 * boundary precision, recall and F1; precision where the gold can judge every boundary (gold
 * boundaries and the inside of 1–1 beads, for a side whose gold units hold several sentences, as
 * the Russian side's dialogue paragraphs do); and the share of 1–1 beads cut. Languages come from
 * the file extensions; `--layout` as for `eval:align -- --raw`. The last line of output is one JSON object with the figures.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';


import { EN_RU_DEV, languageOfFile, readSentences } from './eval/gold-files';
import { importSide, isRawLayout, rawTextFromSentences } from './eval/raw-import';
import { boundaryScores, countBoundaries } from './eval/span-scores';
import { parseBeads } from '../lib/align/core';

function main(): number {
  const { values } = parseArgs({ options: { source: { type: 'string' }, target: { type: 'string' }, gold: { type: 'string' }, 'no-cleanup': { type: 'boolean' }, layout: { type: 'string' } } });
  const files = values.source || values.target || values.gold ? values : EN_RU_DEV;
  const layout = values.layout ?? 'single';
  if (!files.source || !files.target || !files.gold || !isRawLayout(layout)) {
    console.error('Usage: npm run eval:split [-- --source FILE --target FILE --gold FILE] [--no-cleanup] [--layout single|breaks]');
    return 2;
  }
  const gold = parseBeads(readFileSync(files.gold, 'utf8'));
  const started = performance.now();
  const figures: Record<string, number | string> = { set: values.source ? 'custom' : 'en-ru-dev' };
  console.log(`${'side'.padEnd(8)}${['lines', 'units', 'P', 'R', 'F1', 'P 1–1', '1–1 cut'].map((h) => h.padStart(8)).join('')}`);
  for (const side of ['source', 'target'] as const) {
    const file = files[side] as string;
    const language = languageOfFile(file, side === 'source' ? 'en' : 'ru');
    const raw = rawTextFromSentences(readSentences(file), layout);
    const imported = importSide({ text: raw.text, language, cleanup: values['no-cleanup'] ? 'off' : 'default' });
    const counts = countBoundaries({ unitSpans: imported.spans, lines: raw.lines, paragraphBreaks: raw.paragraphBreaks, gold, side });
    const scores = boundaryScores(counts);
    const cut = counts.oneToOne > 0 ? counts.oneToOneCut / counts.oneToOne : 0;
    const cells = [raw.lines.length, imported.spans.length].map((n) => String(n).padStart(8));
    const rates = [scores.precision, scores.recall, scores.f1, scores.precisionOneToOne, cut].map((v) => v.toFixed(3).padStart(8));
    console.log(`${language.padEnd(8)}${cells.join('')}${rates.join('')}`);
    const round = (v: number): number => Number(v.toFixed(4));
    Object.assign(figures, {
      [`${side}_language`]: language,
      [`${side}_units`]: imported.spans.length,
      [`${side}_p`]: round(scores.precision),
      [`${side}_r`]: round(scores.recall),
      [`${side}_f1`]: round(scores.f1),
      [`${side}_p_1to1`]: round(scores.precisionOneToOne),
      [`${side}_cut_1to1`]: round(cut),
    });
  }
  figures.seconds = Number(((performance.now() - started) / 1000).toFixed(2));
  console.log(JSON.stringify(figures));
  return 0;
}

process.exitCode = main();
