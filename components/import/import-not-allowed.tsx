import Link from 'next/link';

import { buttonClassName } from '../ui/button';
import { Card } from '../ui/card';

/** Told to signed-in volunteers who open the import page: who may import, and how to become one. */
export function ImportNotAllowed() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 sm:px-6">
      <Card className="p-8">
        <h1 className="font-serif text-2xl font-semibold">Importing is for editors</h1>
        <p className="mt-3 text-muted">
          New texts are added by the editors and administrators of a collection. If you have a text that belongs in the library, ask an administrator to
          make you an editor of its collection.
        </p>
        <p className="mt-3 text-muted">You can still read every work, and correct and translate texts.</p>
        <Link href="/" className={buttonClassName({ variant: 'secondary', className: 'mt-6' })}>
          Go to the library
        </Link>
      </Card>
    </div>
  );
}
