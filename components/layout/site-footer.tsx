import Link from 'next/link';

/** A quiet footer saying what the site is. */
export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-line">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-muted sm:px-6">
        Interlinear — texts corrected and translated by volunteers, read side by side with the original.{' '}
        <Link href="/docs/api" className="underline hover:text-ink">
          Public API
        </Link>
      </div>
    </footer>
  );
}
