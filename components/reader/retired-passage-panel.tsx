import Link from 'next/link';

import { buttonClassName } from '../ui/button';

/**
 * What a permalink to a passage a later re-import retired shows instead of the reader: that a
 * cleanup removed it, that nothing was lost, and the way to where it stood.
 */
export function RetiredPassagePanel({ readerUrl }: { readerUrl: string }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center sm:px-6">
      <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">Removed</p>
      <h1 className="mt-2 font-serif text-2xl font-semibold">This passage was removed by a later cleanup</h1>
      <div className="mt-3 text-muted">
        <p>
          The import of this work was run again with other cleanup choices, and they no longer keep this passage (a running header, a page number or
          similar). Its text and history are kept: running the import again with the earlier choices brings it back.
        </p>
      </div>
      <Link href={readerUrl} className={buttonClassName({ variant: 'secondary', className: 'mt-6' })}>
        Read where it stood
      </Link>
    </div>
  );
}
