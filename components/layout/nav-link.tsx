'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

import { cn } from '../ui/cn';

/** A header link marked as current (`aria-current="page"`) on its own section. */
export function NavLink({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  const pathname = usePathname();
  const isCurrent = href === '/' ? pathname === '/' || pathname.startsWith('/works') : pathname.startsWith(href);
  return (
    <Link
      href={href}
      aria-current={isCurrent ? 'page' : undefined}
      className={cn(
        'rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors',
        isCurrent ? 'bg-stone-100 text-ink' : 'text-muted hover:bg-stone-100 hover:text-ink',
        className,
      )}
    >
      {children}
    </Link>
  );
}
