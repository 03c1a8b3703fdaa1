import Link from 'next/link';

import { buttonClassName } from '../ui/button';

/** What a printed page's address shows when the work has no such page: why, and the way to the work. */
export function MissingPagePanel({ message, workUrl }: { message: string; workUrl: string }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center sm:px-6">
      <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">No such page</p>
      <h1 className="mt-2 font-serif text-2xl font-semibold">This page is not in the work</h1>
      <p className="mt-3 text-muted">{message}</p>
      <Link href={workUrl} className={buttonClassName({ variant: 'secondary', className: 'mt-6' })}>
        About this work
      </Link>
    </div>
  );
}
