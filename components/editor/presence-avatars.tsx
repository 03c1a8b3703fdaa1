import { useTranslations } from 'next-intl';

import { initialsOf, type PresenceUser } from '@/lib/collab/client/presence';

import { cn } from '../ui/cn';

/** One person as a coloured circle with their initials (their name on hover and for screen readers). */
export function Avatar({ user, size = 'md', className }: { user: PresenceUser; size?: 'sm' | 'md'; className?: string }) {
  return (
    <span
      title={user.name}
      data-presence-avatar={user.name}
      className={cn('inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-white ring-2 ring-paper select-none', size === 'sm' ? 'h-5 w-5 text-[0.625rem]' : 'h-7 w-7 text-xs', className)}
      style={{ backgroundColor: user.color }}
    >
      <span aria-hidden="true">{initialsOf(user.name)}</span>
      <span className="sr-only">{user.name}</span>
    </span>
  );
}

/** Everyone else in this work's editor now, overlapping a little, with a count of guests reading along. */
export function PresenceAvatars({ avatars, guests }: { avatars: PresenceUser[]; guests: number }) {
  const t = useTranslations('editor.presenceAvatars');
  if (avatars.length === 0 && guests === 0) return <p className="text-sm text-muted phone:hidden">{t('nobody')}</p>;
  return (
    <div className="flex min-w-0 items-center gap-2" aria-label={t('label')}>
      <ul className="flex -space-x-1.5">
        {avatars.map((user) => (
          <li key={user.id}>
            <Avatar user={user} />
          </li>
        ))}
      </ul>
      {guests > 0 && <span className="text-xs text-muted">{t('guests', { count: guests })}</span>}
    </div>
  );
}
