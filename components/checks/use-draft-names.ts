'use client';

import { useEffect, useState } from 'react';

import { MAX_DRAFT_NAME_TEXTS } from '@/lib/checks/schemas';
import type { NameContext } from '@/lib/checks/types';
import { MAX_NAME_MENTION_TEXT_CHARS } from '@/lib/config/limits';

import { postJson } from '../http/api-request';

/** How long a draft must stay the same before its names are asked for (ms): typing asks nothing. */
const SETTLE_MS = 500;
/** How long asks are gathered into one request (ms): the rows that settled together ask together. */
const GATHER_MS = 50;
/** Drafts' answers kept per work and language, the oldest forgotten first. */
const REMEMBERED = 500;

interface Batcher {
  known: Map<string, NameContext>;
  waiting: Map<string, ((names: NameContext | null) => void)[]>;
  timer: ReturnType<typeof setTimeout> | null;
}

const batchers = new Map<string, Batcher>();

/**
 * Asks the names mentioned in `text` (`POST /api/works/:id/checks/names`), gathering the drafts of
 * every row that settled in the same moment into requests of {@link MAX_DRAFT_NAME_TEXTS}, and
 * remembering the answers: a row scrolled back to, or a draft typed back, asks nothing. Null when
 * the request failed (the names check then says nothing about the draft).
 */
function askNames(workId: string, language: string, text: string): Promise<NameContext | null> {
  const id = `${workId}\u0000${language}`;
  let batcher = batchers.get(id);
  if (!batcher) batchers.set(id, (batcher = { known: new Map(), waiting: new Map(), timer: null }));
  const known = batcher.known.get(text);
  if (known) return Promise.resolve(known);
  const current = batcher;
  return new Promise((resolve) => {
    current.waiting.set(text, [...(current.waiting.get(text) ?? []), resolve]);
    current.timer ??= setTimeout(() => {
      current.timer = null;
      const texts = [...current.waiting.keys()];
      const resolvers = new Map(current.waiting);
      current.waiting.clear();
      for (let start = 0; start < texts.length; start += MAX_DRAFT_NAME_TEXTS) {
        const batch = texts.slice(start, start + MAX_DRAFT_NAME_TEXTS);
        void postJson<{ names: NameContext[] }>(`/api/works/${encodeURIComponent(workId)}/checks/names`, { lang: language, texts: batch }).then((result) => {
          batch.forEach((draft, index) => {
            const names = result.ok ? (result.data.names[index] ?? null) : null;
            if (names) {
              current.known.set(draft, names);
              if (current.known.size > REMEMBERED) current.known.delete(current.known.keys().next().value as string);
            }
            for (const done of resolvers.get(draft) ?? []) done(names);
          });
        });
      }
    }, GATHER_MS);
  });
}

/**
 * The names mentioned in a draft, for the names check: the window's context when it was loaded
 * with this very text, else asked for once the draft has stayed the same for {@link SETTLE_MS}.
 * Null while unknown (and when `known` is null: the window's context has no names to go by, the
 * check being off or the context not loaded yet).
 */
export function useDraftNames({ workId, language, draft, known }: { workId: string; language: string; draft: string; known: NameContext | null | undefined }): NameContext | null {
  const [asked, setAsked] = useState<NameContext | null>(null);
  const isKnown = !known || known.targetText === draft;
  const isAskable = !isKnown && draft.trim() !== '' && draft.length <= MAX_NAME_MENTION_TEXT_CHARS;
  useEffect(() => {
    if (!isAskable) return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      void askNames(workId, language, draft).then((names) => {
        if (isCurrent) setAsked(names);
      });
    }, SETTLE_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [workId, language, draft, isAskable]);
  if (isKnown) return known ?? null;
  return asked && asked.targetText === draft ? asked : null;
}
