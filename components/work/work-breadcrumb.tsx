import Link from 'next/link';

/** Library / collection / work: where a tool page of a work stands. */
export function WorkBreadcrumb({ work }: { work: { id: string; title: string; collectionTitle: string } }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-muted">
      <Link href="/" className="hover:text-ink hover:underline">
        Library
      </Link>{' '}
      <span aria-hidden="true">/</span> {work.collectionTitle} <span aria-hidden="true">/</span>{' '}
      <Link href={`/works/${work.id}`} className="hover:text-ink hover:underline">
        {work.title}
      </Link>
    </nav>
  );
}
