/**
 * Development data cut into shorter documents (`npm run eval:align -- --pieces`), to check that a
 * change tuned on the 1957 dev article carries over to shorter texts (the 1989 test documents
 * have 36 to 293 sentences) and to English–Russian, without looking at the test set.
 *
 * A document is cut after a gold bead once the piece holds at least `size` beads and no later
 * bead reaches back into it (crossing beads stay in one piece); each piece keeps the sentences
 * its beads cover, and its gold is renumbered from 0.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { EN_RU_DEV, EVAL_ROOT, readSentences } from './gold-files';
import { parseBeads, type ScoredBead } from '../../lib/align/core';

/** One document of a gold standard: its sentences and gold beads. */
export interface GoldDocument {
  source: string[];
  target: string[];
  gold: ScoredBead[];
}

/** A named set of documents whose counts are micro-averaged. */
export interface PieceSet {
  name: string;
  sourceLanguage: string;
  targetLanguage: string;
  documents: GoldDocument[];
}

/** Cuts a document into pieces of at least `size` gold beads (see the file comment). */
export function cutIntoPieces(document: GoldDocument, size: number): GoldDocument[] {
  const pieces: GoldDocument[] = [];
  let chunk: ScoredBead[] = [];
  let lastSource = -1;
  let lastTarget = -1;
  const flush = (): void => {
    if (chunk.length === 0) return;
    const sources = chunk.flatMap((bead) => bead.source);
    const targets = chunk.flatMap((bead) => bead.target);
    const sourceStart = sources.length > 0 ? Math.min(...sources) : 0;
    const targetStart = targets.length > 0 ? Math.min(...targets) : 0;
    const sourceEnd = sources.length > 0 ? Math.max(...sources) + 1 : sourceStart;
    const targetEnd = targets.length > 0 ? Math.max(...targets) + 1 : targetStart;
    pieces.push({
      source: document.source.slice(sourceStart, sourceEnd),
      target: document.target.slice(targetStart, targetEnd),
      gold: chunk.map((bead) => ({ source: bead.source.map((i) => i - sourceStart), target: bead.target.map((j) => j - targetStart) })),
    });
    chunk = [];
  };
  document.gold.forEach((bead, index) => {
    chunk.push(bead);
    for (const i of bead.source) lastSource = Math.max(lastSource, i);
    for (const j of bead.target) lastTarget = Math.max(lastTarget, j);
    const next = document.gold[index + 1];
    const isClean = !next || (next.source.every((i) => i > lastSource) && next.target.every((j) => j > lastTarget));
    if (chunk.length >= size && isClean) flush();
  });
  flush();
  return pieces;
}

function loadDocument(source: string, target: string, gold: string): GoldDocument {
  return { source: readSentences(source), target: readSentences(target), gold: parseBeads(readFileSync(gold, 'utf8')) };
}

const GERMAN_FRENCH = { sourceLanguage: 'de', targetLanguage: 'fr' };
const ENGLISH_RUSSIAN = { sourceLanguage: 'en', targetLanguage: 'ru' };

/**
 * The development sets the aligner is tuned on: the 1957 article whole, in pieces of about 90 and
 * about 35 beads; 12 pieces of about 120 beads spread evenly over the English–Russian book, and the
 * book's first 3,000 beads.
 */
export function developmentPieceSets(): PieceSet[] {
  const dir = path.join(EVAL_ROOT, 'textberg-1957-dev');
  const article = loadDocument(path.join(dir, 'dev.de'), path.join(dir, 'dev.fr'), path.join(dir, 'dev.defr'));
  const book = loadDocument(EN_RU_DEV.source, EN_RU_DEV.target, EN_RU_DEV.gold);
  const bookPieces = cutIntoPieces(book, 120);
  const step = Math.max(1, Math.floor(bookPieces.length / 12));
  return [
    { name: 'dev', ...GERMAN_FRENCH, documents: [article] },
    { name: 'dev/90', ...GERMAN_FRENCH, documents: cutIntoPieces(article, 90) },
    { name: 'dev/35', ...GERMAN_FRENCH, documents: cutIntoPieces(article, 35) },
    { name: 'en-ru/120', ...ENGLISH_RUSSIAN, documents: Array.from({ length: Math.min(12, bookPieces.length) }, (_, k) => bookPieces[k * step]!) },
    { name: 'en-ru/3000', ...ENGLISH_RUSSIAN, documents: cutIntoPieces(book, 3000).slice(0, 1) },
  ];
}
