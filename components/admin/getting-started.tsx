import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { GettingStarted as GettingStartedState, GettingStartedStep } from '@/lib/membership/getting-started';

import { GettingStartedToggle, type ToggleAction } from './getting-started-toggle';

/** Where each step is done. */
function stepHref(step: GettingStartedStep, collectionId: string | null): string {
  if (step === 'collection') return '/admin#new-collection-title';
  if (step === 'text') return '/import';
  if (!collectionId) return '/admin#new-collection-title';
  return `/admin/collections/${collectionId}#${step === 'invite' ? 'invitations' : 'review-rules'}`;
}

/**
 * The getting-started checklist of a site administrator: each step of a new site's first run,
 * ticked when the database shows it done, with a link to where it is done; put away with a button
 * (and brought back the same way).
 */
export function GettingStarted({ state, toggleAction }: { state: GettingStartedState; toggleAction: ToggleAction }) {
  const t = useTranslations('gettingStarted');
  if (state.isDismissed) {
    return (
      <div className="mt-6 text-sm">
        <GettingStartedToggle action={toggleAction} isDismissed />
      </div>
    );
  }
  const doneCount = state.steps.filter((step) => step.isDone).length;
  return (
    <section aria-labelledby="getting-started-title" className="mt-8 rounded-lg border border-accent-200 bg-surface p-5 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="getting-started-title" className="font-serif text-xl font-semibold">
          {t('title')}
        </h2>
        <span className="text-sm text-muted">{t('progress', { done: doneCount, total: state.steps.length })}</span>
      </div>
      <p className="mt-1 text-sm text-muted">{t('intro')}</p>
      <ol className="mt-4 space-y-3">
        {state.steps.map(({ step, isDone }) => (
          <li key={step} className="flex gap-3" data-step={step} data-done={isDone}>
            <span aria-hidden="true" className={isDone ? 'font-semibold text-emerald-700' : 'text-muted'}>
              {isDone ? '✓' : '○'}
            </span>
            <div className="min-w-0">
              <Link href={stepHref(step, state.collection?.id ?? null)} className="font-medium text-accent-700 hover:underline">
                {t(`steps.${step}.title`)}
              </Link>
              <span className="sr-only">{isDone ? t('done') : t('notDone')}</span>
              <p className="text-sm text-muted">{t(`steps.${step}.hint`)}</p>
            </div>
          </li>
        ))}
      </ol>
      {doneCount === state.steps.length && <p className="mt-4 text-sm text-emerald-800">{t('allDone')}</p>}
      <div className="mt-4 border-t border-line pt-3 text-sm">
        <GettingStartedToggle action={toggleAction} isDismissed={false} />
      </div>
    </section>
  );
}
