import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { PresenceUser } from '@/lib/collab/client/presence';
import type { SaveState } from '@/lib/collab/client/save-state';

import type { EditorCommand } from './keyboard-shortcuts';
import { PresenceAvatars } from './presence-avatars';
import { SaveIndicator } from './save-indicator';
import { ShortcutLegend } from './shortcut-legend';
import { cn } from '../ui/cn';

/** The outcome of the last submission, announced to screen readers too. */
export interface EditorNotice {
  tone: 'info' | 'success' | 'error';
  /** The segment it is about; absent for the whole work. */
  segmentId?: string;
  message: string;
}

const NOTICE_TONES: Record<EditorNotice['tone'], string> = {
  info: 'border-line bg-surface text-ink-soft',
  success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
  error: 'border-red-200 bg-red-50 text-red-900',
};

export interface EditorToolbarProps {
  notice: EditorNotice | null;
  /** Shortcuts of commands the viewer may not use here (publishing, the structure menu), left out of the legend. */
  hiddenShortcuts: readonly EditorCommand[];
  /** Submits every draft marked done (absent for those who may not suggest). */
  onSubmitDone?: () => void;
  saveState: SaveState;
  avatars: PresenceUser[];
  guests: number;
  canEdit: boolean;
  isSignedIn: boolean;
  signInHref: string;
  rowsError: string | null;
}

/**
 * Above the rows: whether drafts are saved, who else is here, how to sign in to edit, and the
 * shortcuts. On a phone it is a one-line strip that stays at the top of the screen while the page
 * scrolls, without the shortcuts (nor on any touch screen).
 */
export function EditorToolbar({ notice, hiddenShortcuts, onSubmitDone, saveState, avatars, guests, canEdit, isSignedIn, signInHref, rowsError }: EditorToolbarProps) {
  const t = useTranslations('editor.editorToolbar');
  return (
    <div data-editor-toolbar="" className="space-y-2 border-y border-line bg-paper py-2.5 phone:sticky phone:top-0 phone:z-20 phone:-mx-3 phone:space-y-0 phone:px-3 phone:py-0">
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2 phone:min-h-11 phone:flex-nowrap phone:gap-x-3">
        <SaveIndicator state={saveState} />
        <PresenceAvatars avatars={avatars} guests={guests} />
        {onSubmitDone && (
          <button type="button" onClick={onSubmitDone} className="ml-auto shrink-0 rounded-md border border-line-strong bg-surface px-3 py-1 text-sm font-medium text-ink shadow-sm hover:bg-stone-50 touch:min-h-11">
            <span className="phone:hidden">{t('submitDone')}</span>
            <span className="hidden phone:inline">{t('submitDoneShort')}</span>
          </button>
        )}
        {!canEdit && (
          <p className="text-sm text-ink-soft">
            {isSignedIn
              ? t('readOnly')
              : t.rich('signInToEdit', {
                  link: (chunks) => (
                    <Link href={signInHref} className="font-medium text-accent-700 underline">
                      {chunks}
                    </Link>
                  ),
                })}
          </p>
        )}
      </div>
      {canEdit && <ShortcutLegend hidden={hiddenShortcuts} className="phone:hidden" />}
      <p role="status" data-editor-notice={notice?.tone} className={notice ? cn('rounded-md border px-3 py-1.5 text-sm phone:mb-1 phone:line-clamp-2 phone:mt-0.5 phone:py-1 phone:text-xs', NOTICE_TONES[notice.tone]) : 'sr-only'}>
        {notice?.message}
      </p>
      {rowsError && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-1.5 text-sm text-red-900">
          {t('rowsError', { error: rowsError })}
        </p>
      )}
    </div>
  );
}
