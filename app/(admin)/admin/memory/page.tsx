import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';

import { languageNames } from '@/components/format/language-name';
import { MemoryExchangePanel } from '@/components/memory/memory-exchange-panel';
import { getActor } from '@/lib/auth/session';
import { findMemoryCollections } from '@/lib/memory/find-memory-collections';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.memory');
  return { title: t('title') };
}

export const dynamic = 'force-dynamic';

/** Download each collection's translation memory as TMX per language pair, and import TMX files into it (its editors and admins). */
export default async function MemoryExchangePage() {
  const actor = await getActor();
  if (actor.kind === 'anonymous') redirect('/sign-in?callbackUrl=/admin/memory');
  const [collections, t, locale] = await Promise.all([findMemoryCollections({ actor }), getTranslations('admin'), getLocale()]);
  const names = languageNames([...new Set(collections.flatMap((collection) => collection.pairs.flatMap((pair) => [pair.sourceLanguage, pair.targetLanguage])))], locale);
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <Link href="/admin" className="text-sm text-muted hover:text-ink hover:underline">
        {t('backToMembers')}
      </Link>
      <h1 className="mt-2 font-serif text-3xl font-semibold tracking-tight">{t('memory.title')}</h1>
      <p className="mt-2 text-muted">
        {t('memory.intro')}
      </p>
      {collections.length === 0 ? (
        <p className="mt-10 text-muted">{t('memory.none')}</p>
      ) : (
        collections.map((collection) => <MemoryExchangePanel key={collection.id} collection={collection} names={names} />)
      )}
    </div>
  );
}
