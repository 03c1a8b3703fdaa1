import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';

import { loadVolume } from '@/app/_lib/load-volume';
import { DownloadMenu } from '@/components/export/download-menu';
import { languageLabel } from '@/components/format/language-name';
import { VolumeContents } from '@/components/library/volume-contents';

type Props = { params: Promise<{ volumeId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const volume = await loadVolume((await params).volumeId);
  return { title: volume.title, description: [volume.author, volume.dateText, volume.sourceEdition].filter(Boolean).join(', ') || undefined };
}

/** A volume's contents: its works in printed order, with its front and back matter; the whole volume to download. */
export default async function VolumePage({ params }: Props) {
  const volume = await loadVolume((await params).volumeId);
  const byline = [volume.author, volume.dateText].filter(Boolean).join(' · ');
  const [t, locale] = await Promise.all([getTranslations('work'), getLocale()]);
  // The originals' languages first, then every translation any of its works has.
  const entries = volume.works.flatMap((work) => work.languages);
  const tags = [...new Set([...entries.filter((entry) => entry.isSource), ...entries].map((entry) => entry.language))];
  return (
    <article className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <nav aria-label={t('breadcrumb')} className="text-sm text-muted">
        <Link href="/" className="hover:text-ink hover:underline">{t('library')}</Link> <span aria-hidden="true">/</span> {volume.collection.title}
      </nav>
      <h1 className="mt-2 font-serif text-3xl font-semibold tracking-tight text-balance sm:text-4xl">{volume.title}</h1>
      {byline && <p className="mt-2 text-lg text-muted">{byline}</p>}
      {volume.sourceEdition && volume.sourceEdition !== volume.title && <p className="mt-1 text-muted">{volume.sourceEdition}</p>}
      {tags.length > 0 && (
        <div className="mt-6 max-w-xs">
          <DownloadMenu action={`/api/volumes/${volume.id}/export`} languages={tags.map((tag) => ({ tag, name: languageLabel(tag, locale) }))} isVolume />
        </div>
      )}
      <h2 className="mt-8 mb-3 font-serif text-xl font-semibold">{t('contents')}</h2>
      <VolumeContents works={volume.works} />
    </article>
  );
}
