import { useTranslations } from 'next-intl';

/** A calm placeholder while a page loads: a few pulsing bars, announced as "Loading". */
export function PageLoading({ label }: { label?: string }) {
  const t = useTranslations('errorPage');
  return (
    <div role="status" aria-live="polite" className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <span className="sr-only">{label ?? t('loading')}</span>
      <div aria-hidden="true" className="animate-pulse space-y-4">
        <div className="h-8 w-2/3 rounded bg-stone-200" />
        <div className="h-4 w-1/3 rounded bg-stone-200" />
        <div className="space-y-2 pt-6">
          <div className="h-4 rounded bg-stone-200" />
          <div className="h-4 rounded bg-stone-200" />
          <div className="h-4 w-5/6 rounded bg-stone-200" />
        </div>
      </div>
    </div>
  );
}
