import type { Dismissal, Finding, ShownFinding } from './types';

/** Findings with their dismissals (by check and key), undismissed first. Pure: the editor marks its live findings with it too. */
export function withDismissals(findings: readonly Finding[], dismissals: readonly Dismissal[] | undefined): ShownFinding[] {
  const byKey = new Map((dismissals ?? []).map((dismissal) => [`${dismissal.check}\u0000${dismissal.key}`, dismissal]));
  const shown = findings.map((finding) => ({ ...finding, dismissal: byKey.get(`${finding.check}\u0000${finding.key}`) ?? null }));
  return [...shown.filter((finding) => !finding.dismissal), ...shown.filter((finding) => finding.dismissal)];
}
