import { useFormatter, useTranslations } from 'next-intl';

import type { GlossaryProposal } from '@/lib/glossary/types';

import { TranslationList } from './translation-list';
import { Badge } from '../ui/badge';

const STATE_TONES = { PROPOSED: 'accent', APPROVED: 'success', REJECTED: 'warning' } as const;

/** What became of the viewer's proposals: waiting, approved, or turned down with the editor's reason. */
export function OwnProposals({ proposals }: { proposals: readonly GlossaryProposal[] }) {
  const t = useTranslations('glossary.ownProposals');
  const format = useFormatter();
  return (
    <ol className="divide-y divide-line rounded-lg border border-line bg-surface">
      {proposals.map((proposal) => {
        const state = proposal.kind === 'term' ? proposal.term.state : proposal.translation.state;
        const reason = proposal.kind === 'term' ? proposal.term.rejectionReason : proposal.translation.rejectionReason;
        return (
          <li key={`${proposal.kind}:${proposal.id}`} className="space-y-1 p-3 text-sm" data-own-proposal={proposal.id}>
            <p className="flex flex-wrap items-center gap-2">
              <Badge tone={STATE_TONES[state]}>{t(`state.${state}`)}</Badge>
              <span lang={proposal.sourceLanguage} className="font-serif font-semibold">
                {proposal.term.text}
              </span>
              <span className="text-xs text-muted">
                {t('kind', { kind: proposal.kind })} · {format.dateTime(new Date(proposal.proposedAt), { dateStyle: 'medium', timeZone: 'UTC' })}
              </span>
            </p>
            <TranslationList translations={proposal.kind === 'term' ? proposal.term.translations : [proposal.translation]} lang={proposal.targetLanguage} />
            {state === 'REJECTED' && reason && <p className="text-amber-900">{t('reason', { reason })}</p>}
          </li>
        );
      })}
    </ol>
  );
}
