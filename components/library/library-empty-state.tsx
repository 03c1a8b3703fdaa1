import Link from 'next/link';

import type { Viewer } from '../layout/viewer';
import { buttonClassName } from '../ui/button';
import { Card } from '../ui/card';

/** What an empty library says: how to import (for those who may), or how to get there. */
export function LibraryEmptyState({ viewer }: { viewer: Viewer | null }) {
  return (
    <Card className="mx-auto max-w-xl p-8 text-center">
      <h2 className="font-serif text-xl font-semibold">The library is empty</h2>
      {viewer?.canImport ? (
        <>
          <p className="mt-2 text-muted">
            Import a plain-text or Markdown file to add the first work. It is split into headings, paragraphs and sentences, ready to be corrected and
            translated.
          </p>
          <Link href="/import" className={buttonClassName({ className: 'mt-6' })}>
            Import a text
          </Link>
        </>
      ) : viewer ? (
        <p className="mt-2 text-muted">No works have been imported yet. An editor or administrator can import the first one.</p>
      ) : (
        <>
          <p className="mt-2 text-muted">No works have been imported yet. The administrator of a new site is set up with the link the server prints when it starts.</p>
          <Link href="/sign-in?callbackUrl=/import" className={buttonClassName({ variant: 'secondary', className: 'mt-6' })}>
            Sign in to import
          </Link>
        </>
      )}
    </Card>
  );
}
