import type { CheckSegment, Finding } from '../types';

/** How a text may end. A text can end in two ways at once (?! is a question and an exclamation; ?.. a question trailing off). */
type Ending = 'period' | 'question' | 'exclamation' | 'ellipsis' | 'colon' | 'semicolon' | 'comma' | 'dash' | 'none';

/** Closing quotes and brackets, footnote markers and spaces after the last punctuation mark. */
const TRAILING = /[\s"'’”“»«›)\]⁰¹²³⁴⁵⁶⁷⁸⁹*†‡]+$/u;

/**
 * A question or exclamation followed by who said it, to the end of the text: "Давно тут? — спросил
 * он." / "'Is she cheerful?' he added." — the reply's own ending counts as the text's too.
 */
const ATTRIBUTED = /([?!]+|…|\.\.\.?)[\s»”“"'’]*,?\s*(?:[—–]|--)?\s*\p{Ll}[^?!…«»"“”‘’]*[.?!…]*$/u;

/** The endings of a text: how its punctuation ends it (before closing quotes, brackets and markers), and how the reply ends when an attribution follows one. */
export interface TextEndings {
  final: Set<Ending>;
  reply: Set<Ending> | null;
}

function endingsOfMarks(tail: string): Set<Ending> {
  const endings = new Set<Ending>();
  if (tail === '') return endings.add('none');
  if (tail.includes('?')) endings.add('question');
  if (tail.includes('!')) endings.add('exclamation');
  if (tail.includes('…') || tail.includes('..')) endings.add('ellipsis');
  if (endings.size > 0) return endings;
  const last = tail.at(-1) ?? '';
  if (last === '.') return endings.add('period');
  if (last === ':') return endings.add('colon');
  if (last === ';') return endings.add('semicolon');
  if (last === ',') return endings.add('comma');
  return endings.add('dash');
}

export function endingsOf(text: string): TextEndings {
  const stripped = text.replace(TRAILING, '');
  const attributed = ATTRIBUTED.exec(stripped)?.[1];
  return { final: endingsOfMarks(/[.?!…:;,—–-]+$/u.exec(stripped)?.[0] ?? ''), reply: attributed ? endingsOfMarks(attributed) : null };
}

/**
 * Endings taken for the same: a statement ends with a full stop or, more loudly, an exclamation
 * mark (translators move that tone: in Anna Karenina's English 209 of 7,536 sentence pairs differ
 * only so); a sentence cut short ends with an ellipsis in one language and a dash in another.
 */
const SAME: [Ending, Ending][] = [
  ['period', 'exclamation'],
  ['ellipsis', 'dash'],
];

function isSame(a: Set<Ending>, b: Set<Ending>): boolean {
  for (const ending of a) if (b.has(ending)) return true;
  return SAME.some(([x, y]) => (a.has(x) && b.has(y)) || (a.has(y) && b.has(x)));
}

/**
 * Whether two texts end alike: their final punctuation does; or, when only one of them follows a
 * reply with who said it ("Давно тут? — спросил он." against "'Been here long?'"), the other's
 * end is that one's reply's or final.
 */
function isCompatible(source: TextEndings, target: TextEndings): boolean {
  if (isSame(source.final, target.final)) return true;
  if (source.reply && !target.reply) return isSame(source.reply, target.final);
  if (target.reply && !source.reply) return isSame(target.reply, source.final);
  return false;
}

/** How endings are named in the message: `question`, or several joined in the order found (`question_exclamation_ellipsis`), a choice of its select. */
function describe(endings: Set<Ending>): string {
  return [...endings].join('_');
}

/**
 * End punctuation that differs: full stop, question, exclamation, ellipsis (… or ...), colon,
 * semicolon, comma, dash or none, read before closing quotes, brackets and footnote markers.
 * Russian ?! is a question and an exclamation, ?.. a question trailing off: either reading of
 * the other text matches.
 */
export function checkEndPunctuation(segment: CheckSegment): Finding[] {
  const source = endingsOf(segment.source);
  const target = endingsOf(segment.target);
  if (isCompatible(source, target)) return [];
  const key = `${[...source.final].sort().join('+')}->${[...target.final].sort().join('+')}`;
  return [{ check: 'end-punctuation', severity: 'warning', key, message: { key: 'end-punctuation.differs', values: { source: describe(source.final), target: describe(target.final) } } }];
}
