import { machineLabel, PROVIDER_NAMES, type MachineOrigin } from '@/lib/machine-translation/providers';

import { Badge } from '../ui/badge';

/**
 * The label of machine output, wherever a text is shown with its origin (the editor's drafts, the
 * review queue, a text's history): "Machine translation (DeepL)", or "…, edited" once a person
 * changed its words.
 */
export function MachineLabel({ origin, className }: { origin: MachineOrigin; className?: string }) {
  const service = PROVIDER_NAMES[origin.provider];
  return (
    <Badge
      tone="accent"
      data-machine={origin.provider}
      data-machine-edited={origin.isEdited || undefined}
      title={origin.isEdited ? `Machine translation by ${service}, changed by a person since.` : `Machine translation by ${service}, as the service gave it.`}
      className={className}
    >
      {machineLabel(origin)}
    </Badge>
  );
}
