import { examplesOf, outputEndOffsets } from '../text-edits';
import { isBlank } from '../text-lines';
import type { CleanupInput, PageAnchor, RuleProposal, TextEdit } from '../types';
import { bareNumberLabel, pageLayout } from './page-furniture';
import { usesBlankLineParagraphs } from './running-headers';

/** Fewer bare numbers than this at page breaks are more likely section numbers than pagination. */
const MIN_PAGE_NUMBERS = 3;

interface Candidate {
  label: string;
  value: number;
  /** Range to remove: the number line and the page-break gap next to it. */
  start: number;
  end: number;
  /** A number at the foot of a page labels the page that ends there. */
  isFoot: boolean;
}

/**
 * Finds bare page numbers (a line holding only an arabic or lowercase roman number) right after
 * or right before a page-break gap, when they form a mostly increasing sequence, and proposes
 * removing them with the gap. Each becomes a page anchor where the next page's text begins.
 */
export function detectPageNumbers({ text }: CleanupInput): RuleProposal {
  const { lines, edges } = pageLayout(text);
  const gapReplacement = usesBlankLineParagraphs(edges.length, lines.length) ? '\n' : '';
  const candidates: Candidate[] = [];
  for (const edge of edges) {
    const top = lines[edge.first];
    const topLabel = top ? bareNumberLabel(top.text) : undefined;
    const gapLine = lines[edge.gapStart];
    if (top && topLabel !== undefined) {
      const atStart = edge.gapStart === 0 && edge.first === 0;
      // The line after the number must be text, not another gap: a number alone between two
      // gaps is as likely a section number.
      const after = lines[edge.first + 1];
      if (after && !isBlank(after.text)) {
        candidates.push({ label: topLabel, value: labelValue(topLabel), start: atStart || !gapLine ? top.start : gapLine.start, end: top.next, isFoot: false });
      }
    }
    // The last non-blank line before this gap: a number printed at the foot of the page.
    if (edge.gapStart > 0) {
      const foot = lines[edge.gapStart - 1];
      const footLabel = foot ? bareNumberLabel(foot.text) : undefined;
      const before = lines[edge.gapStart - 2];
      const next = lines[edge.first];
      if (foot && footLabel !== undefined && before && !isBlank(before.text) && next) {
        candidates.push({ label: footLabel, value: labelValue(footLabel), start: foot.start, end: next.start, isFoot: true });
      }
    }
  }
  const accepted = isIncreasing(candidates) ? dropOverlaps(candidates) : [];
  const edits: TextEdit[] = accepted.map((c) => ({
    start: c.start,
    end: c.end,
    replacement: c.start === 0 ? '' : gapReplacement,
    ruleId: 'page-numbers',
    pageLabel: c.isFoot ? nextLabel(c.label) : c.label,
  }));
  const ends = outputEndOffsets(edits);
  const pages: PageAnchor[] = edits.map((edit, k) => ({ label: edit.pageLabel ?? '', offset: ends[k] ?? 0 }));
  return {
    ruleId: 'page-numbers',
    edits,
    count: edits.length,
    examples: examplesOf(text, edits),
    summaryValues: { count: edits.length },
    summary: edits.length === 0 ? 'no bare page numbers' : `${edits.length} page numbers removed`,
    data: { pages },
  };
}

/** Pagination grows: at least 60% of consecutive numbers increase (OCR misreads and plates allow some noise). */
function isIncreasing(candidates: Candidate[]): boolean {
  if (candidates.length < MIN_PAGE_NUMBERS) return false;
  let up = 0;
  for (let k = 1; k < candidates.length; k++) if ((candidates[k]?.value ?? 0) > (candidates[k - 1]?.value ?? 0)) up++;
  return up / (candidates.length - 1) >= 0.6;
}

function dropOverlaps(candidates: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) continue;
    kept.push(c);
  }
  return kept;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** Numeric value of an arabic or roman label (roman pages sort before arabic ones in books). */
function labelValue(label: string): number {
  if (/^\d+$/u.test(label)) return Number(label);
  const lower = label.toLowerCase();
  let total = 0;
  for (let i = 0; i < lower.length; i++) {
    const value = ROMAN[lower[i] ?? ''] ?? 0;
    const next = ROMAN[lower[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total - 10_000;
}

function nextLabel(label: string): string {
  if (/^\d+$/u.test(label)) return String(Number(label) + 1);
  return toRoman(labelValue(label) + 10_000 + 1, label === label.toLowerCase());
}

function toRoman(value: number, isLower: boolean): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = value;
  let out = '';
  for (const [n, s] of table) {
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  }
  return isLower ? out.toLowerCase() : out;
}
