'use client';

import type * as Y from 'yjs';

import { initialsOf, type Peer } from '@/lib/collab/client/presence';

import { caretSegments, type RemoteCaret } from './caret-segments';
import { relativeToIndex } from './textarea-binding';
import { cn } from '../ui/cn';

/**
 * Others' carets and selections over a draft's textarea: a mirror with the textarea's box, font
 * and wrapping (`className` must match), its text invisible, with a coloured bar at each caret and
 * a tint over each selection. Positions are Yjs relative positions, resolved in this client's
 * copy of the text, so they are right even before the other's next awareness update arrives.
 */
export function RemoteCarets({ text, draft, peers, className }: { text: Y.Text; draft: string; peers: readonly Peer[]; className: string }) {
  const carets: RemoteCaret[] = [];
  for (const peer of peers) {
    const head = relativeToIndex(peer.head, text);
    if (head === null) continue;
    const anchor = relativeToIndex(peer.anchor, text) ?? head;
    carets.push({ session: peer.session, name: peer.user.name, color: peer.user.color, anchor, head });
  }
  if (carets.length === 0) return null;
  return (
    <div aria-hidden="true" className={cn(className, 'pointer-events-none absolute inset-0 overflow-visible border-transparent bg-transparent whitespace-pre-wrap text-transparent [overflow-wrap:break-word]')}>
      {caretSegments(draft, carets).map((piece, index) =>
        piece.kind === 'text' ? (
          <span key={index} style={piece.highlights.length > 0 ? { backgroundColor: `${piece.highlights[0]}33` } : undefined}>
            {piece.text}
          </span>
        ) : (
          <span key={index} data-remote-caret={piece.name} className="relative -mr-0.5 inline-block h-[1.2em] w-0 border-l-2 align-text-bottom" style={{ borderColor: piece.color }}>
            <span className="absolute -top-3.5 -left-0.5 rounded-sm px-0.5 text-[0.5625rem] leading-3 font-semibold whitespace-nowrap text-white" style={{ backgroundColor: piece.color }}>
              {initialsOf(piece.name)}
            </span>
          </span>
        ),
      )}
      {/* A trailing newline in a textarea opens a line the mirror would otherwise collapse. */}
      {draft.endsWith('\n') && ' '}
    </div>
  );
}
