import type { CheckSegment, Finding, NameContext } from '../types';

/**
 * Names not in their preferred form: each mention the name authority found in the translation
 * (lib/names) that is not the preferred form, when the authority has one. The mentions belong to
 * the text they were found in: for another text (a draft typed since) nothing is said.
 */
export function checkNames(segment: CheckSegment, names: NameContext | null): Finding[] {
  if (!names || names.targetText !== segment.target) return [];
  const findings: Finding[] = [];
  const keys = new Set<string>();
  for (const mention of names.mentions) {
    if (mention.isPreferred || mention.preferred === null) continue;
    const key = `${mention.nameId}:${mention.found.toLowerCase()}`;
    if (keys.has(key)) continue;
    keys.add(key);
    findings.push({ check: 'names', severity: 'warning', key, message: { key: 'names.notPreferred', values: { found: mention.found, preferred: mention.preferred } }, targetRange: { start: mention.start, end: mention.end } });
  }
  return findings;
}
