'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

import { createCleanupPreviewClient, type CleanupPreviewClient } from './cleanup-preview-client';
import { PreviewError, type CleanupAnalysis, type CleanupPreview, type PreviewSource, type RuleChoice } from './cleanup-preview-session';
import { extractOnServer, isReadOnServer } from './extract-on-server';
import { useErrorWording, type ErrorWording } from '../errors/error-wording';

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

type PreviewErrorTranslator = ReturnType<typeof useTranslations<'import.previewErrors'>>;

/**
 * Why the preview failed, in the interface's language: the server's reasons as it words them, and
 * the browser's own reading's by their keys.
 */
function messageOf(error: unknown, t: PreviewErrorTranslator, wording: ErrorWording): string {
  if (!(error instanceof PreviewError)) return t('unprepared');
  if (error.failure) return t(error.failure);
  return error.reason ? wording.message(error.reason.key, error.reason.values) : error.message;
}

/** The source the preview reads: the file's bytes, or its text from the server for a Word document. */
async function previewSource(input: PreviewInput, signal: AbortSignal): Promise<PreviewSource> {
  if (input.kind === 'text') return input;
  if (isReadOnServer(input.file)) return extractOnServer(input.file, signal);
  return { kind: 'bytes', bytes: await input.file.arrayBuffer(), filename: input.file.name };
}

/**
 * Decodes (a Word document on the server) and analyses `input` in the preview worker whenever it changes, then diffs excerpt
 * `page` with the chosen `rules` (none when `rules` is null: cleanup is off). Answers to
 * superseded requests are dropped, so a fast series of switches ends on the last choice.
 */
export function useCleanupPreview(input: PreviewInput | null, rules: RuleChoice | null, page: number): CleanupPreviewState {
  const t = useTranslations('import.previewErrors');
  const wording = useErrorWording();
  const clientRef = useRef<CleanupPreviewClient | null>(null);
  // Results remember what they answer; the state shown is derived from them during render, so a
  // new input or choice shows "loading" at once without resetting state inside an effect.
  const [loaded, setLoaded] = useState<{ input: PreviewInput; state: AnalysisState } | null>(null);
  const [answered, setAnswered] = useState<{ analysis: CleanupAnalysis; key: string; preview: CleanupPreview | null; error: string | null } | null>(null);

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
    if (!input || !client) return;
    let isCurrent = true;
    const abort = new AbortController();
    void (async () => {
      let state: AnalysisState;
      try {
        const source = await previewSource(input, abort.signal);
        state = { status: 'ready', analysis: await client.load(source) };
      } catch (error) {
        state = { status: 'error', message: messageOf(error, t, wording) };
      }
      if (isCurrent) setLoaded({ input, state });
    })();
    return () => {
      isCurrent = false;
      abort.abort();
    };
  }, [input, t, wording]);

  const analysis: AnalysisState = !input ? { status: 'idle' } : loaded?.input === input ? loaded.state : { status: 'loading' };
  const ready = analysis.status === 'ready' ? analysis.analysis : null;
  const key = rules ? `${JSON.stringify(rules)}#${page}` : null;

  useEffect(() => {
    const client = clientRef.current;
    if (!ready || !client || key === null || !rules) return;
    let isCurrent = true;
    void (async () => {
      try {
        const preview = await client.preview(rules, page);
        if (isCurrent) setAnswered({ analysis: ready, key, preview, error: null });
      } catch (error) {
        if (isCurrent) setAnswered({ analysis: ready, key, preview: null, error: messageOf(error, t, wording) });
      }
    })();
    return () => {
      isCurrent = false;
    };
    // `key` stands for `rules` and `page`: a new rules object with the same choices is no new request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, key]);

  const isSameText = Boolean(ready) && answered?.analysis === ready;
  return {
    analysis,
    preview: isSameText ? (answered?.preview ?? null) : null,
    isPreviewing: Boolean(ready) && key !== null && (!isSameText || answered?.key !== key),
    previewError: isSameText && answered?.key === key ? (answered?.error ?? null) : null,
  };
}
