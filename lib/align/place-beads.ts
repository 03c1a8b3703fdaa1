import type { Bead } from './core';

/** What one source segment receives from an alignment in the target language. */
export interface PlacedText {
  /** Index of the source unit. */
  source: number;
  /** The translation for this segment, or null when it has none (1–0) or continues the previous one. */
  text: string | null;
  /** Covered by the previous segment's translation (the later sources of a 2–1 or 2–2 bead). */
  continuesPrevious: boolean;
  score: number;
}

/**
 * Turns beads into per-segment texts, keeping every sentence of both sides: a bead's target
 * sentences are joined into its first source segment, its other source segments are marked as
 * continuing it, and target sentences with no source (0–1) join the neighbouring bead's text
 * (the one before; the one after at the very start). Pure.
 */
export function placeBeads(beads: readonly Bead[], target: readonly string[]): PlacedText[] {
  const placed: PlacedText[] = [];
  let orphan: string[] = [];
  for (const bead of beads) {
    const sentences = bead.target.map((index) => target[index] ?? '');
    if (bead.source.length === 0) {
      const previous = [...placed].reverse().find((item) => item.text !== null);
      if (previous) previous.text = `${previous.text} ${sentences.join(' ')}`.trim();
      else orphan = orphan.concat(sentences);
      continue;
    }
    const text = [...orphan, ...sentences].join(' ').trim();
    orphan = [];
    bead.source.forEach((source, position) => {
      const isFirst = position === 0;
      placed.push({ source, text: isFirst && text ? text : null, continuesPrevious: !isFirst && text !== '', score: bead.score });
    });
  }
  // Target sentences when the work has no source unit at all cannot be placed; callers refuse that case earlier.
  return placed;
}
