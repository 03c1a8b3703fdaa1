import { useTranslations } from 'next-intl';

import { PROVIDER_NAMES, type MachineOrigin } from '@/lib/machine-translation/providers';

import { Badge } from '../ui/badge';

/**
 * The label of machine output, wherever a text is shown with its origin (the editor's drafts, the
 * review queue, a text's history): "Machine translation (DeepL)", or "…, edited" once a person
 * changed its words.
 */
export function MachineLabel({ origin, className }: { origin: MachineOrigin; className?: string }) {
  const t = useTranslations('machine');
  const service = PROVIDER_NAMES[origin.provider];
  return (
    <Badge
      tone="accent"
      data-machine={origin.provider}
      data-machine-edited={origin.isEdited || undefined}
      title={origin.isEdited ? t('titleEdited', { service }) : t('titleRaw', { service })}
      className={className}
    >
      {t('label', { service, edited: origin.isEdited ? 'yes' : 'no' })}
    </Badge>
  );
}
