'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type * as Y from 'yjs';

import type { Peer } from '@/lib/collab/client/presence';
import { clearEntryMachine, replaceText } from '@/lib/collab/segment-doc';
import { MAX_SEGMENT_CHARS } from '@/lib/config/limits';
import type { PublishedState } from '@/lib/editor/types';
import type { GlossaryHit } from '@/lib/glossary/types';
import type { MemoryMatch } from '@/lib/memory/types';
import type { TextSuggestions } from '@/lib/review/find-text-suggestions';

import { draftReviewState, ReviewDecision, WaitingForReview } from './draft-review-state';
import { GlossaryTermList } from './glossary-term-list';
import { ariaKeysOf, commandForKey, isMachineTranslationKey, matchIndexForKey, type EditorCommand } from './keyboard-shortcuts';
import { MachineDraftLabel, MachineTranslationControls, useMachineDraft } from './machine-translation';
import { MemoryMatches } from './memory-matches';
import { RemoteCarets } from './remote-carets';
import type { SegmentDetailsTab } from './segment-details';
import { SegmentStatus } from './segment-status';
import { TextareaBinding } from './textarea-binding';
import { useMemoryMatches } from './use-memory-matches';
import { useSegmentEntry } from './use-segment-entry';
import { useDraftFindings, type DraftChecks } from '../checks/draft-findings';
import { FindingList } from '../checks/finding-list';
import { Badge } from '../ui/badge';
import { cn } from '../ui/cn';

/** Box, font and wrapping shared by the textarea and its caret mirror: they must lay text out identically. */
const DRAFT_TEXT = 'block w-full rounded-md border px-3 py-2 font-serif text-[1.0625rem] leading-relaxed';

export interface DraftCellProps {
  workId: string;
  segmentId: string;
  /** The language translated into, for translation-memory matches; null for the source's own text. */
  memoryLanguage: string | null;
  chunk: number;
  language: string;
  /** What readers see now in this language. */
  published: PublishedState;
  /** Suggestions for this text awaiting review or turned down: the draft may be one of them. */
  suggestions: TextSuggestions;
  /** The chunk's document, once attached. */
  doc: Y.Doc | undefined;
  isReadOnly: boolean;
  /** The published translation was made against an earlier source text. */
  isStale: boolean;
  /** Opens the segment's side panel (history, or how the source changed). */
  onOpenDetails: (segmentId: string, tab: SegmentDetailsTab) => void;
  /** The viewer may submit drafts for review / publish them at once. */
  canSuggest: boolean;
  canPublish: boolean;
  /** The viewer decides on suggestions (a draft waiting for review links to the queue). */
  canReview: boolean;
  label: string;
  /** Others whose caret is in this segment. */
  peers: readonly Peer[];
  onFocusDraft: (segmentId: string) => void;
  onCommand: (command: EditorCommand, segmentId: string) => void;
  /** The draft's base is a revision the loaded rows do not know: they may be out of date. */
  onUnknownBase: (chunk: number, key: string) => void;
  /** More marks for the status line (a structural change waiting for review). */
  notes?: ReactNode;
  /** More actions before the row's own (the structure menu of a source row). */
  actions?: ReactNode;
  /** The glossary terms of the segment's original (and of the originals translated with it): Alt+G lists them. */
  glossaryHits?: readonly GlossaryHit[];
  /** Set to the function that inserts a text at the draft's caret, for the original's marked terms to call. */
  insertRef?: RefObject<((text: string) => void) | null>;
  /** The quality checks of a translation's draft (absent when editing the original). */
  checks?: DraftChecks;
}

/**
 * One editable draft: a plain textarea bound to the entry's Y.Text, the status and draft marks,
 * the "published text changed" warning with the way to take the new text, and others' carets.
 */
export function DraftCell({workId, segmentId, memoryLanguage, chunk, language, published, suggestions, doc, isReadOnly, isStale, onOpenDetails, canSuggest, canPublish, canReview, label, peers, onFocusDraft, onCommand, onUnknownBase, notes, actions, glossaryHits, insertRef, checks }: DraftCellProps) {
  const t = useTranslations('editor.draftCell');
  const textarea = useRef<HTMLTextAreaElement>(null);
  /** Whether the draft has had the focus: its caret is where an insertion goes, else the end. */
  const hasHadFocus = useRef(false);
  const [isGlossaryOpen, setGlossaryOpen] = useState(false);
  const { entry, text, draft, base, latest, isDone, machine } = useSegmentEntry(doc, segmentId);
  const isLoading = !text;
  // The memory's matches show under the draft that has the focus, until another draft takes it.
  const [isActive, setActive] = useState(false);
  useEffect(() => {
    if (!isActive) return;
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.dataset.draft !== undefined && target.dataset.draft !== segmentId) setActive(false);
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [isActive, segmentId]);
  const memory = useMemoryMatches({ workId, segmentId, language: memoryLanguage, isActive });
  const focusDraft = useCallback(() => textarea.current?.focus(), []);
  const machineDraft = useMachineDraft({ workId, segmentId, language: memoryLanguage, entry, text, isEditable: !isReadOnly && !!text, onInserted: focusDraft });

  useEffect(() => {
    const element = textarea.current;
    if (!element || !text) return;
    const binding = new TextareaBinding(element, text);
    return () => binding.destroy();
  }, [text]);

  // Browsers without `field-sizing: content` grow the textarea by hand.
  useLayoutEffect(() => {
    const element = textarea.current;
    if (!element || CSS.supports('field-sizing', 'content')) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight + 2}px`;
  }, [draft]);

  const isBaseStale = entry !== undefined && base !== published.revisionId;
  // A base, or a revision published under the draft since (`latest`), that the loaded rows do not show.
  const isRowBehind = isBaseStale || (latest !== null && latest !== published.revisionId);
  useEffect(() => {
    if (isRowBehind) onUnknownBase(chunk, `${segmentId}:${base ?? ''}:${latest ?? ''}`);
  }, [isRowBehind, chunk, segmentId, base, latest, onUnknownBase]);

  const review = text ? draftReviewState(suggestions, draft, base) : { waiting: undefined, declined: undefined };
  // A submitted draft is marked done; losing the mark while the rows say it waits means a
  // reviewer has probably decided (a rejection changes no published text): read the rows again.
  const waitingId = review.waiting?.suggestionId;
  useEffect(() => {
    if (waitingId && entry && !isDone) onUnknownBase(chunk, `${segmentId}:decided:${waitingId}`);
  }, [waitingId, entry, isDone, chunk, segmentId, onUnknownBase]);

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (isMachineTranslationKey(event)) {
      if (machineDraft.request) {
        event.preventDefault();
        void machineDraft.request();
      }
      return;
    }
    const matchIndex = matchIndexForKey(event);
    if (matchIndex !== null) {
      const match = memory.status === 'ready' ? memory.matches[matchIndex] : undefined;
      if (match) {
        event.preventDefault();
        insertMatch(match);
      }
      return;
    }
    const command = commandForKey(event);
    if (!command) return;
    event.preventDefault();
    if (command === 'glossary') {
      if (memoryLanguage !== null) setGlossaryOpen(true);
      return;
    }
    onCommand(command, segmentId);
  };

  /**
   * Inserts a glossary translation at the draft's caret (over its selection; at the end of a
   * draft never focused): one change of the Y.Text in a transaction of its own, as a memory
   * match's, which the textarea binding shows like anyone's change; the caret then stands after
   * the insertion. Still a draft, to be reviewed.
   */
  const insertAtCaret = useCallback(
    (value: string) => {
      const element = textarea.current;
      setGlossaryOpen(false);
      if (!entry || !text || isReadOnly || !element) return;
      const length = text.length;
      const start = hasHadFocus.current ? Math.min(element.selectionStart, length) : length;
      const end = hasHadFocus.current ? Math.min(Math.max(element.selectionEnd, start), length) : length;
      const inserted = !hasHadFocus.current && length > 0 && !/\s$/u.test(text.toString()) ? ` ${value}` : value;
      const apply = () => {
        if (end > start) text.delete(start, end - start);
        text.insert(start, inserted);
        entry.set('done', false);
      };
      if (entry.doc) entry.doc.transact(apply);
      else apply();
      element.focus();
      element.setSelectionRange(start + inserted.length, start + inserted.length);
    },
    [entry, text, isReadOnly],
  );
  useEffect(() => {
    if (!insertRef) return;
    insertRef.current = insertAtCaret;
    return () => {
      insertRef.current = null;
    };
  }, [insertRef, insertAtCaret]);

  const closeGlossary = () => {
    setGlossaryOpen(false);
    textarea.current?.focus();
  };

  const takePublished = () => {
    if (!entry || !text) return;
    const apply = () => {
      replaceText(text, published.text);
      entry.set('base', published.revisionId);
      entry.set('done', false);
      clearEntryMachine(entry);
    };
    if (entry.doc) entry.doc.transact(apply);
    else apply();
  };

  /** A memory match becomes the draft, as taking the published text does: still a draft, to be reviewed. */
  const insertMatch = (match: MemoryMatch) => {
    if (!entry || !text || isReadOnly) return;
    const apply = () => {
      replaceText(text, match.targetText);
      entry.set('done', false);
      clearEntryMachine(entry);
    };
    if (entry.doc) entry.doc.transact(apply);
    else apply();
    textarea.current?.focus();
  };

  const shownText = isLoading ? published.text : draft;
  const isEdited = !isLoading && draft !== published.text;
  const isEditable = !isReadOnly && !isLoading;
  // The checks run on every change of the draft, here in the browser.
  const findings = useDraftFindings(checks, shownText, language);
  const openFindings = findings.filter((finding) => !finding.dismissal).length;
  return (
    <div className="min-w-0">
      <div className="relative">
        <textarea
          ref={textarea}
          id={`draft-${segmentId}`}
          data-draft={segmentId}
          lang={language}
          aria-label={label}
          defaultValue={published.text}
          readOnly={!isEditable}
          // The server refuses a draft that grows past the limit (and the editor would drop the chunk's unsaved changes).
          maxLength={MAX_SEGMENT_CHARS}
          aria-busy={isLoading}
          spellCheck
          rows={1}
          onFocus={() => {
            hasHadFocus.current = true;
            setActive(true);
            onFocusDraft(segmentId);
          }}
          onKeyDown={handleKeyDown}
          placeholder={isReadOnly ? t('placeholderReadOnly') : t('placeholder')}
          className={cn(
            DRAFT_TEXT,
            // On a phone the browser's own scrolling to a focused draft leaves it clear of the status strip.
            'min-h-[2.75rem] resize-none overflow-hidden [field-sizing:content] focus:border-accent-500 focus:outline-none focus-visible:outline-none phone:scroll-mt-16 phone:scroll-mb-3',
            isEditable ? 'border-line-strong bg-surface' : 'border-line bg-stone-50 text-ink-soft',
            isEdited && 'border-l-4 border-l-amber-400',
          )}
        />
        {text && <RemoteCarets text={text} draft={shownText} peers={peers} className={DRAFT_TEXT} />}
      </div>
      {isGlossaryOpen && memoryLanguage !== null && <GlossaryTermList hits={glossaryHits ?? []} targetLanguage={language} canInsert={isEditable} onInsert={insertAtCaret} onClose={closeGlossary} />}
      {isActive && checks && (
        <FindingList
          segmentId={segmentId}
          language={language}
          findings={findings}
          canDismiss={checks.canDismiss}
          onDismissed={(dismissal) => checks.onDismissalsChange(segmentId, [...(checks.context?.dismissals ?? []).filter((other) => other.check !== dismissal.check || other.key !== dismissal.key), dismissal])}
          onRestored={(check, key) => checks.onDismissalsChange(segmentId, (checks.context?.dismissals ?? []).filter((other) => other.check !== check || other.key !== key))}
          className="mt-1.5"
        />
      )}
      {memoryLanguage !== null && <MemoryMatches state={memory} onInsert={insertMatch} canInsert={isEditable} />}
      {isActive && <MachineTranslationControls machine={machineDraft} />}
      <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
        <SegmentStatus status={published.status} openSuggestions={published.openSuggestions} isDone={isDone} isEdited={isEdited} isWaiting={review.waiting !== undefined} />
        {machine && !isLoading && <MachineDraftLabel mark={machine} draft={draft} />}
        {!isActive && openFindings > 0 && (
          <Badge tone="warning" title={t('checksTitle')} data-check-count={openFindings}>
            {t('checkCount', { count: openFindings })}
          </Badge>
        )}
        {review.waiting && <WaitingForReview suggestion={review.waiting} segmentId={segmentId} canReview={canReview} />}
        {review.declined && <ReviewDecision suggestion={review.declined} />}
        {isLoading && <span className="text-muted">{t('loading')}</span>}
        {isBaseStale && (
          <span role="note" data-base-stale="" className="inline-flex items-center gap-2 rounded-md bg-amber-50 px-2 py-0.5 text-amber-900 ring-1 ring-amber-200">
            {t('baseStale')}
            {isEditable && (
              <button type="button" onClick={takePublished} className="font-medium underline">
                {t('takePublished')}
              </button>
            )}
          </span>
        )}
        {isStale && (
          <span role="note" data-stale="" className="inline-flex items-center gap-2 rounded-md bg-sky-50 px-2 py-0.5 text-sky-900 ring-1 ring-sky-200">
            {t('sourceCorrected')}
            <button type="button" onClick={() => onOpenDetails(segmentId, 'source')} className="font-medium underline">
              {t('seeChange')}
            </button>
          </span>
        )}
        {notes}
        <span className="ml-auto inline-flex flex-wrap items-center gap-1">
          {actions}
          <button type="button" onClick={() => onOpenDetails(segmentId, 'history')} className={ACTION}>
            {t('history')}
          </button>
          <button type="button" onClick={() => onOpenDetails(segmentId, 'discussion')} className={ACTION}>
            {t('discuss')}
          </button>
        {/* A draft waiting for review is submitted already; one turned down as it stands is to be changed first. */}
        {isEditable && !review.waiting && (
          <>
            <button type="button" aria-pressed={isDone} aria-keyshortcuts={ariaKeysOf('toggleDone')} onClick={() => onCommand('toggleDone', segmentId)} className={ACTION}>
              {isDone ? t('notDone') : t('markDone')}
            </button>
            {canSuggest && !review.declined && (
              <button type="button" aria-keyshortcuts={ariaKeysOf('submit')} onClick={() => onCommand('submit', segmentId)} className={ACTION}>
                {t('submit')}
              </button>
            )}
            {canPublish && (
              <button type="button" aria-keyshortcuts={ariaKeysOf('publish')} onClick={() => onCommand('publish', segmentId)} className={ACTION}>
                {t('publish')}
              </button>
            )}
          </>
        )}
        </span>
      </div>
    </div>
  );
}

/** A row's action; a finger's width (44 px) on touch screens. */
const ACTION = 'inline-flex items-center rounded px-1.5 py-0.5 font-medium text-accent-700 hover:bg-accent-50 hover:text-accent-800 touch:min-h-11 touch:px-2.5';
