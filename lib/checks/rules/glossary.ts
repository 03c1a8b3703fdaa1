import { wordsOf } from '../text';
import type { CheckSegment, Finding, GlossaryContext, GlossaryTranslation, TargetToken, TextRange } from '../types';

/** Where a translation's stems stand at consecutive tokens, or null. `isPrefix`: a token only has to begin with the stem. */
function findOccurrence(tokens: readonly TargetToken[], stems: readonly string[], isPrefix: boolean): TextRange | null {
  if (stems.length === 0) return null;
  const matches = (token: TargetToken | undefined, stem: string) => token !== undefined && (isPrefix ? token.stem.startsWith(stem) : token.stem === stem);
  for (let i = 0; i + stems.length <= tokens.length; i += 1) {
    if (stems.every((stem, j) => matches(tokens[i + j], stem))) return { start: tokens[i]?.start ?? 0, end: tokens[i + stems.length - 1]?.end ?? 0 };
  }
  return null;
}

/**
 * Glossary terms of the source translated against the glossary: a forbidden translation used
 * (an error), or none of the preferred and admitted translations used when the term has a
 * preferred one (a warning). A translation occurs where its stems stand at consecutive tokens of
 * the target: the server's stemmed tokens when they belong to this very text, else the text's
 * own words lower-cased, each matching a stem it begins with (stemming mostly cuts endings off).
 */
export function checkGlossary(segment: CheckSegment, glossary: GlossaryContext | null): Finding[] {
  if (!glossary || glossary.hits.length === 0) return [];
  const isStemmed = glossary.targetText === segment.target;
  const tokens: TargetToken[] = isStemmed ? glossary.targetTokens : wordsOf(segment.target).map((word) => ({ start: word.start, end: word.end, stem: word.text.toLowerCase() }));
  const occurs = (translation: GlossaryTranslation) => findOccurrence(tokens, isStemmed ? translation.stems : translation.stems.map((stem) => stem.toLowerCase()), !isStemmed);
  const findings: Finding[] = [];
  const keys = new Set<string>();
  for (const hit of glossary.hits) {
    const sourceRange = { start: hit.start, end: hit.end };
    for (const translation of hit.translations) {
      if (translation.status !== 'forbidden') continue;
      const place = occurs(translation);
      if (!place) continue;
      const key = `forbidden:${hit.termId}:${translation.text.toLowerCase()}`;
      if (keys.has(key)) continue;
      keys.add(key);
      const preferred = hit.translations.find((candidate) => candidate.status === 'preferred');
      findings.push({
        check: 'glossary',
        severity: 'error',
        key,
        message: { key: 'glossary.forbidden', values: { term: hit.term, translation: translation.text, hasPreferred: preferred ? 'yes' : 'no', preferred: preferred?.text ?? '' } },
        sourceRange,
        targetRange: place,
      });
    }
    const preferred = hit.translations.filter((translation) => translation.status === 'preferred');
    if (preferred.length === 0) continue;
    const accepted = hit.translations.filter((translation) => translation.status !== 'forbidden');
    if (accepted.some((translation) => occurs(translation) !== null)) continue;
    const key = `missing:${hit.termId}`;
    if (keys.has(key)) continue;
    keys.add(key);
    const admitted = accepted.filter((translation) => translation.status === 'admitted');
    findings.push({
      check: 'glossary',
      severity: 'warning',
      key,
      message: {
        key: 'glossary.missing',
        values: { term: hit.term, preferred: { quoted: preferred.map((translation) => translation.text), join: 'or' }, hasAdmitted: admitted.length > 0 ? 'yes' : 'no', admitted: { quoted: admitted.map((translation) => translation.text), join: 'comma' } },
      },
      sourceRange,
    });
  }
  return findings;
}
