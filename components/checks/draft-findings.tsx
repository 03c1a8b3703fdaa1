'use client';

import { useMemo } from 'react';

import { DEFAULT_CHECK_SETTINGS } from '@/lib/checks/check-catalog';
import type { SegmentCheckContext } from '@/lib/checks/find-check-window';
import { runChecks } from '@/lib/checks/run-checks';
import { withDismissals } from '@/lib/checks/shown-findings';
import { EMPTY_CONTEXT, type CheckSettings, type Dismissal, type LengthNorm, type ShownFinding } from '@/lib/checks/types';

import { useDraftNames } from './use-draft-names';

/** What a draft's live checks need besides the draft: its source and the context loaded for its window. */
export interface DraftChecks {
  workId: string;
  /** The source the draft translates (a group's texts joined, lib/checks/group-source.ts). */
  source: string;
  sourceLanguage: string;
  /** Undefined until its window's context has arrived: the checks that need none run meanwhile. */
  context: SegmentCheckContext | undefined;
  settings: CheckSettings | null;
  lengthNorm: LengthNorm | null;
  canDismiss: boolean;
  onDismissalsChange: (segmentId: string, dismissals: Dismissal[]) => void;
}

/**
 * The findings of the quality checks on a draft, computed in the browser, synchronously, whenever
 * the draft changes (a few hundred microseconds for a sentence: docs/benchmarks.md), with the
 * dismissed ones marked. None for an empty draft.
 */
export function useDraftFindings(checks: DraftChecks | undefined, draft: string, language: string): ShownFinding[] {
  // The window's names belong to the text it was loaded with; a draft typed since has its own asked for.
  const names = useDraftNames({ workId: checks?.workId ?? '', language, draft, known: checks?.context?.names });
  return useMemo(() => {
    if (!checks || draft.trim() === '') return [];
    const context = checks.context ? { ...checks.context, names, lengthNorm: checks.lengthNorm } : EMPTY_CONTEXT;
    const findings = runChecks({ source: checks.source, target: draft, sourceLanguage: checks.sourceLanguage, targetLanguage: language }, context, checks.settings ?? DEFAULT_CHECK_SETTINGS);
    return withDismissals(findings, checks.context?.dismissals);
  }, [checks, draft, language, names]);
}
