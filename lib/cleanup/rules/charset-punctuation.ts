import { examplesOf } from '../text-edits';
import type { CleanupInput, RuleProposal, TextEdit } from '../types';
import { wordFrequencies } from '../word-frequencies';

/**
 * Characters that are correct punctuation in any Latin or Cyrillic text: never remapped. The
 * detector only looks at characters outside ASCII that are not in this set.
 */
const PROPER_PUNCTUATION = new Set([...'“”‘’‚„«»—–…•·§¶†‡°±×÷©®™€£¥¢\u00a0\u2009\u202f′″№']);

/** Letters that may follow an apostrophe inside an English/French word (don’t, Party’s, we’ll, l’homme). */
const APOSTROPHE_SUFFIX = /^(?:s|t|d|m|ll|re|ve)$/iu;

/** A character needs this many occurrences before its role can be learned; rarer ones stay. */
const MIN_OCCURRENCES = 3;

interface Contexts {
  total: number;
  open: number;
  close: number;
  apostrophe: number;
  dash: number;
  /** Next candidate character seen after each opening use, to pair quotes. */
  followers: Map<string, number>;
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch);
const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/u.test(ch);

/**
 * Learns which wrongly-encoded characters stand for punctuation (e.g. `³ ² Œ ¹ ‹` for
 * `“ ” ‘ ’ —` in a text extracted with the wrong code page) from how each one is used in this
 * text, and proposes replacing them. A character is only remapped when its contexts agree: word
 * starts (opening quote, paired with a closing one), word ends (closing quote), inside words
 * before s/t/ll… (apostrophe), or between words (dash).
 */
export function detectCharsetPunctuation({ text }: CleanupInput): RuleProposal {
  const contexts = new Map<string, Contexts>();
  const positions = new Map<string, number[]>();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    if (code < 0x80 || PROPER_PUNCTUATION.has(ch)) continue;
    // Lowercase letters are ordinary accented letters (é, ü, ß); leave them alone.
    if (/\p{Ll}/u.test(ch) || /\p{M}/u.test(ch)) continue;
    // Cyrillic, Greek and other scripts are letters of the text itself.
    if (/\p{L}/u.test(ch) && !/\p{Script=Latin}/u.test(ch)) continue;
    let list = positions.get(ch);
    if (!list) positions.set(ch, (list = []));
    list.push(i);
  }
  if (positions.size === 0) return emptyProposal();
  const candidates = new Set(positions.keys());
  for (const [ch, list] of positions) {
    const c: Contexts = { total: list.length, open: 0, close: 0, apostrophe: 0, dash: 0, followers: new Map() };
    for (const i of list) {
      const prev = text[i - 1];
      const next = text[i + 1];
      if (isLetter(prev) && isLetter(next)) {
        const suffix = /^\p{L}+/u.exec(text.slice(i + 1, i + 4))?.[0] ?? '';
        if (APOSTROPHE_SUFFIX.test(suffix)) c.apostrophe++;
        else c.dash++;
      } else if (isSpace(prev) && isSpace(next)) c.dash++;
      else if (/[.,;:!?]/u.test(prev ?? '') && isLetter(next)) {
        // "word,‹Next": punctuation then the symbol then a word: a dash after punctuation.
        c.dash++;
      } else if (!isLetter(prev) && (isLetter(next) || /\d/u.test(next ?? ''))) {
        c.open++;
        for (let k = i + 1; k < Math.min(text.length, i + 400); k++) {
          const follower = text[k] as string;
          if (candidates.has(follower) && follower !== ch) {
            c.followers.set(follower, (c.followers.get(follower) ?? 0) + 1);
            break;
          }
          if (follower === ch) break;
        }
      } else if ((isLetter(prev) || /[.,;:!?)\d]/u.test(prev ?? '')) && !isLetter(next)) {
        c.close++;
      }
    }
    contexts.set(ch, c);
  }

  const vocabulary = wordFrequencies(text);
  const detachable = new Map<string, number>();
  for (const [ch, list] of positions) {
    if (!/\p{L}/u.test(ch)) continue;
    detachable.set(ch, list.filter((i) => (vocabulary.get((/^\p{L}+/u.exec(text.slice(i + 1, i + 40))?.[0] ?? '').toLowerCase()) ?? 0) > 0).length);
  }
  const map = new Map<string, string>();
  const apostrophes = new Set<string>();
  const openers: string[] = [];
  const closers: string[] = [];
  for (const [ch, c] of contexts) {
    if (c.total < MIN_OCCURRENCES) continue;
    const share = (n: number) => n / c.total;
    // A capital letter (Œ, Ü) is only punctuation if it stands before words and the word after
    // it is a word of the text on its own (`Œpermanent` → `permanent`; `Übung` → `bung` is not).
    if (/\p{L}/u.test(ch) && (share(c.open) < 0.8 || (detachable.get(ch) ?? 0) < c.total * 0.5)) continue;
    if (share(c.apostrophe) >= 0.2 && share(c.apostrophe + c.close) >= 0.8) apostrophes.add(ch);
    else if (share(c.dash) >= 0.6) map.set(ch, '—');
    else if (share(c.open) >= 0.7) openers.push(ch);
    else if (share(c.close) >= 0.7) closers.push(ch);
  }
  for (const ch of apostrophes) map.set(ch, '’');
  for (const opener of openers) {
    const followers = contexts.get(opener)?.followers ?? new Map<string, number>();
    const partner = [...followers.entries()].filter(([f]) => apostrophes.has(f) || closers.includes(f)).sort((a, b) => b[1] - a[1])[0]?.[0];
    if (partner === undefined) continue; // an opener with no closing partner is not a quote
    const openCount = contexts.get(opener)?.open ?? 0;
    const partnerCount = contexts.get(partner)?.total ?? 0;
    // Balanced pairs only: superscripts or symbols used for themselves do not pair up.
    if (partnerCount < openCount * 0.5 || (closers.includes(partner) && partnerCount > openCount * 2)) continue;
    if (apostrophes.has(partner)) map.set(opener, '‘');
    else {
      map.set(opener, '“');
      map.set(partner, '”');
    }
  }

  const edits: TextEdit[] = [];
  for (const [ch, target] of map) {
    for (const i of positions.get(ch) ?? []) edits.push({ start: i, end: i + 1, replacement: target, ruleId: 'charset-punctuation' });
  }
  edits.sort((a, b) => a.start - b.start);
  const charMap = Object.fromEntries(map);
  const detail = [...map.entries()].map(([from, to]) => `${from}→${to} ${positions.get(from)?.length ?? 0}`).join(', ');
  return {
    ruleId: 'charset-punctuation',
    edits,
    count: edits.length,
    examples: examplesOf(text, edits),
    summaryValues: { count: map.size, detail },
    summary: map.size === 0 ? 'no punctuation characters remapped' : `${map.size} punctuation characters remapped (${detail})`,
    data: { charMap },
  };
}

function emptyProposal(): RuleProposal {
  return { ruleId: 'charset-punctuation', edits: [], count: 0, examples: [], summary: 'no punctuation characters remapped', summaryValues: { count: 0, detail: '' }, data: { charMap: {} } };
}
