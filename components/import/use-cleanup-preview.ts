'use client';

import { useEffect, useRef, useState } from 'react';

import { createCleanupPreviewClient, type CleanupPreviewClient } from './cleanup-preview-client';
import { PreviewError, type CleanupAnalysis, type CleanupPreview, type RuleChoice } from './cleanup-preview-session';

/** The text to preview as the form holds it. */
export type PreviewInput = { kind: 'file'; file: File } | { kind: 'text'; text: string };

export type AnalysisState = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; analysis: CleanupAnalysis } | { status: 'error'; message: string };

export interface CleanupPreviewState {
  analysis: AnalysisState;
  /** The latest diff excerpt (kept while the next one is prepared, so the page does not jump). */
  preview: CleanupPreview | null;
  isPreviewing: boolean;
  previewError: string | null;
}

const messageOf = (error: unknown) => (error instanceof PreviewError ? error.message : 'The preview could not be prepared.');

/**
 * Decodes and analyses `input` in the preview worker whenever it changes, then diffs excerpt
 * `page` with the chosen `rules` (none when `rules` is null: cleanup is off). Answers to
 * superseded requests are dropped, so a fast series of switches ends on the last choice.
 */
export function useCleanupPreview(input: PreviewInput | null, rules: RuleChoice | null, page: number): CleanupPreviewState {
  const clientRef = useRef<CleanupPreviewClient | null>(null);
  const [analysis, setAnalysis] = useState<AnalysisState>({ status: 'idle' });
  const [preview, setPreview] = useState<CleanupPreview | null>(null);
  const [isPreviewing, setIsPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<string | null>(null);

  useEffect(() => {
    const client = createCleanupPreviewClient();
    clientRef.current = client;
    return () => {
      client.dispose();
      clientRef.current = null;
    };
  }, []);

  useEffect(() => {
    const client = clientRef.current;
    setPreview(null);
    setPreviewError(null);
    if (!input || !client) {
      setAnalysis({ status: 'idle' });
      return;
    }
    let isCurrent = true;
    setAnalysis({ status: 'loading' });
    void (async () => {
      try {
        const source = input.kind === 'file' ? { kind: 'bytes' as const, bytes: await input.file.arrayBuffer(), filename: input.file.name } : input;
        const result = await client.load(source);
        if (isCurrent) setAnalysis({ status: 'ready', analysis: result });
      } catch (error) {
        if (isCurrent) setAnalysis({ status: 'error', message: messageOf(error) });
      }
    })();
    return () => {
      isCurrent = false;
    };
  }, [input]);

  const rulesKey = rules ? JSON.stringify(rules) : null;
  const isReady = analysis.status === 'ready';
  useEffect(() => {
    const client = clientRef.current;
    if (!isReady || !client || rulesKey === null) {
      setIsPreviewing(false);
      return;
    }
    let isCurrent = true;
    setIsPreviewing(true);
    void (async () => {
      try {
        const result = await client.preview(JSON.parse(rulesKey) as RuleChoice, page);
        if (!isCurrent) return;
        setPreview(result);
        setPreviewError(null);
      } catch (error) {
        if (isCurrent) setPreviewError(messageOf(error));
      } finally {
        if (isCurrent) setIsPreviewing(false);
      }
    })();
    return () => {
      isCurrent = false;
    };
  }, [isReady, rulesKey, page, analysis]);

  return { analysis, preview, isPreviewing, previewError };
}
