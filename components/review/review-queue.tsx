'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';

import { composeText, hunkExcerpt, toHunks } from '@/lib/diff/hunks';

import { approveSuggestion, conflictOf, fetchQueuePage, rejectSuggestion, type QueueEntry, type QueueFilters, type QueuePage } from './review-api';
import { initialItemState, type ReviewItemState } from './review-item-state';
import { structureOf } from './structure-of';
import { SuggestionCard } from './suggestion-card';
import { Button } from '../ui/button';

export interface ReviewQueueProps {
  initial: QueuePage;
  filters: QueueFilters;
  viewerId: string;
  /** Language names by tag, computed on the server. */
  languageNames: Record<string, string>;
}

const KEYS = [
  ['J', '↓', 'keyNext'],
  ['K', '↑', 'keyPrevious'],
  ['A', '', 'keyApprove'],
  ['R', '', 'keyReject'],
  ['E', '', 'keyEdit'],
  ['S', '', 'keySkip'],
  ['Esc', '', 'keyCancel'],
] as const;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The reviewers' queue: one suggestion after another with the keyboard (J/K to move, A approve,
 * R reject, E edit then approve, S skip), each change of a suggestion kept or turned down on its
 * own, conflicts resolved in place. Decided suggestions leave the list; the next page loads when
 * the list runs short.
 */
export function ReviewQueue({ initial, filters, viewerId, languageNames }: ReviewQueueProps) {
  const t = useTranslations('reviewQueue');
  const e = useTranslations('emptyStates');
  const [items, setItems] = useState<QueueEntry[]>(initial.items);
  const [next, setNext] = useState<string | null>(initial.next);
  const [states, setStates] = useState<ReadonlyMap<string, ReviewItemState>>(new Map());
  const [selected, setSelected] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const loading = useRef(false);

  const stateOf = useCallback((id: string) => states.get(id) ?? initialItemState(), [states]);
  const patch = useCallback((id: string, change: Partial<ReviewItemState>) => setStates((current) => new Map(current).set(id, { ...(current.get(id) ?? initialItemState()), ...change })), []);

  const loadMore = useCallback(async () => {
    if (!next || loading.current) return;
    loading.current = true;
    const result = await fetchQueuePage(filters, next);
    loading.current = false;
    if (!result.ok) return setLoadError(result.error.message);
    setLoadError(null);
    setItems((current) => [...current, ...result.data.items.filter((item) => !current.some((known) => known.suggestionId === item.suggestionId))]);
    setNext(result.data.next);
  }, [filters, next]);

  const select = useCallback((index: number) => {
    setSelected(index);
    document.querySelectorAll<HTMLElement>('[data-suggestion]')[index]?.scrollIntoView({ block: 'nearest' });
  }, []);

  const remove = useCallback(
    (id: string, message: string) => {
      // Keep a few suggestions ahead: fetch the next page when the list runs short.
      if (items.length <= 5) void loadMore();
      const index = items.findIndex((item) => item.suggestionId === id);
      const remaining = items.length - (index >= 0 ? 1 : 0);
      setItems((current) => current.filter((item) => item.suggestionId !== id));
      // The selection stays on the same place in the list: the suggestion after the decided one.
      setSelected((was) => Math.max(0, Math.min(index >= 0 && index < was ? was - 1 : was, remaining - 1)));
      setAnnouncement(message);
    },
    [items, loadMore],
  );

  const approve = useCallback(
    async (item: QueueEntry, text?: string) => {
      const state = stateOf(item.suggestionId);
      patch(item.suggestionId, { isBusy: true, error: null });
      // A structural change is approved as it is: nothing to edit or turn down in part.
      if (item.kind === 'STRUCTURE') {
        const result = await approveSuggestion({ suggestionId: item.suggestionId });
        if (result.ok) return remove(item.suggestionId, result.data.status === 'PUBLISHED' ? t('appliedStructure', { work: item.work.title }) : t('waitsForSecond'));
        return patch(item.suggestionId, { isBusy: false, error: result.error.message });
      }
      const rejected = new Set(state.rejectedHunks.keys());
      const parts = toHunks(item.diff);
      const partial = text === undefined && rejected.size > 0;
      const hunkRejections = [...state.rejectedHunks].map(([hunk, decision]) => {
        const part = parts.find((candidate) => candidate.kind === 'change' && candidate.hunk === hunk);
        const excerpt = part?.kind === 'change' ? hunkExcerpt(part) : '';
        return { excerpt, reason: decision.reason, note: decision.note };
      });
      const resolution = text ?? (partial ? composeText(parts, rejected) : undefined);
      const expectedRevisionId = state.mode === 'conflict' ? (state.conflict?.currentRevisionId ?? null) : item.publishedRevisionId;
      const result = await approveSuggestion({ suggestionId: item.suggestionId, ...(resolution !== undefined ? { text: resolution, expectedRevisionId } : {}), hunkRejections });
      if (result.ok) {
        return remove(item.suggestionId, result.data.status === 'PUBLISHED' ? t('published', { work: item.work.title }) : t('waitsForSecond'));
      }
      const conflict = result.error.code === 'STALE_BASE' ? conflictOf(result.error.details) : null;
      if (conflict) {
        return patch(item.suggestionId, { isBusy: false, mode: 'conflict', conflict, editText: conflict.mergeProposal ?? conflict.currentText, error: null });
      }
      patch(item.suggestionId, { isBusy: false, error: result.error.message });
    },
    [patch, remove, stateOf, t],
  );

  const reject = useCallback(
    async (item: QueueEntry) => {
      const state = stateOf(item.suggestionId);
      if (state.reason === 'OTHER' && !state.note.trim()) return patch(item.suggestionId, { error: t('sayWhy') });
      patch(item.suggestionId, { isBusy: true, error: null });
      const result = await rejectSuggestion({ suggestionId: item.suggestionId, reason: state.reason, note: state.note });
      if (result.ok) return remove(item.suggestionId, t('rejected', { work: item.work.title }));
      patch(item.suggestionId, { isBusy: false, error: result.error.message });
    },
    [patch, remove, stateOf, t],
  );

  const skip = useCallback(
    (index: number) => {
      if (index + 1 < items.length) select(index + 1);
      else setAnnouncement(t('lastOnPage'));
    },
    [items.length, select, t],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const item = items[selected];
      if (event.key === 'Escape' && item) return patch(item.suggestionId, { mode: 'view', error: null });
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || !item) return;
      const state = stateOf(item.suggestionId);
      const isOwn = item.author?.id === viewerId;
      const key = event.key.toLowerCase();
      const act = (run: () => void) => {
        event.preventDefault();
        run();
      };
      if (key === 'j' || key === 'arrowdown') return act(() => select(Math.min(selected + 1, items.length - 1)));
      if (key === 'k' || key === 'arrowup') return act(() => select(Math.max(selected - 1, 0)));
      if (key === 's') return act(() => skip(selected));
      if (state.mode !== 'view' || state.isBusy || isOwn) return;
      const structure = structureOf(item);
      // A structural change with a reason it cannot be applied now waits; it has no text to edit.
      if (key === 'a' && !(structure && structure.preview.blockers.length > 0)) return act(() => void approve(item));
      if (key === 'r') return act(() => patch(item.suggestionId, { mode: 'reject', error: null }));
      if (key === 'e' && !structure) return act(() => patch(item.suggestionId, { mode: 'edit', editText: item.suggestedText, error: null }));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, selected, stateOf, patch, approve, select, skip, viewerId]);

  return (
    <div className="space-y-4">
      <ul aria-label={t('shortcuts')} className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
        {KEYS.map(([key, alternative, label]) => (
          <li key={key} className="inline-flex items-center gap-1">
            <kbd className="rounded border border-line-strong bg-surface px-1 font-sans">{key}</kbd>
            {alternative && <kbd className="rounded border border-line-strong bg-surface px-1 font-sans">{alternative}</kbd>}
            {t(label)}
          </li>
        ))}
        <li>{t('clickToTurnDown')}</li>
      </ul>
      <p role="status" aria-live="polite" className="sr-only" data-review-announcement="">
        {announcement}
      </p>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line px-4 py-10 text-center text-muted" data-queue-empty="">
          {announcement ? `${announcement} ` : ''}
          {e('reviewQueue')}
        </p>
      ) : (
        <ol className="space-y-4">
          {items.map((item, index) => (
            <li key={item.suggestionId}>
              <SuggestionCard
                item={item}
                state={stateOf(item.suggestionId)}
                isSelected={index === selected}
                isOwn={item.author?.id === viewerId}
                languageName={languageNames[item.language] ?? item.language}
                sourceLanguageName={languageNames[item.work.sourceLanguage] ?? item.work.sourceLanguage}
                languageNames={languageNames}
                onSelect={() => setSelected(index)}
                onChange={(change) => patch(item.suggestionId, change)}
                onApprove={() => void approve(item)}
                onApproveText={(text) => void approve(item, text)}
                onReject={() => void reject(item)}
                onSkip={() => skip(index)}
              />
            </li>
          ))}
        </ol>
      )}
      {loadError && (
        <p role="alert" className="text-sm text-red-800">
          {loadError}
        </p>
      )}
      {next && (
        <Button variant="secondary" onClick={() => void loadMore()}>
          {t('loadMore')}
        </Button>
      )}
    </div>
  );
}
