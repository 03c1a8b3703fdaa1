'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';

import type { EditorRow } from '@/lib/editor/types';
import type { StructuralOperation, StructurePreview } from '@/lib/structure/structural-operation';

import { SplitPointPicker } from './split-point-picker';
import { directOperation, type StructureAction, type StructureRowInfo } from './structure-actions';
import { previewStructuralEdit, proposeStructuralEdit } from './structure-api';
import { StructureDiff } from './structure-diff';
import { structureBlockerLine, structureSummaryLine } from './structure-text';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Select } from '../ui/select';
import { Textarea } from '../ui/textarea';

export interface StructureDialogTarget {
  action: StructureAction;
  row: EditorRow;
  /** The rows before and after it in reading order, when loaded. */
  previous: EditorRow | undefined;
  next: EditorRow | undefined;
  /** The row's number as the editor shows it. */
  number: number;
}

export interface StructureDialogProps {
  target: StructureDialogTarget;
  workId: string;
  sourceLanguage: string;
  languageNames: Readonly<Record<string, string>>;
  /** The change was proposed; the dialog has closed. */
  onProposed: (result: { suggestionId: string; summary: string }) => void;
  onClose: () => void;
}

type Preview = { kind: 'none' } | { kind: 'loading' } | { kind: 'ready'; preview: StructurePreview } | { kind: 'failed'; message: string };

const MAX_NOTE_CHARS = 2000;
const PREVIEW_DELAY_MS = 250;

/**
 * The dialog of a structural change (a modal <dialog>: the focus stays inside, Escape closes): asks
 * what the change needs (the point of a split, a heading's level, a footnote's label and where its
 * reference goes), shows the server's before/after preview, and proposes the change with an
 * optional note. The server's refusals are shown here, as it words them.
 */
export function StructureDialog({ target, workId, sourceLanguage, languageNames, onProposed, onClose }: StructureDialogProps) {
  const t = useTranslations('structure');
  const { action, row, previous, next } = target;
  const titleId = useId();
  const noteId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [cut, setCut] = useState<number | null>(null);
  const [level, setLevel] = useState(2);
  const [label, setLabel] = useState('*');
  const [refOffset, setRefOffset] = useState(() => previous?.source.text.trimEnd().length ?? 0);
  const [note, setNote] = useState('');
  /** The server's answer for the operation `key` (a JSON of it): an answer for earlier choices is not shown. */
  const [answer, setAnswer] = useState<{ key: string; preview: Preview } | null>(null);
  const [proposal, setProposal] = useState<{ isBusy: boolean; error: string | null }>({ isBusy: false, error: null });

  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  // A point chosen, the note comes next (then Propose).
  useEffect(() => {
    if (cut !== null) document.getElementById(noteId)?.focus();
  }, [cut, noteId]);

  const operation = operationOf({ action, row, previous, next, cut, level, label, refOffset });
  const operationKey = operation ? JSON.stringify(operation) : null;
  const preview: Preview = !operationKey ? { kind: 'none' } : answer?.key === operationKey ? answer.preview : { kind: 'loading' };

  // The preview follows the choices (a little after the last keystroke of a label).
  useEffect(() => {
    if (!operationKey) return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      void previewStructuralEdit({ workId, operation: JSON.parse(operationKey) as StructuralOperation }).then((result) => {
        if (!isCurrent) return;
        setAnswer({ key: operationKey, preview: result.ok ? { kind: 'ready', preview: result.data.preview } : { kind: 'failed', message: result.error.message } });
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [operationKey, workId]);

  const propose = async () => {
    if (!operation) return;
    setProposal({ isBusy: true, error: null });
    const result = await proposeStructuralEdit({ workId, operation, note: note.trim() });
    if (!result.ok) return setProposal({ isBusy: false, error: result.error.message });
    onProposed({ suggestionId: result.data.suggestionId, summary: structureSummaryLine(result.data.preview.summary, result.data.preview.summaryValues, t) });
    dialog.current?.close();
  };

  const isChoosingCut = action === 'split' && cut === null;
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      data-structure-dialog={action}
      onClose={onClose}
      className="m-auto max-h-[calc(100vh-2rem)] w-[min(56rem,calc(100vw-2rem))] overflow-y-auto rounded-lg border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-stone-900/40"
    >
      <div className="space-y-4 p-5">
        <h2 id={titleId} className="font-serif text-xl font-semibold">
          {t(`titles.${action}`)} <span className="text-base font-normal text-muted">{t('dialog.segment', { number: target.number })}</span>
        </h2>

        {action === 'split' &&
          (isChoosingCut ? (
            <div>
              <p className="mb-2 text-sm">{t('dialog.chooseCut')}</p>
              <SplitPointPicker text={row.source.text} language={sourceLanguage} label={t('dialog.whereToSplit')} onConfirm={setCut} onCancel={() => dialog.current?.close()} />
            </div>
          ) : (
            <p className="text-sm">
              <Button size="sm" variant="secondary" onClick={() => setCut(null)}>
                {t('dialog.chooseAnother')}
              </Button>
            </p>
          ))}

        {action === 'heading' && (
          <label className="grid max-w-xs gap-1 text-sm font-medium">
            {t('dialog.headingLevel')}
            <Select value={level} onChange={(event) => setLevel(Number(event.target.value))} autoFocus>
              {[1, 2, 3, 4, 5, 6].map((value) => (
                <option key={value} value={value}>
                  {t('dialog.level', { level: value, role: value === 1 ? 'part' : value === 2 ? 'chapter' : 'other' })}
                </option>
              ))}
            </Select>
          </label>
        )}

        {action === 'footnote' && previous && (
          <div className="space-y-3">
            <label className="grid max-w-xs gap-1 text-sm font-medium">
              {t('dialog.footnoteLabel')}
              <input value={label} maxLength={12} onChange={(event) => setLabel(event.target.value)} autoFocus className="h-10 rounded-md border border-line-strong bg-surface px-2 font-normal" />
            </label>
            <div>
              <p className="mb-1 text-sm font-medium">{t('dialog.whereReference')}</p>
              <SplitPointPicker text={previous.source.text} language={sourceLanguage} label={t('dialog.whereReferenceLabel')} includeEnd autoFocus={false} onMove={setRefOffset} onConfirm={setRefOffset} onCancel={() => dialog.current?.close()} />
            </div>
          </div>
        )}

        {!isChoosingCut && <PreviewView preview={preview} sourceLanguage={sourceLanguage} languageNames={languageNames} />}

        {!isChoosingCut && (
          <form
            className="space-y-3"
            onSubmit={(event) => {
              event.preventDefault();
              void propose();
            }}
          >
            <div>
              <label htmlFor={noteId} className="text-sm font-medium">
                {t('dialog.note')}
              </label>
              <Textarea id={noteId} rows={2} value={note} maxLength={MAX_NOTE_CHARS} onChange={(event) => setNote(event.target.value)} placeholder={t('dialog.notePlaceholder')} className="mt-1" />
            </div>
            {proposal.error && <Alert tone="error">{proposal.error}</Alert>}
            <div className="flex justify-end gap-2">
              <Button variant="ghost" onClick={() => dialog.current?.close()}>
                {t('dialog.cancel')}
              </Button>
              <Button type="submit" disabled={proposal.isBusy || preview.kind !== 'ready'}>
                {t(proposal.isBusy ? 'dialog.proposing' : 'dialog.propose')}
              </Button>
            </div>
          </form>
        )}
      </div>
    </dialog>
  );
}

function PreviewView({ preview, sourceLanguage, languageNames }: { preview: Preview; sourceLanguage: string; languageNames: Readonly<Record<string, string>> }) {
  const t = useTranslations('structure.dialog');
  const tStructure = useTranslations('structure');
  if (preview.kind === 'none') return null;
  if (preview.kind === 'loading')
    return (
      <p className="text-sm text-muted" role="status">
        {t('preparing')}
      </p>
    );
  if (preview.kind === 'failed')
    return (
      <Alert tone="error" title={t('cannotBeMade')}>
        {preview.message}
      </Alert>
    );
  return (
    <div className="space-y-3" data-structure-preview="">
      <p className="font-medium" data-structure-summary="">
        {structureSummaryLine(preview.preview.summary, preview.preview.summaryValues, tStructure)}
      </p>
      <StructureDiff preview={preview.preview} sourceLanguage={sourceLanguage} languageNames={languageNames} />
      {preview.preview.blockers.length > 0 && (
        <Alert tone="warning" title={t('blockers')}>
          <ul className="list-disc pl-4">
            {preview.preview.blockers.map((blocker) => {
              const line = structureBlockerLine(blocker, tStructure);
              return <li key={line}>{line}</li>;
            })}
          </ul>
        </Alert>
      )}
    </div>
  );
}

/** The operation the dialog's choices describe; null while one is missing (the point of a split). */
function operationOf({ action, row, previous, next, cut, level, label, refOffset }: { action: StructureAction; row: StructureRowInfo; previous: StructureRowInfo | undefined; next: StructureRowInfo | undefined; cut: number | null; level: number; label: string; refOffset: number }): StructuralOperation | null {
  switch (action) {
    case 'split':
      return cut !== null && row.source.revisionId ? { type: 'splitSegment', segmentId: row.segmentId, baseRevisionId: row.source.revisionId, offset: cut } : null;
    case 'heading':
      return { type: 'makeHeading', segmentId: row.segmentId, level };
    case 'footnote':
      return previous && label.trim() ? { type: 'makeFootnote', segmentId: row.segmentId, label: label.trim(), refSegmentId: previous.segmentId, refOffset } : null;
    default:
      return directOperation(action, row, next);
  }
}
