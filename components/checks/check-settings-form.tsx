'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';

import { CHECK_IDS, type CheckSettings } from '@/lib/checks/types';

import { saveCheckSettings } from './checks-api';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

/**
 * One collection's quality checks: each on or off, and blocking or not (a draft with an
 * undismissed finding of a blocking check cannot be submitted), with what each checks.
 */
export function CheckSettingsForm({ collection, settings: initial }: { collection: { id: string; title: string }; settings: CheckSettings }) {
  const t = useTranslations('checks');
  const [settings, setSettings] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const isChanged = CHECK_IDS.some((id) => settings[id].isEnabled !== saved[id].isEnabled || settings[id].isBlocking !== saved[id].isBlocking);
  const set = (id: (typeof CHECK_IDS)[number], change: Partial<CheckSettings[typeof id]>) => {
    setState({ kind: 'idle' });
    setSettings((current) => {
      const next = { ...current[id], ...change };
      return { ...current, [id]: { isEnabled: next.isEnabled, isBlocking: next.isEnabled && next.isBlocking } };
    });
  };

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setState({ kind: 'busy' });
    const result = await saveCheckSettings({ collectionId: collection.id, settings: CHECK_IDS.map((check) => ({ check, ...settings[check] })) });
    if (!result.ok) return setState({ kind: 'error', message: result.error.message });
    setSettings(result.data);
    setSaved(result.data);
    setState({ kind: 'done' });
  }

  const headingId = `checks-${collection.id}`;
  return (
    <section aria-labelledby={headingId} className="mt-8 rounded-lg border border-line bg-surface p-4" data-check-settings={collection.id}>
      <h2 id={headingId} className="font-serif text-xl font-semibold">
        {collection.title}
      </h2>
      <form onSubmit={(event) => void handleSubmit(event)} className="mt-3">
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs tracking-wide text-muted uppercase">
              <th className="py-2 pr-3 font-semibold">{t('settings.check')}</th>
              <th className="px-2 py-2 text-center font-semibold">{t('settings.on')}</th>
              <th className="px-2 py-2 text-center font-semibold">{t('settings.blocking')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {CHECK_IDS.map((id) => (
              <tr key={id} data-check={id}>
                <td className="py-2 pr-3 align-top">
                  <p className="font-medium">{t(`names.${id}`)}</p>
                  <p className="text-muted">{t(`descriptions.${id}`)}</p>
                </td>
                <td className="px-2 py-2 text-center align-top">
                  <input type="checkbox" aria-label={t('settings.onLabel', { check: t(`names.${id}`) })} checked={settings[id].isEnabled} onChange={(event) => set(id, { isEnabled: event.target.checked })} className="size-4" />
                </td>
                <td className="px-2 py-2 text-center align-top">
                  <input type="checkbox" aria-label={t('settings.blockingLabel', { check: t(`names.${id}`) })} checked={settings[id].isBlocking} disabled={!settings[id].isEnabled} onChange={(event) => set(id, { isBlocking: event.target.checked })} className="size-4" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="mt-3 flex items-center gap-3">
          <Button type="submit" disabled={!isChanged || state.kind === 'busy'}>
            {state.kind === 'busy' ? t('settings.saving') : t('settings.save')}
          </Button>
          {state.kind === 'done' && <span role="status" className="text-sm text-green-800">{t('settings.saved')}</span>}
        </div>
        {state.kind === 'error' && (
          <Alert tone="error" className="mt-3">
            {state.message}
          </Alert>
        )}
      </form>
    </section>
  );
}
