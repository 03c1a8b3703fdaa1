import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** The header's link to one's notifications: a bell with the number unread, spelled out for screen readers. */
export function NotificationsLink({ unread }: { unread: number }) {
  const label = useTranslations('header')('notifications', { unread });
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-unread={unread}
      className="relative inline-flex size-8 items-center justify-center rounded-md text-muted transition-colors hover:bg-stone-100 hover:text-ink"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" className="size-5">
        <path d="M5 8a5 5 0 0 1 10 0c0 4 1.5 5.5 1.5 5.5h-13S5 12 5 8Z" />
        <path d="M8.5 16.5a1.7 1.7 0 0 0 3 0" />
      </svg>
      {unread > 0 && (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -right-0.5 min-w-[1.125rem] rounded-full bg-accent-700 px-1 text-center text-[0.6875rem] leading-[1.125rem] font-semibold text-white tabular-nums"
        >
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
