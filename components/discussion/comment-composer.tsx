'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

import { MAX_COMMENT_CHARS } from '@/lib/config/limits';
import { decodeMentions, encodeMentions, mentionQueryAt, type Mention } from '@/lib/discussion/mentions';
import type { MentionableUser } from '@/lib/discussion/types';

import { fetchMentionable } from './discussion-api';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { CONTROL_CLASS_NAME } from '../ui/input';
import { Label } from '../ui/label';

export interface CommentComposerProps {
  segmentId: string;
  label: string;
  submitLabel: string;
  /** A stored body to edit (mention tokens are shown as `@Name`). */
  initialBody?: string;
  placeholder?: string;
  rows?: number;
  autoFocus?: boolean;
  /** Sends the body (mentions as tokens); resolves to an error message, or null when it was saved. */
  onSubmit: (body: string) => Promise<string | null>;
  onCancel?: () => void;
}

/** How long typing after `@` pauses before people are looked up. */
const LOOKUP_DELAY_MS = 150;

/**
 * A comment box with mention autocomplete: typing `@` and part of a name lists the people who can
 * be mentioned; ↑/↓ move, Enter or Tab picks, Escape closes. Picked people show as `@Name` and
 * are sent as `@[Name](id)` tokens. Ctrl/⌘+Enter sends.
 */
export function CommentComposer({ segmentId, label, submitLabel, initialBody = '', placeholder, rows = 3, autoFocus = false, onSubmit, onCancel }: CommentComposerProps) {
  const t = useTranslations('discussion.composer');
  const id = useId();
  const listId = `${id}-mentions`;
  const [initial] = useState(() => decodeMentions(initialBody));
  const [text, setText] = useState(initial.text);
  const [mentions, setMentions] = useState<Mention[]>(initial.mentions);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [options, setOptions] = useState<MentionableUser[]>([]);
  const [activeIndex, setActiveIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const isListOpen = query !== null && options.length > 0;

  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetchMentionable(segmentId, query.query, controller.signal).then(
        (users) => {
          setOptions(users);
          setActiveIndex(0);
        },
        () => undefined,
      );
    }, LOOKUP_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [segmentId, query]);

  const updateQuery = (value: string, caret: number) => {
    const next = mentionQueryAt(value, caret);
    setQuery((previous) => (previous?.start === next?.start && previous?.query === next?.query ? previous : next));
    if (next === null) setOptions([]);
  };

  const pick = (user: MentionableUser) => {
    const textarea = textareaRef.current;
    if (!query || !textarea) return;
    const caret = textarea.selectionStart;
    const inserted = `@${user.name} `;
    const value = `${text.slice(0, query.start)}${inserted}${text.slice(caret)}`;
    setText(value);
    setMentions((previous) => (previous.some((mention) => mention.userId === user.id) ? previous : [...previous, { userId: user.id, name: user.name }]));
    setQuery(null);
    setOptions([]);
    const position = query.start + inserted.length;
    requestAnimationFrame(() => {
      textarea.focus();
      textarea.setSelectionRange(position, position);
    });
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (isSending) return;
    if (!text.trim()) {
      setError(t('empty'));
      return;
    }
    setIsSending(true);
    setError(null);
    const failure = await onSubmit(encodeMentions(text, mentions));
    setIsSending(false);
    if (failure) {
      setError(failure);
      return;
    }
    setText('');
    setMentions([]);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isListOpen) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setActiveIndex((index) => (index + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        const user = options[activeIndex];
        if (user) pick(user);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setQuery(null);
        setOptions([]);
        return;
      }
    }
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };

  const remaining = MAX_COMMENT_CHARS - text.trim().length;
  const hintId = `${id}-hint`;
  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-2">
      <Label htmlFor={`${id}-body`} className="sr-only">
        {label}
      </Label>
      <div className="relative">
        <textarea
          ref={textareaRef}
          className={cn(CONTROL_CLASS_NAME, 'leading-relaxed')}
          id={`${id}-body`}
          rows={rows}
          value={text}
          placeholder={placeholder}
          autoFocus={autoFocus}
          maxLength={MAX_COMMENT_CHARS + 200}
          role="combobox"
          aria-expanded={isListOpen}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={isListOpen ? `${listId}-${activeIndex}` : undefined}
          aria-describedby={hintId}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setText(event.target.value);
            updateQuery(event.target.value, event.target.selectionStart);
          }}
          onSelect={(event) => updateQuery(event.currentTarget.value, event.currentTarget.selectionStart)}
          onBlur={() => setTimeout(() => setQuery(null), 100)}
          onKeyDown={handleKeyDown}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={t('mentionList')}
          hidden={!isListOpen}
          className="absolute top-full left-0 z-20 mt-1 max-h-56 w-64 overflow-y-auto rounded-md border border-line bg-surface py-1 text-sm shadow-lg"
        >
          {options.map((user, index) => (
            <li
              key={user.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(user);
              }}
              onMouseEnter={() => setActiveIndex(index)}
              className={cn('cursor-pointer px-3 py-1.5', index === activeIndex ? 'bg-accent-50 text-accent-800' : 'text-ink')}
            >
              {user.name}
            </li>
          ))}
        </ul>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={hintId} className={cn('text-xs', remaining < 0 ? 'text-red-700' : 'text-muted')}>
          {t('hint', { isNear: remaining < 200 ? 'yes' : 'no', remaining })}
        </p>
        <div className="flex gap-2">
          {onCancel && (
            <Button variant="ghost" size="sm" onClick={onCancel} disabled={isSending}>
              {t('cancel')}
            </Button>
          )}
          <Button type="submit" size="sm" disabled={isSending}>
            {isSending ? t('sending') : submitLabel}
          </Button>
        </div>
      </div>
    </form>
  );
}
