import Link from 'next/link';

import type { PresenceUser } from '@/lib/collab/client/presence';
import type { SaveState } from '@/lib/collab/client/save-state';

import { PresenceAvatars } from './presence-avatars';
import { SaveIndicator } from './save-indicator';
import { ShortcutLegend } from './shortcut-legend';

export interface EditorToolbarProps {
  saveState: SaveState;
  avatars: PresenceUser[];
  guests: number;
  canEdit: boolean;
  isSignedIn: boolean;
  signInHref: string;
  rowsError: string | null;
}

/** Above the rows: whether drafts are saved, who else is here, how to sign in to edit, and the shortcuts. */
export function EditorToolbar({ saveState, avatars, guests, canEdit, isSignedIn, signInHref, rowsError }: EditorToolbarProps) {
  return (
    <div className="space-y-2 border-y border-line bg-paper py-2.5">
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
        <SaveIndicator state={saveState} />
        <PresenceAvatars avatars={avatars} guests={guests} />
        {!canEdit && (
          <p className="text-sm text-ink-soft">
            {isSignedIn ? (
              'You may read these drafts but not change them.'
            ) : (
              <>
                <Link href={signInHref} className="font-medium text-accent-700 underline">
                  Sign in to edit
                </Link>{' '}
                — you are reading the drafts.
              </>
            )}
          </p>
        )}
      </div>
      {canEdit && <ShortcutLegend />}
      {rowsError && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-1.5 text-sm text-red-900">
          {rowsError} Scroll again to retry.
        </p>
      )}
    </div>
  );
}
