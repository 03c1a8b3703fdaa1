import Link from 'next/link';

import { buttonClassName } from '../ui/button';
import { Card } from '../ui/card';

/** Why the alignment editor cannot open: not allowed here, or nothing to align yet. */
export function AlignmentNotice({ workId, workTitle, reason }: { workId: string; workTitle: string; reason: 'notAllowed' | 'noTranslation' }) {
  const isNotAllowed = reason === 'notAllowed';
  return (
    <div className="mx-auto max-w-xl px-4 py-16 sm:px-6">
      <Card className="p-8">
        <p className="text-sm text-muted">{workTitle}</p>
        <h1 className="mt-1 font-serif text-2xl font-semibold">{isNotAllowed ? 'Fixing alignments is for editors' : 'No translation to align yet'}</h1>
        {isNotAllowed ? (
          <p className="mt-3 text-muted">
            The editors and administrators of a collection fix how its translations line up with the originals. If you see a misaligned passage, ask an
            administrator to make you an editor of this collection. You can still read the work side by side.
          </p>
        ) : (
          <p className="mt-3 text-muted">
            This work has only its original text. On the work page, open <span className="font-medium text-ink">“Add an existing translation”</span> to bring one in:
            it is aligned automatically, and you can fix the result here.
          </p>
        )}
        <Link href={`/works/${workId}`} className={buttonClassName({ variant: 'secondary', className: 'mt-6' })}>
          Go to the work page
        </Link>
      </Card>
    </div>
  );
}
