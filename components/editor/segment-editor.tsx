'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { colorFor, type Peer } from '@/lib/collab/client/presence';
import { entryBase, entryDone, entryMachine, entryText, getSegmentEntry } from '@/lib/collab/segment-doc';
import type { EditorPage } from '@/lib/editor/types';
import type { FilledRepetitions } from '@/lib/memory/repetition-schemas';

import { ConcordanceLookup } from './concordance-lookup';
import { draftReviewState } from './draft-review-state';
import { EditorToolbar, type EditorNotice } from './editor-toolbar';
import type { EditorCommand } from './keyboard-shortcuts';
import { MachineTranslationContext } from './machine-translation';
import { describeFill } from './repetitions-api';
import { RepetitionsPanel, type RepetitionsTarget } from './repetitions-panel';
import { buildRowLayout, chunksOfRange, isContinuation } from './row-layout';
import { SegmentDetails, type SegmentDetailsTab, type SegmentDetailsTarget } from './segment-details';
import { SegmentRow } from './segment-row';
import { describeSubmission, submitDoneDrafts, submitDraft, type SubmitDraftInput, type SubmitDraftTranslator } from './submit-draft';
import { useCollabConnection, usePeers, usePoolVersion, useSaveState } from './use-collab-connection';
import { useDraftAboveKeyboard } from './use-draft-above-keyboard';
import { useEditorRows } from './use-editor-rows';
import { useGlossaryHits } from './use-glossary-hits';
import { usePresenceReporting } from './use-presence-reporting';
import { rowAt, useRowHeights } from './use-row-heights';
import { VirtualList, type VirtualListHandle } from './virtual-list';
import { useCheckContexts } from '../checks/use-check-contexts';
import { useSuspectMarks } from '../proofread/use-suspect-marks';
import type { StructureAction } from '../structure/structure-actions';
import { StructureDialog, type StructureDialogTarget } from '../structure/structure-dialog';

export interface SegmentEditorProps {
  page: EditorPage;
  /** Names of the languages, computed on the server (ICU data differs between Node and browsers). */
  sourceName: string;
  languageName: string;
  /** Names of the work's languages by tag (the translations in a structural preview). */
  languageNames: Readonly<Record<string, string>>;
}

/** Rows mounted beyond the viewport whose chunks are attached too, so typing never waits for a sync. */
const PREFETCH_ROWS = 30;
const NO_PEERS: readonly Peer[] = [];
/** How long the viewport must rest on rows before their chunks are loaded and attached (ms). */
const SETTLE_MS = 120;

/**
 * The segment editor: the whole work as one virtual list (source left, the language being edited
 * right, or the original alone when correcting it), every draft bound to its entry in the chunk
 * documents attached around the viewport, with presence, a truthful save indicator and keyboard
 * commands.
 */
export function SegmentEditor({ page, sourceName, languageName, languageNames }: SegmentEditorProps) {
  const t = useTranslations('editor.segmentEditor');
  const tSubmit = useTranslations('editor.submitDraft');
  const tRepetitions = useTranslations('editor.repetitions');
  const { work, language, isSourceLanguage, viewer, abilities } = page;
  const user = useMemo(() => (viewer ? { id: viewer.id, name: viewer.name, color: colorFor(viewer.id) } : null), [viewer]);
  const { connection, hasFailed } = useCollabConnection({ workId: work.id, language, user });
  const saveState = useSaveState(connection, hasFailed);
  usePoolVersion(connection);
  const { peers, avatars, guests } = usePeers(connection);
  useDraftAboveKeyboard();
  const rows = useEditorRows({ workId: work.id, language, initialChunks: page.initialChunks, chunkSizes: page.chunkSizes, readId: page.readId });
  const layout = useMemo(() => buildRowLayout(rows.sizes), [rows.sizes]);
  const { heights, onMeasure } = useRowHeights(layout, rows.chunks);
  const list = useRef<VirtualListHandle>(null);
  const [range, setRange] = useState({ start: 0, end: 0 });
  const [focused, setFocused] = useState<{ index: number; segmentId: string } | null>(null);
  const pendingFocus = useRef<number | null>(null);
  const [notice, setNotice] = useState<EditorNotice | null>(null);
  const [details, setDetails] = useState<SegmentDetailsTarget | null>(null);
  /** The row whose structure menu is open, and the structural change being prepared. */
  const [structureMenu, setStructureMenu] = useState<string | null>(null);
  const [structure, setStructure] = useState<StructureDialogTarget | null>(null);
  const canProposeStructure = isSourceLanguage && abilities.canSuggest;
  /** A translation just submitted or marked done whose sentence recurs: the offer to fill the other occurrences. */
  const [repetitions, setRepetitions] = useState<RepetitionsTarget | null>(null);
  const declinedOffers = useRef(new Set<string>());
  const offerRepetitions = useCallback(
    (target: RepetitionsTarget) => {
      if (isSourceLanguage || !abilities.canSuggest || target.text.trim() === '' || declinedOffers.current.has(`${target.segmentId}\u0000${target.text}`)) return;
      setRepetitions(target);
    },
    [isSourceLanguage, abilities.canSuggest],
  );
  // Words that look misread are marked while correcting the original.
  const suspects = useSuspectMarks({ workId: work.id, chunks: rows.chunks, isEnabled: isSourceLanguage && abilities.canEdit });
  // The glossary's terms are marked in the originals while translating.
  const glossary = useGlossaryHits({ workId: work.id, language, chunks: rows.chunks, isEnabled: !isSourceLanguage });
  // The quality checks of the drafts: their context is loaded per window of rows, the checks run here on every change.
  const checks = useCheckContexts({ workId: work.id, language, chunks: rows.chunks, isEnabled: !isSourceLanguage && abilities.canEdit });

  const indexOf = useCallback(
    (segmentId: string): number => {
      for (const [chunk, chunkRows] of rows.chunks) {
        const position = chunkRows.findIndex((row) => row.segmentId === segmentId);
        if (position >= 0) return (layout.starts[chunk] ?? 0) + position;
      }
      return -1;
    },
    [rows.chunks, layout],
  );
  const pinned = focused && focused.index < layout.total && rowAt(layout, rows.chunks, focused.index)?.segmentId === focused.segmentId ? focused.index : null;

  // The chunks around the viewport (and the one being edited) are loaded and attached.
  const { ensure } = rows;
  // Waiting for the scrolling to pause skips the chunks a fast scroll only flies past.
  useEffect(() => {
    const wanted = chunksOfRange(layout, Math.max(0, range.start - PREFETCH_ROWS), range.end + PREFETCH_ROWS);
    if (pinned !== null) wanted.push(...chunksOfRange(layout, pinned, pinned + 1));
    const timer = setTimeout(() => {
      ensure(wanted);
      connection?.pool.want(wanted);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [connection, ensure, layout, range.start, range.end, pinned]);

  const locate = useCallback(
    (segmentId: string) => {
      const row = rowAt(layout, rows.chunks, indexOf(segmentId));
      if (!row) return null;
      const doc = connection?.pool.get(row.chunk)?.doc;
      const entry = doc ? getSegmentEntry(doc, segmentId) : undefined;
      return { chunk: row.chunk, text: entry ? entryText(entry) : undefined };
    },
    [connection, layout, rows.chunks, indexOf],
  );
  usePresenceReporting(connection, locate);

  const moveFocus = useCallback(
    (index: number) => {
      if (index < 0 || index >= layout.total) return;
      list.current?.reveal(index);
      if (focusDraftAt(index)) return;
      // Not mounted yet (far away, or its chunk is loading): focus it after the next renders.
      pendingFocus.current = index;
      setRange((current) => ({ ...current }));
    },
    [layout.total],
  );
  useEffect(() => {
    if (pendingFocus.current !== null && focusDraftAt(pendingFocus.current)) pendingFocus.current = null;
  });
  // Opened at a segment (`?segment=`): bring it into view and put the caret in its draft.
  const opening = useRef(page.focus);
  useEffect(() => {
    const focus = opening.current;
    if (!focus) return;
    opening.current = null;
    moveFocus((layout.starts[focus.chunk] ?? 0) + focus.position);
  }, [moveFocus, layout.starts]);

  const { refresh, reload } = rows;
  const handleCommand = useCallback(
    (command: EditorCommand, segmentId: string) => {
      const index = indexOf(segmentId);
      if (command === 'next' || command === 'previous') {
        // Rows shown with the first row of their group have no draft of their own: step over them.
        const step = command === 'next' ? 1 : -1;
        let target = index + step;
        while (isContinuation(rowAt(layout, rows.chunks, target), target)) target += step;
        return moveFocus(target);
      }
      if (command === 'structure') {
        if (canProposeStructure) setStructureMenu(segmentId);
        return;
      }
      // The draft opens its own list of glossary terms.
      if (command === 'glossary') return;
      // Readers move around; only those whose changes the server accepts mark or submit drafts.
      const row = rowAt(layout, rows.chunks, index);
      const session = row ? connection?.pool.get(row.chunk) : undefined;
      if (!abilities.canEdit || !session || session.provider.authorizedScope === 'readonly' || !row) return;
      const entry = getSegmentEntry(session.doc, segmentId);
      if (!entry) return;
      if (command === 'toggleDone') {
        const isDone = !entryDone(entry);
        session.doc.transact(() => entry.set('done', isDone));
        if (isDone) offerRepetitions({ segmentId, number: index + 1, text: entryText(entry).toString() });
        return;
      }
      const publish = command === 'publish';
      if (publish ? !abilities.canPublish : !abilities.canSuggest) return;
      const draft: SubmitDraftInput = { segmentId, language, text: entryText(entry).toString(), baseRevisionId: entryBase(entry), publish, machineTranslationId: entryMachine(entry)?.id ?? null };
      if (draft.text === row.target.text && draft.baseRevisionId === row.target.revisionId) {
        return setNotice({ tone: 'info', segmentId, message: t('nothingToSubmit', { number: index + 1 }) });
      }
      // The reviewers have this very text already (the server would refuse it as well).
      const review = draftReviewState(row.suggestions, draft.text, draft.baseRevisionId);
      if (!publish && review.waiting) return setNotice({ tone: 'info', segmentId, message: t('alreadyWaiting', { number: index + 1 }) });
      if (!publish && review.declined) return setNotice({ tone: 'error', segmentId, message: t('alreadyDeclined', { number: index + 1 }) });
      // Reloading the row shows the new suggestion (or the published text) beside the draft.
      void submitAndReport({ draft, number: index + 1, t, tSubmit, setNotice }, () => {
        session.doc.transact(() => entry.set('done', true));
        reload(row.chunk);
        offerRepetitions({ segmentId, number: index + 1, text: draft.text });
      });
    },
    [indexOf, moveFocus, language, layout, rows.chunks, reload, connection, abilities.canEdit, abilities.canSuggest, abilities.canPublish, canProposeStructure, offerRepetitions, t, tSubmit],
  );

  const submitDone = useCallback(async () => {
    setNotice({ tone: 'info', message: t('submittingDone') });
    const result = await submitDoneDrafts({ workId: work.id, language, t: tSubmit });
    setNotice(result.ok ? { tone: result.data.failed.length > 0 ? 'error' : 'success', message: describeSubmission(result.data, tSubmit) } : { tone: 'error', message: result.error.message });
    if (result.ok && result.data.submitted > 0) reload(...rows.chunks.keys());
  }, [work.id, language, reload, rows.chunks, t, tSubmit]);

  const closeRepetitions = useCallback(
    (returnFocus: boolean) => {
      if (repetitions && returnFocus) {
        // Declined: not offered again for the same translation of this segment.
        declinedOffers.current.add(`${repetitions.segmentId}\u0000${repetitions.text}`);
        document.querySelector<HTMLTextAreaElement>(`textarea[data-draft="${repetitions.segmentId}"]`)?.focus({ preventScroll: true });
      }
      setRepetitions(null);
    },
    [repetitions],
  );
  const handleRepetitionsFilled = useCallback(
    (result: FilledRepetitions, chunks: number[]) => {
      if (!repetitions) return;
      setNotice({ tone: result.filled > 0 ? 'success' : 'info', segmentId: repetitions.segmentId, message: describeFill(result, tRepetitions) });
      // The filled rows of this work say a suggestion for them awaits review.
      if (chunks.length > 0) reload(...chunks);
      document.querySelector<HTMLTextAreaElement>(`textarea[data-draft="${repetitions.segmentId}"]`)?.focus({ preventScroll: true });
      setRepetitions(null);
    },
    [repetitions, reload, tRepetitions],
  );

  const handleFocusDraft = useCallback((segmentId: string) => setFocused({ segmentId, index: indexOf(segmentId) }), [indexOf]);

  const peersBySegment = useMemo(() => {
    const bySegment = new Map<string, Peer[]>();
    for (const peer of peers) if (peer.segmentId) bySegment.set(peer.segmentId, [...(bySegment.get(peer.segmentId) ?? []), peer]);
    return bySegment;
  }, [peers]);

  const closeDetails = useCallback(() => {
    // Back to the draft the panel was about.
    if (details) document.querySelector<HTMLTextAreaElement>(`textarea[data-draft="${details.segmentId}"]`)?.focus({ preventScroll: true });
    setDetails(null);
  }, [details]);
  const handleOpenDetails = useCallback(
    (segmentId: string, tab: SegmentDetailsTab) => {
      const index = indexOf(segmentId);
      const row = rowAt(layout, rows.chunks, index);
      if (row) setDetails({ segmentId, chunk: row.chunk, number: index + 1, isStale: row.isStale, tab });
    },
    [indexOf, layout, rows.chunks],
  );
  const handleStructureAction = useCallback(
    (segmentId: string, action: StructureAction) => {
      const index = indexOf(segmentId);
      const row = rowAt(layout, rows.chunks, index);
      if (row) setStructure({ action, row, previous: rowAt(layout, rows.chunks, index - 1), next: rowAt(layout, rows.chunks, index + 1), number: index + 1 });
    },
    [indexOf, layout, rows.chunks],
  );
  const closeStructure = useCallback(() => {
    if (structure) document.querySelector<HTMLTextAreaElement>(`textarea[data-draft="${structure.row.segmentId}"]`)?.focus({ preventScroll: true });
    setStructure(null);
  }, [structure]);
  const handleStructureProposed = useCallback(
    ({ summary }: { summary: string }) => {
      if (!structure) return;
      setNotice({ tone: 'success', segmentId: structure.row.segmentId, message: t('structureProposed', { number: structure.number, summary }) });
      // The rows the change touches say it waits for review.
      reload(...new Set([structure.previous, structure.row, structure.next].flatMap((row) => (row ? [row.chunk] : []))));
    },
    [structure, reload, t],
  );
  const renderRow = (index: number) => {
    const row = rowAt(layout, rows.chunks, index);
    const previous = rowAt(layout, rows.chunks, index - 1);
    const session = row ? connection?.pool.get(row.chunk) : undefined;
    const isReadOnly = !abilities.canEdit || session?.provider.authorizedScope === 'readonly';
    return (
      <SegmentRow
        index={index}
        workId={work.id}
        row={row}
        isBlockStart={!!row && (row.kind !== 'SENTENCE' || !previous || previous.parentId !== row.parentId)}
        isSourceMode={isSourceLanguage}
        sourceLanguage={work.sourceLanguage}
        language={language}
        languageName={languageName}
        doc={session?.doc}
        isReadOnly={isReadOnly}
        canSuggest={abilities.canSuggest}
        canPublish={abilities.canPublish}
        canReview={abilities.canReview}
        peers={(row && peersBySegment.get(row.segmentId)) ?? NO_PEERS}
        onFocusDraft={handleFocusDraft}
        onCommand={handleCommand}
        onUnknownBase={refresh}
        onOpenDetails={handleOpenDetails}
        previousRow={previous}
        nextRow={rowAt(layout, rows.chunks, index + 1)}
        canProposeStructure={canProposeStructure}
        isStructureMenuOpen={!!row && structureMenu === row.segmentId}
        onStructureMenu={setStructureMenu}
        onStructureAction={handleStructureAction}
        suspects={row ? suspects.get(row.segmentId) : undefined}
        onSuspectSuggested={reload}
        glossary={glossary}
        checkContext={row ? checks.segments.get(row.segmentId) : undefined}
        checkSettings={checks.settings}
        lengthNorm={checks.lengthNorm}
        canDismissFindings={checks.canDismiss}
        onDismissalsChange={!isSourceLanguage && abilities.canEdit ? checks.setDismissals : undefined}
      />
    );
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <EditorToolbar notice={notice} hiddenShortcuts={[...(abilities.canPublish ? [] : ['publish' as const]), ...(canProposeStructure ? [] : ['structure' as const]), ...(isSourceLanguage ? ['insertMatch' as const, 'concordance' as const, 'glossary' as const] : []), ...(page.machineTranslation ? [] : ['insertMachine' as const])]} onSubmitDone={abilities.canSuggest ? submitDone : undefined} saveState={saveState} avatars={avatars} guests={guests} canEdit={abilities.canEdit} isSignedIn={viewer !== null} signInHref={`/sign-in?callbackUrl=${encodeURIComponent(`/works/${work.id}/edit?lang=${language}`)}`} rowsError={rows.error} />
      {repetitions && (
        <RepetitionsPanel
          key={`${repetitions.segmentId}:${repetitions.text}`}
          workId={work.id}
          sourceLanguage={work.sourceLanguage}
          language={language}
          target={repetitions}
          chunkStarts={layout.starts}
          onGoTo={moveFocus}
          onFilled={handleRepetitionsFilled}
          onClose={closeRepetitions}
        />
      )}
      {!isSourceLanguage && (
        <div aria-hidden="true" className="hidden grid-cols-[3rem_minmax(0,1fr)_minmax(0,1fr)] gap-x-4 border-b border-line px-3 py-2 text-xs font-semibold tracking-wide text-muted uppercase sm:grid">
          <span />
          <span>{t('original', { language: sourceName })}</span>
          <span>{t('draft', { language: languageName })}</span>
        </div>
      )}
      {layout.total === 0 && <p className="py-10 text-center text-muted">{t('empty')}</p>}
      <MachineTranslationContext value={page.machineTranslation}>
        <VirtualList
          ref={list}
          aria-label={t('listLabel', { title: work.title })}
          className="min-h-0 flex-1"
          heights={heights}
          onMeasure={onMeasure}
          keyOf={(index) => rowAt(layout, rows.chunks, index)?.segmentId ?? `row-${index}`}
          renderRow={renderRow}
          pinned={pinned}
          onRangeChange={setRange}
        />
      </MachineTranslationContext>
      {details && (
        <SegmentDetails
          target={details}
          workId={work.id}
          language={language}
          canRevert={abilities.canRevert}
          canConfirm={abilities.canConfirm}
          canComment={abilities.canComment}
          canModerate={abilities.canModerate}
          viewerId={viewer?.id ?? null}
          onTab={(tab) => setDetails({ ...details, tab })}
          onClose={closeDetails}
          onChanged={reload}
        />
      )}
      {/* Selected words of an original or a draft, looked up in the concordance of the work's language pair. */}
      {!isSourceLanguage && <ConcordanceLookup sourceLanguage={work.sourceLanguage} targetLanguage={language} sourceName={sourceName} targetName={languageName} />}
      {structure && <StructureDialog key={`${structure.action}:${structure.row.segmentId}`} target={structure} workId={work.id} sourceLanguage={work.sourceLanguage} languageNames={languageNames} onProposed={handleStructureProposed} onClose={closeStructure} />}
    </div>
  );
}

interface SubmitAndReportOptions {
  draft: SubmitDraftInput;
  /** The row's number as the editor shows it. */
  number: number;
  /** The editor's messages (`useTranslations('editor.segmentEditor')`). */
  t: ReturnType<typeof useTranslations<'editor.segmentEditor'>>;
  tSubmit: SubmitDraftTranslator;
  setNotice: (notice: EditorNotice) => void;
}

/** Sends a draft for review (or publishes it) and tells the user how it went. */
async function submitAndReport({ draft, number, t, tSubmit, setNotice }: SubmitAndReportOptions, onSubmitted: () => void): Promise<void> {
  setNotice({ tone: 'info', segmentId: draft.segmentId, message: t(draft.publish ? 'publishing' : 'submitting', { number }) });
  const result = await submitDraft(draft, tSubmit);
  if (result.ok) {
    onSubmitted();
    return setNotice({ tone: 'success', segmentId: draft.segmentId, message: t(result.data.status === 'PUBLISHED' ? 'published' : 'submitted', { number }) });
  }
  const message = result.error.code === 'STALE_BASE' ? t('staleBase', { number }) : t('failed', { number, message: result.error.message });
  setNotice({ tone: 'error', segmentId: draft.segmentId, message });
}

/**
 * Focuses the draft of row `index` with the caret at its end (the draft of its group, for a row
 * shown with the first row of its group); false when the row is not mounted.
 */
function focusDraftAt(index: number): boolean {
  if (index > 0 && document.querySelector(`[data-index="${index}"] [data-continues-previous]`)) return focusDraftAt(index - 1);
  const textarea = document.querySelector<HTMLTextAreaElement>(`[data-index="${index}"] textarea[data-draft]`);
  if (!textarea) return false;
  textarea.focus({ preventScroll: true });
  textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  return true;
}
