'use client';

import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';

import type { GlossaryProposal } from '@/lib/glossary/types';

import { decideProposal } from './glossary-api';
import { TranslationList } from './translation-list';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Input } from '../ui/input';

/** The proposals waiting for a decision, each approved or turned down (with a reason its author reads). */
export function ProposalReview({ collectionId, proposals, names }: { collectionId: string; proposals: readonly GlossaryProposal[]; names: Record<string, string> }) {
  const t = useTranslations('glossary.proposalReview');
  if (proposals.length === 0) return <p className="text-sm text-muted">{t('none')}</p>;
  return (
    <ol className="divide-y divide-line rounded-lg border border-line bg-surface">
      {proposals.map((proposal) => (
        <ProposalItem key={`${proposal.kind}:${proposal.id}`} collectionId={collectionId} proposal={proposal} names={names} />
      ))}
    </ol>
  );
}

function ProposalItem({ collectionId, proposal, names }: { collectionId: string; proposal: GlossaryProposal; names: Record<string, string> }) {
  const t = useTranslations('glossary.proposalReview');
  const format = useFormatter();
  const router = useRouter();
  const id = useId();
  const [reason, setReason] = useState('');
  const [isRejecting, setRejecting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const decide = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    setError(null);
    const result = await decideProposal(collectionId, { kind: proposal.kind, id: proposal.id, decision, reason });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    router.refresh();
  };
  const pair = `${names[proposal.sourceLanguage] ?? proposal.sourceLanguage} → ${names[proposal.targetLanguage] ?? proposal.targetLanguage}`;
  return (
    <li className="space-y-2 p-4" data-glossary-proposal={proposal.id}>
      <p className="text-xs text-muted">
        {t('kind', { kind: proposal.kind })} · {pair} · {proposal.proposedBy ?? t('formerAccount')} · {format.dateTime(new Date(proposal.proposedAt), { dateStyle: 'medium', timeZone: 'UTC' })}
      </p>
      <p>
        <span lang={proposal.sourceLanguage} className="font-serif text-lg font-semibold">{proposal.term.text}</span>
        {proposal.kind === 'term' && proposal.term.note && <span className="ml-2 text-sm text-muted">{proposal.term.note}</span>}
      </p>
      <TranslationList translations={proposal.kind === 'term' ? proposal.term.translations : [proposal.translation]} lang={proposal.targetLanguage} />
      {proposal.kind === 'translation' && proposal.term.translations.length > 0 && (
        <p className="text-xs text-muted">{t('inGlossary', { list: proposal.term.translations.map((translation) => translation.text).join(', ') })}</p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" disabled={isBusy} onClick={() => void decide('approve')}>
          {t('approve')}
        </Button>
        {isRejecting ? (
          <form className="flex flex-1 flex-wrap items-center gap-2" onSubmit={(event) => { event.preventDefault(); void decide('reject'); }}>
            <label htmlFor={`${id}-reason`} className="sr-only">{t('whyLabel')}</label>
            <Input id={`${id}-reason`} value={reason} maxLength={500} placeholder={t('whyPlaceholder')} onChange={(event) => setReason(event.target.value)} className="min-w-0 flex-1" autoFocus />
            <Button type="submit" size="sm" variant="danger" disabled={isBusy || reason.trim() === ''}>
              {t('turnDown')}
            </Button>
          </form>
        ) : (
          <Button size="sm" variant="secondary" onClick={() => setRejecting(true)}>
            {t('turnDownOpen')}
          </Button>
        )}
      </div>
      {error && <Alert tone="error">{error}</Alert>}
    </li>
  );
}
