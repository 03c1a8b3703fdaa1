import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** Links to each managed collection's invitation links and review rules. */
export function CollectionSettingsLinks({ collections }: { collections: { id: string; title: string }[] }) {
  const t = useTranslations('invitations');
  if (collections.length === 0) return null;
  return (
    <nav aria-label={t('settingsNav')} className="mt-8">
      <h2 className="text-sm font-semibold">{t('settingsNav')}</h2>
      <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm">
        {collections.map((collection) => (
          <li key={collection.id}>
            <Link href={`/admin/collections/${collection.id}`} className="font-medium text-accent-700 hover:underline">
              {t('settingsLink', { collection: collection.title })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
