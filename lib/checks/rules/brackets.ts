import { baseLanguage, excerptAround } from '../text';
import type { CheckMessage, CheckMessageKey, CheckSegment, Finding } from '../types';

type PairClass = 'quote' | 'parenthesis' | 'bracket';

/**
 * What each opening mark may be closed by, by the quoting of the language. German opens with „
 * and » and closes with “ and «; the others open with « (French, Russian, Swiss German), „
 * (Russian inner quotes) and “ (English), closing with », “ and ”. “ both opens (English) and
 * closes („…“): it closes the innermost open quotation when it can, and opens otherwise.
 */
const CLOSERS_BY_STYLE = {
  german: { '(': ')', '[': ']', '„': '“”', '»': '«', '‚': '‘', '“': '”' },
  other: { '(': ')', '[': ']', '«': '»', '„': '“”', '“': '”', '‹': '›' },
} as const satisfies Record<string, Record<string, string>>;
type QuoteStyle = keyof typeof CLOSERS_BY_STYLE;

function styleOf(language: string): QuoteStyle {
  return baseLanguage(language) === 'de' && !/-(ch|li)$/iu.test(language) ? 'german' : 'other';
}

const CLASS_OF: Record<string, PairClass> = { '(': 'parenthesis', ')': 'parenthesis', '[': 'bracket', ']': 'bracket' };
const classOf = (mark: string): PairClass => CLASS_OF[mark] ?? 'quote';

interface Imbalance {
  /** Marks opened and not closed, with where they stand. */
  open: { mark: string; offset: number }[];
  /** Marks closing nothing. */
  close: { mark: string; offset: number }[];
  /** Straight quotes (") left over when they are paired in turn: their direction is unknown. */
  straight: { mark: string; offset: number }[];
}

/** The marks read: single quotes only in German (‚…‘); elsewhere ’ is the apostrophe too. */
const MARKS: Record<QuoteStyle, RegExp> = { german: /[()[\]«»„“”‚‘"]/gu, other: /[()[\]«»„“”‹›"]/gu };

/** The marks of a text left unpaired, by class. Linear: one pass with a stack. */
function imbalanceOf(text: string, language: string): Record<PairClass, Imbalance> {
  const closers: Readonly<Record<string, string>> = CLOSERS_BY_STYLE[styleOf(language)];
  const closes = (open: string, mark: string): boolean => (closers[open] ?? '').includes(mark);
  const result: Record<PairClass, Imbalance> = { quote: { open: [], close: [], straight: [] }, parenthesis: { open: [], close: [], straight: [] }, bracket: { open: [], close: [], straight: [] } };
  const stack: { mark: string; offset: number }[] = [];
  let straight: number | null = null;
  for (const match of text.matchAll(MARKS[styleOf(language)])) {
    const mark = match[0];
    const offset = match.index;
    if (mark === '"') {
      straight = straight === null ? offset : null;
      continue;
    }
    // The label of a list item ("a)", "12)") closes nothing.
    if (mark === ')' && /^\s*[\p{L}\d]{1,3}$/u.test(text.slice(0, offset))) continue;
    const top = stack.at(-1);
    if (top && closes(top.mark, mark)) {
      stack.pop();
      continue;
    }
    if (!(mark in closers)) {
      // A closing mark closes one opened further out, across marks left open inside it.
      const index = stack.findLastIndex((open) => closes(open.mark, mark));
      if (index < 0) {
        result[classOf(mark)].close.push({ mark, offset });
        continue;
      }
      const [, ...inner] = stack.splice(index);
      for (const left of inner) result[classOf(left.mark)].open.push(left);
      continue;
    }
    stack.push({ mark, offset });
  }
  for (const open of stack) {
    // French opens every paragraph of a long quotation again with « and closes it only at the end.
    if (open.offset === 0 && open.mark === '«' && baseLanguage(language) === 'fr') continue;
    result[classOf(open.mark)].open.push(open);
  }
  if (straight !== null) result.quote.straight.push({ mark: '"', offset: straight });
  return result;
}

/**
 * The quotation marks a source leaves open or closes from elsewhere, counting English single
 * quotes (‘…’ and '…', which the target is never held to: ’ is also the apostrophe): a quotation
 * running over several sentences may then run over the translation's too.
 */
function singleQuoteImbalance(text: string): { open: number; close: number } {
  let open = 0;
  let close = 0;
  for (const match of text.matchAll(/(?<![\p{L}\p{N}])['‘](?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}.,!?…—-])['’](?![\p{L}\p{N}])/gu)) {
    const isOpening = match[0] === '‘' || !/[\p{L}\p{N}.,!?…—-]/u.test(text[match.index - 1] ?? '');
    if (isOpening) open += 1;
    else if (open > 0) open -= 1;
    else close += 1;
  }
  return { open, close };
}

/** The message of a mark left open or closing nothing, by class. */
const MESSAGES: Record<PairClass, Record<'open' | 'close', CheckMessageKey>> = {
  quote: { open: 'brackets.quoteOpen', close: 'brackets.quoteClose' },
  parenthesis: { open: 'brackets.parenthesisOpen', close: 'brackets.parenthesisClose' },
  bracket: { open: 'brackets.bracketOpen', close: 'brackets.bracketClose' },
};

/**
 * Quotes and brackets left unpaired in the translation, by class (quotation marks of every
 * language, parentheses, square brackets). A text may leave a quotation open where its original
 * does too (a quotation over several sentences, each a segment): only an imbalance the original
 * lacks, or of the other direction, is a finding.
 */
export function checkBrackets(segment: CheckSegment): Finding[] {
  const target = imbalanceOf(segment.target, segment.targetLanguage);
  const source = imbalanceOf(segment.source, segment.sourceLanguage);
  const findings: Finding[] = [];
  for (const pairClass of ['quote', 'parenthesis', 'bracket'] as const) {
    const t = target[pairClass];
    if (t.open.length + t.close.length + t.straight.length === 0) continue;
    const s = source[pairClass];
    let sourceOpen = s.open.length;
    let sourceClose = s.close.length;
    if (pairClass === 'quote' && baseLanguage(segment.sourceLanguage) === 'en') {
      const singles = singleQuoteImbalance(segment.source);
      sourceOpen += singles.open;
      sourceClose += singles.close;
    }
    // What the original leaves unpaired excuses the same here; its straight quotes, either direction.
    let sourceStraight = s.straight.length;
    const excess = (count: number, available: number): number => {
      const left = Math.max(0, count - available);
      const fromStraight = Math.min(left, sourceStraight);
      sourceStraight -= fromStraight;
      return left - fromStraight;
    };
    const openExcess = excess(t.open.length, sourceOpen);
    const closeExcess = excess(t.close.length, sourceClose);
    const straightExcess = Math.max(0, t.straight.length - sourceStraight - Math.max(0, sourceOpen - t.open.length) - Math.max(0, sourceClose - t.close.length));
    const report = (kind: 'open' | 'close' | 'straight', marks: { mark: string; offset: number }[], count: number) => {
      for (const { mark, offset } of marks.slice(marks.length - count)) {
        const excerpt = excerptAround(segment.target, offset, offset + 1, 15);
        const message: CheckMessage = kind === 'straight' ? { key: 'brackets.straight', values: { mark, excerpt } } : { key: MESSAGES[pairClass][kind], values: { excerpt } };
        findings.push({ check: 'brackets', severity: 'warning', key: `${pairClass}:${kind}:${mark}`, message, targetRange: { start: offset, end: offset + 1 } });
      }
    };
    if (openExcess > 0) report('open', t.open, openExcess);
    if (closeExcess > 0) report('close', t.close, closeExcess);
    if (straightExcess > 0) report('straight', t.straight, straightExcess);
  }
  return findings;
}
