import { readFileSync } from 'node:fs';


import { readSentences } from './gold-files';
import { alignImportedSides, goldSplitSide, importRawPair, rawTextFromSentences, type CleanupMode, type ImportedSide, type RawLayout } from './raw-import';
import { countSpanHits, mergeRowsWithinGoldBeads, type SpanPair } from './span-scores';
import { parseBeads, type AlignmentCounts } from '../../lib/align/core';

/** What an alignment from raw text scores against a gold standard. */
export interface RawAlignmentResult {
  /** Rows compared as the product makes them. */
  counts: AlignmentCounts;
  /** Rows merged where they all lie inside one gold bead (the gold's granularity). */
  countsAtGoldGrain: AlignmentCounts;
  sourceUnits: number;
  targetUnits: number;
  rows: number;
  seconds: { import: number; align: number };
}

function rowSpan(units: readonly number[], side: ImportedSide): SpanPair['source'] {
  let start = Infinity;
  let end = -Infinity;
  for (const unit of units) {
    const span = side.spans[unit];
    if (!span) continue;
    start = Math.min(start, span.start);
    end = Math.max(end, span.end);
  }
  return start < end ? { start, end } : null;
}

/**
 * Rebuilds both uploads from the gold's sentence lines (raw-import.ts), imports them as a work and
 * its translation, and scores the rows by character spans (span-scores.ts).
 */
export function evaluateRawAlignment({ source, target, gold, sourceLanguage, targetLanguage, cleanup, layout, isGoldSplit = false, isFlat = false }: { source: string; target: string; gold: string; sourceLanguage: string; targetLanguage: string; cleanup: CleanupMode; layout: RawLayout; /** Give the aligner the gold's sentences instead of the import's split. */ isGoldSplit?: boolean; /** Align the units as one paragraph per side. */ isFlat?: boolean }): RawAlignmentResult {
  const sourceSentences = readSentences(source);
  const targetSentences = readSentences(target);
  const sourceRaw = rawTextFromSentences(sourceSentences, layout);
  const targetRaw = rawTextFromSentences(targetSentences, layout);
  const goldBeads = parseBeads(readFileSync(gold, 'utf8'));
  const t0 = performance.now();
  const pair = isGoldSplit
    ? alignImportedSides({ source: goldSplitSide(sourceSentences, sourceRaw.lines), target: goldSplitSide(targetSentences, targetRaw.lines), sourceLanguage, targetLanguage })
    : importRawPair({ sourceText: sourceRaw.text, targetText: targetRaw.text, sourceLanguage, targetLanguage, cleanup, isFlat });
  const seconds = (performance.now() - t0) / 1000;
  const rows: SpanPair[] = pair.rows.map((row) => ({ source: rowSpan(row.source, pair.source), target: rowSpan(row.target, pair.target) }));
  const input = { gold: goldBeads, sourceLines: sourceRaw.lines, targetLines: targetRaw.lines };
  return {
    counts: countSpanHits({ rows, ...input }),
    countsAtGoldGrain: countSpanHits({ rows: mergeRowsWithinGoldBeads({ rows, ...input }), ...input }),
    sourceUnits: pair.source.units.keys.length,
    targetUnits: pair.target.units.keys.length,
    rows: pair.rows.length,
    seconds: { import: seconds - pair.seconds.align, align: pair.seconds.align },
  };
}
