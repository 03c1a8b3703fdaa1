'use client';

import { useTranslations } from 'next-intl';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';

import { replaceText, type MachineMark, type SegmentEntry } from '@/lib/collab/segment-doc';
import { isMachineProvider, type MachineTranslationOffer } from '@/lib/machine-translation/providers';

import { ariaKeysOf } from './keyboard-shortcuts';
import { requestMachineTranslation } from './machine-translation-api';
import { MachineLabel } from '../machine-translation/machine-label';

/** The machine translation service the editor offers (from the page), or null: no button, no key. */
export const MachineTranslationContext = createContext<MachineTranslationOffer | null>(null);

type RequestState = { status: 'idle' } | { status: 'loading' } | { status: 'error'; message: string };

export interface MachineDraft {
  offer: MachineTranslationOffer | null;
  state: RequestState;
  /** Asks for the segment's machine translation and makes it the draft; null where it is not offered. */
  request: (() => Promise<void>) | null;
}

/**
 * Machine translation for one draft: asks the server for the segment's machine translation and
 * puts it in the draft — still a draft, submitted and reviewed like any other — with the entry's
 * `machine` mark, which every editor of the draft sees as the label and which a submitted draft
 * carries (docs/machine-translation.md). `language` is null when editing the source; `onInserted`
 * runs once the draft holds the machine's words (the editor gives the draft the focus back).
 */
export function useMachineDraft({ workId, segmentId, language, entry, text, isEditable, onInserted }: { workId: string; segmentId: string; language: string | null; entry: SegmentEntry | undefined; text: Y.Text | undefined; isEditable: boolean; onInserted?: () => void }): MachineDraft {
  const t = useTranslations('editor.machineTranslation');
  const offer = useContext(MachineTranslationContext);
  const [state, setState] = useState<RequestState>({ status: 'idle' });
  const pending = useRef<AbortController | null>(null);
  useEffect(() => () => pending.current?.abort(), []);

  const request = useCallback(async () => {
    if (!entry || !text || language === null || pending.current) return;
    const controller = new AbortController();
    pending.current = controller;
    setState({ status: 'loading' });
    // The draft as it was asked for: words typed meanwhile (here or by a co-editor) are never replaced.
    const asked = text.toString();
    const result = await requestMachineTranslation({ workId, segmentId, language, signal: controller.signal, t });
    pending.current = null;
    if (controller.signal.aborted) return;
    if (!result.ok) {
      setState({ status: 'error', message: result.error.message });
      return;
    }
    if (text.toString() !== asked) {
      setState({ status: 'error', message: t('draftChanged') });
      return;
    }
    const { id, provider, text: machineText } = result.data;
    const mark: MachineMark = { id, provider, text: machineText };
    const apply = () => {
      replaceText(text, machineText);
      entry.set('done', false);
      entry.set('machine', mark);
    };
    if (entry.doc) entry.doc.transact(apply);
    else apply();
    setState({ status: 'idle' });
    onInserted?.();
  }, [workId, segmentId, language, entry, text, onInserted, t]);

  const isOffered = offer !== null && language !== null && isEditable && entry !== undefined;
  return { offer, state, request: isOffered ? request : null };
}

/** The button (and key) that fills the draft with machine translation, with its progress or failure; shown under the focused draft. */
export function MachineTranslationControls({ machine }: { machine: MachineDraft }) {
  const t = useTranslations('editor.machineTranslation');
  const { offer, state, request } = machine;
  if (!offer || !request) return null;
  return (
    <div data-machine-translation="" className="mt-2 flex flex-wrap items-center gap-2 text-xs">
      <button
        type="button"
        onClick={() => void request()}
        disabled={state.status === 'loading'}
        aria-keyshortcuts={ariaKeysOf('insertMachine')}
        className="rounded px-1.5 py-0.5 font-medium text-accent-700 ring-1 ring-accent-200 hover:bg-accent-50 hover:text-accent-800 disabled:opacity-60"
      >
        {t('button', { service: offer.name })} <kbd data-keyboard-hint="" className="font-sans text-muted">{ariaKeysOf('insertMachine')}</kbd>
      </button>
      {state.status === 'loading' && <span className="text-muted">{t('asking', { service: offer.name })}</span>}
      {state.status === 'error' && (
        <span role="alert" className="text-red-700">
          {state.message}
        </span>
      )}
    </div>
  );
}

/**
 * The label of a draft filled with machine translation: "Machine translation (DeepL)" while its
 * words are the service's, "…, edited" once someone changed them. The words are compared with
 * white space collapsed, as the server compares them when the draft is submitted.
 */
export function MachineDraftLabel({ mark, draft }: { mark: MachineMark; draft: string }) {
  if (!isMachineProvider(mark.provider)) return null;
  return <MachineLabel origin={{ provider: mark.provider, isEdited: collapse(draft) !== collapse(mark.text) }} />;
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
