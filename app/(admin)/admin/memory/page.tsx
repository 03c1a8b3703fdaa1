import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { languageNames } from '@/components/format/language-name';
import { MemoryExchangePanel } from '@/components/memory/memory-exchange-panel';
import { getActor } from '@/lib/auth/session';
import { findMemoryCollections } from '@/lib/memory/find-memory-collections';

export const metadata: Metadata = { title: 'Translation memory' };
export const dynamic = 'force-dynamic';

/** Download each collection's translation memory as TMX per language pair, and import TMX files into it (its editors and admins). */
export default async function MemoryExchangePage() {
  const actor = await getActor();
  if (actor.kind === 'anonymous') redirect('/sign-in?callbackUrl=/admin/memory');
  const collections = await findMemoryCollections({ actor });
  const names = languageNames([...new Set(collections.flatMap((collection) => collection.pairs.flatMap((pair) => [pair.sourceLanguage, pair.targetLanguage])))]);
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <Link href="/admin" className="text-sm text-muted hover:text-ink hover:underline">
        ← Members and roles
      </Link>
      <h1 className="mt-2 font-serif text-3xl font-semibold tracking-tight">Translation memory</h1>
      <p className="mt-2 text-muted">
        A collection’s memory is every published translation of its works, sentence by sentence, and the memories imported into it. Download it as TMX for
        other translation tools, or import their TMX files: translators then see the imported units among the matches, below the library’s own
        translations.
      </p>
      {collections.length === 0 ? (
        <p className="mt-10 text-muted">Only editors and admins of a collection exchange its translation memory.</p>
      ) : (
        collections.map((collection) => <MemoryExchangePanel key={collection.id} collection={collection} names={names} />)
      )}
    </div>
  );
}
