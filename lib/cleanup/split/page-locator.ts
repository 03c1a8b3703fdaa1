/**
 * Maps offsets of the cleaned text to printed page labels. Cleanup only knows where a page begins
 * when it removed a running header or page number there, and the first page of a work usually has
 * neither, so pages between two known anchors are estimated from the typical page length.
 */

/** A page label read as a number, with the numbering system it belongs to. */
export interface PageNumber {
  value: number;
  system: 'arabic' | 'roman';
  /** Roman numerals keep their case when an estimated label is written back. */
  lowerCase: boolean;
}

const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** Reads "23", "XIII" or "xiii" as a page number; null for anything else. */
export function parsePageNumber(label: string): PageNumber | null {
  const trimmed = label.trim();
  if (/^\d{1,5}$/u.test(trimmed)) return { value: Number(trimmed), system: 'arabic', lowerCase: false };
  if (!/^(?:[ivxlcdm]+|[IVXLCDM]+)$/u.test(trimmed)) return null;
  const lower = trimmed.toLowerCase();
  let value = 0;
  for (let i = 0; i < lower.length; i += 1) {
    const current = ROMAN_VALUES[lower[i] ?? ''] ?? 0;
    const next = ROMAN_VALUES[lower[i + 1] ?? ''] ?? 0;
    value += current < next ? -current : current;
  }
  return value > 0 ? { value, system: 'roman', lowerCase: trimmed === lower } : null;
}

function toRoman(value: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let rest = value;
  let out = '';
  for (const [amount, letters] of table) {
    while (rest >= amount) {
      out += letters;
      rest -= amount;
    }
  }
  return out;
}

function formatPage(value: number, like: PageNumber): string {
  if (like.system === 'arabic') return String(value);
  const roman = toRoman(value);
  return like.lowerCase ? roman.toLowerCase() : roman;
}

/** How many pages apart two labels are; null when either is not a number or they use different systems. */
export function pageDistance(a: string | null, b: string | null): number | null {
  if (a === null || b === null) return null;
  const left = parsePageNumber(a);
  const right = parsePageNumber(b);
  if (!left || !right || left.system !== right.system) return null;
  return Math.abs(left.value - right.value);
}

/** Page lookups over the page anchors of one cleaned text. */
export interface PageLocator {
  /** The printed page the offset falls on, estimated between anchors; null without anchors. */
  pageAt(offset: number): string | null;
  /** Where the anchor labelled `label` begins, if cleanup recorded one. */
  anchorOffset(label: string): number | null;
  /** The median length in characters of one printed page (a default when it cannot be measured). */
  typicalPageLength: number;
}

const DEFAULT_PAGE_LENGTH = 2000;

/** Builds a {@link PageLocator} from page anchors sorted by offset. */
export function createPageLocator(pages: readonly { label: string; offset: number }[]): PageLocator {
  const anchors = pages.map((page) => ({ ...page, number: parsePageNumber(page.label) }));
  const lengths: number[] = [];
  for (let i = 1; i < anchors.length; i += 1) {
    const previous = anchors[i - 1];
    const current = anchors[i];
    if (!previous?.number || !current?.number || previous.number.system !== current.number.system) continue;
    if (current.number.value - previous.number.value === 1) lengths.push(current.offset - previous.offset);
  }
  lengths.sort((a, b) => a - b);
  const typicalPageLength = lengths[Math.floor(lengths.length / 2)] ?? DEFAULT_PAGE_LENGTH;
  const byLabel = new Map<string, number>();
  for (const anchor of anchors) if (!byLabel.has(anchor.label)) byLabel.set(anchor.label, anchor.offset);

  function pageAt(offset: number): string | null {
    // Last anchor at or before the offset (binary search: anchors are sorted).
    let low = 0;
    let high = anchors.length - 1;
    let index = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((anchors[middle]?.offset ?? 0) <= offset) {
        index = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    const previous = index >= 0 ? anchors[index] : undefined;
    const next = anchors[index + 1];
    const previousNumber = previous?.number;
    const nextNumber = next?.number;
    if (!next || !nextNumber) return previous?.label ?? null;
    const sameSystem = previousNumber && previousNumber.system === nextNumber.system;
    // An anchor right at the offset says which page begins there.
    if (previous && (previous.offset === offset || (sameSystem && nextNumber.value - previousNumber.value <= 1))) return previous.label;
    // Pages without an anchor lie between: count back from the next known page boundary.
    const pagesBack = Math.max(1, Math.ceil((next.offset - offset) / typicalPageLength));
    const estimate = nextNumber.value - pagesBack;
    if (previous && sameSystem && estimate <= previousNumber.value) return previous.label;
    if (estimate >= 1) return formatPage(estimate, nextNumber);
    return previous?.label ?? null;
  }

  return { pageAt, anchorOffset: (label) => byLabel.get(label) ?? null, typicalPageLength };
}
