'use client';

import { useState } from 'react';

import type { ShownFinding } from '@/lib/checks/types';

import { FindingList } from './finding-list';

/**
 * What the quality checks find in a suggested translation, on its card in the review queue:
 * reviewers may dismiss a finding (with a reason) or restore one, and the card shows it at once.
 */
export function SuggestionFindings({ segmentId, language, findings: initial, canDismiss }: { segmentId: string; language: string; findings: readonly ShownFinding[]; canDismiss: boolean }) {
  const [findings, setFindings] = useState(initial);
  if (findings.length === 0) return null;
  return (
    <FindingList
      segmentId={segmentId}
      language={language}
      findings={findings}
      canDismiss={canDismiss}
      onDismissed={(dismissal) => setFindings((current) => current.map((finding) => (finding.check === dismissal.check && finding.key === dismissal.key ? { ...finding, dismissal } : finding)))}
      onRestored={(check, key) => setFindings((current) => current.map((finding) => (finding.check === check && finding.key === key ? { ...finding, dismissal: null } : finding)))}
      className="mt-3"
    />
  );
}
