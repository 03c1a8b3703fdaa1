/**
 * npm run bench:diff — the word diff (lib/diff/word-diff.ts: jsdiff's Myers diff over the
 * project's tokens) against the table-filling longest common subsequence it replaced, kept below
 * as the baseline only, on the same inputs in the same run:
 *
 * - every 3,000-character excerpt of an OCR'd volume against the same stretch after the default
 *   cleanup (what the import preview diffs);
 * - 1,000 paragraphs of the cleaned volume with one to three words replaced, removed or added
 *   (a correction in the review queue);
 * - a segment of the longest length (20,000 characters) with five words changed far apart;
 * - two unrelated 3,000-character excerpts (the worst an excerpt can be);
 * - two unrelated texts of 2,000 tokens each (the most the baseline's table holds: its worst case);
 * - the whole volume against the whole cleaned volume (far beyond either bound).
 *
 * For each: the median time over the rounds (implementations alternating) and how many changes
 * each found (a change is a hunk: what lies between two kept runs). Prints a JSON line last.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { CLEANUP_RULES, createOffsetMapper, runCleanup } from '../lib/cleanup';
import { MAX_DIFF_EDITS, MAX_SEGMENT_CHARS } from '../lib/config/limits';
import { toHunks } from '../lib/diff/hunks';
import { diffWords, tokenize, type DiffOp } from '../lib/diff/word-diff';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const VOLUME = 'stalin-works-vol8-ocr.en.txt';
const OTHER = 'lenin-stalin-quotes-collection.en.txt';
const EXCERPT_CHARS = 3_000;
const PARAGRAPHS = 1_000;
const ROUNDS = 7;

type Diff = (before: string, after: string) => DiffOp[];
type Pair = [before: string, after: string];

// ---------------------------------------------------------------------------------------------
// Baseline: the hand-written diff as it was (longest common subsequence by a filled table,
// bounded at 4 million cells), unchanged but for its names.

const BASELINE_MAX_CELLS = 4_000_000;

function baselineDiffWords(before: string, after: string): DiffOp[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix += 1;
  const ops: DiffOp[] = [];
  const push = (kind: DiffOp['kind'], text: string) => {
    if (!text) return;
    const last = ops.at(-1);
    if (last?.kind === kind) last.text += text;
    else ops.push({ kind, text });
  };
  push('equal', a.slice(0, prefix).join(''));
  for (const op of baselineMiddle(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix))) push(op.kind, op.text);
  push('equal', a.slice(a.length - suffix).join(''));
  return baselineMergeAcrossSpaces(ops);
}

function baselineMergeAcrossSpaces(ops: DiffOp[]): DiffOp[] {
  const merged: DiffOp[] = [];
  let deleted = '';
  let inserted = '';
  let isInChange = false;
  const flush = () => {
    if (deleted) merged.push({ kind: 'delete', text: deleted });
    if (inserted) merged.push({ kind: 'insert', text: inserted });
    deleted = '';
    inserted = '';
    isInChange = false;
  };
  ops.forEach((op, index) => {
    if (op.kind === 'delete') {
      deleted += op.text;
      isInChange = true;
    } else if (op.kind === 'insert') {
      inserted += op.text;
      isInChange = true;
    } else if (isInChange && /^[ \t]+$/.test(op.text) && ops[index + 1] && ops[index + 1]?.kind !== 'equal') {
      deleted += op.text;
      inserted += op.text;
    } else {
      flush();
      merged.push(op);
    }
  });
  flush();
  return merged;
}

function baselineMiddle(a: string[], b: string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > BASELINE_MAX_CELLS) {
    return [
      { kind: 'delete', text: a.join('') },
      { kind: 'insert', text: b.join('') },
    ];
  }
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[i * width + j] = a[i] === b[j] ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const ops: DiffOp[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) ops.push({ kind: 'delete', text: deleted });
    if (inserted) ops.push({ kind: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      flush();
      ops.push({ kind: 'equal', text: a[i] ?? '' });
      i += 1;
      j += 1;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      deleted += a[i] ?? '';
      i += 1;
    } else {
      inserted += b[j] ?? '';
      j += 1;
    }
  }
  deleted += a.slice(i).join('');
  inserted += b.slice(j).join('');
  flush();
  return ops;
}

// ---------------------------------------------------------------------------------------------

/** A deterministic stream of numbers in [0, 1), so every run edits the same way. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const hunks = (ops: DiffOp[]) => toHunks(ops).filter((part) => part.kind === 'change').length;

/** The volume's excerpts as the import preview cuts them, each against its stretch of the cleaned text. */
function cleanupExcerpts(original: string): { pairs: Pair[]; cleaned: string } {
  const result = runCleanup(original, { enabled: Object.fromEntries(CLEANUP_RULES.map((rule) => [rule.id, true])) });
  const mappers = result.proposals.filter((proposal) => proposal.edits.length > 0).map((proposal) => createOffsetMapper(proposal.edits));
  const map = (offset: number) => mappers.reduce((at, mapper) => mapper(at), offset);
  const pairs: Pair[] = [];
  for (let start = 0; start < original.length; start += EXCERPT_CHARS) {
    const end = Math.min(original.length, start + EXCERPT_CHARS);
    pairs.push([original.slice(start, end), result.text.slice(start === 0 ? 0 : map(start), end === original.length ? result.text.length : map(end))]);
  }
  return { pairs, cleaned: result.text };
}

/** `count` word changes (replace, remove or add) at random places of `text`. */
function editWords(text: string, count: number, next: () => number, vocabulary: string[]): string {
  const words = text.split(' ');
  for (let n = 0; n < count; n += 1) {
    const at = Math.floor(next() * words.length);
    const word = vocabulary[Math.floor(next() * vocabulary.length)] ?? 'word';
    const kind = next();
    if (kind < 0.6) words[at] = word;
    else if (kind < 0.8 && words.length > 1) words.splice(at, 1);
    else words.splice(at, 0, word);
  }
  return words.join(' ');
}

/** Median time (ms) of running `diff` over all `pairs`, and the changes it found in them. */
function measure(pairs: Pair[], diffs: Diff[]): { ms: number[]; changes: number[] } {
  const samples: number[][] = diffs.map(() => []);
  for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex += 1) {
    // Alternate which goes first, so both meet the same background load.
    const order = roundIndex % 2 === 0 ? diffs.map((_, i) => i) : diffs.map((_, i) => diffs.length - 1 - i);
    for (const index of order) {
      const diff = diffs[index] as Diff;
      const started = performance.now();
      for (const [before, after] of pairs) diff(before, after);
      samples[index]?.push(performance.now() - started);
    }
  }
  const changes = diffs.map((diff) => pairs.reduce((sum, [before, after]) => sum + hunks(diff(before, after)), 0));
  return { ms: samples.map((values) => round(median(values))), changes };
}

function main(): void {
  const original = readFileSync(path.join(CORPUS, VOLUME), 'utf8');
  const other = readFileSync(path.join(CORPUS, OTHER), 'utf8');
  const { pairs: excerpts, cleaned } = cleanupExcerpts(original);
  const next = random(7);
  const vocabulary = cleaned.split(/\s+/u).filter((word) => /^\p{L}+$/u.test(word));
  const paragraphs = cleaned.split(/\n\s*\n/u).filter((paragraph) => paragraph.length >= 100 && paragraph.length <= 3_000);
  const corrections: Pair[] = Array.from({ length: PARAGRAPHS }, (_, i) => {
    const paragraph = paragraphs[Math.floor((i * paragraphs.length) / PARAGRAPHS)] as string;
    return [paragraph, editWords(paragraph, 1 + Math.floor(next() * 3), next, vocabulary)];
  });
  const longSegment = cleaned.slice(0, MAX_SEGMENT_CHARS);
  const longPair: Pair = [longSegment, editWords(longSegment, 5, next, vocabulary)];
  const unrelated: Pair = [original.slice(100_000, 100_000 + EXCERPT_CHARS), other.slice(10_000, 10_000 + EXCERPT_CHARS)];
  const whole: Pair = [original, cleaned];
  const side = Math.floor(Math.sqrt(BASELINE_MAX_CELLS));
  const atBound: Pair = [tokenize(original.slice(200_000)).slice(0, side).join(''), tokenize(other.slice(20_000)).slice(0, side).join('')];

  const diffs = [baselineDiffWords, diffWords];
  const scenarios = {
    excerpts: measure(excerpts, diffs),
    corrections: measure(corrections, diffs),
    long_segment: measure([longPair], diffs),
    unrelated: measure([unrelated], diffs),
    unrelated_largest_table: measure([atBound], diffs),
    whole_volume: measure([whole], diffs),
  };

  const tokensOf = ([before, after]: Pair) => `${tokenize(before).length.toLocaleString('en')} → ${tokenize(after).length.toLocaleString('en')} tokens`;
  console.log(`${VOLUME}: ${excerpts.length} excerpts of ${EXCERPT_CHARS} characters, ${PARAGRAPHS} corrected paragraphs; long segment ${tokensOf(longPair)}, unrelated excerpts ${tokensOf(unrelated)}, unrelated texts ${tokensOf(atBound)}, whole volume ${tokensOf(whole)}`);
  console.log(`median of ${ROUNDS} rounds; jsdiff bound ${MAX_DIFF_EDITS} changed tokens, baseline bound ${BASELINE_MAX_CELLS.toLocaleString('en')} cells\n`);
  console.log('| input | baseline (ms) | jsdiff (ms) | changes found, baseline | changes found, jsdiff |');
  console.log('|---|---|---|---|---|');
  for (const [name, figures] of Object.entries(scenarios)) console.log(`| ${name} | ${figures.ms[0]} | ${figures.ms[1]} | ${figures.changes[0]} | ${figures.changes[1]} |`);

  const json: Record<string, number | string> = { file: VOLUME, excerpts: excerpts.length, corrections: PARAGRAPHS, rounds: ROUNDS, max_diff_edits: MAX_DIFF_EDITS };
  for (const [name, figures] of Object.entries(scenarios)) {
    json[`${name}_baseline_ms`] = figures.ms[0] ?? Number.NaN;
    json[`${name}_ms`] = figures.ms[1] ?? Number.NaN;
    json[`${name}_baseline_changes`] = figures.changes[0] ?? Number.NaN;
    json[`${name}_changes`] = figures.changes[1] ?? Number.NaN;
  }
  console.log(JSON.stringify(json));
}

main();
