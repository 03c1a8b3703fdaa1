import Link from 'next/link';

/** The Interlinear word mark: two offset lines, like a text and its translation. */
export function Logo() {
  return (
    <Link href="/" className="group inline-flex items-center gap-2 rounded-md text-ink">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 shrink-0">
        <rect x="2" y="5" width="15" height="3" rx="1.5" className="fill-ink" />
        <rect x="7" y="10.5" width="15" height="3" rx="1.5" className="fill-accent-500" />
        <rect x="2" y="16" width="11" height="3" rx="1.5" className="fill-ink" />
      </svg>
      <span className="font-serif text-lg font-semibold tracking-tight">Interlinear</span>
    </Link>
  );
}
