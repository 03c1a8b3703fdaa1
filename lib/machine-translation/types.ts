import type { MachineProviderId } from './providers';

/** A machine translation given to the editor: inserted as the draft, labelled with its service. */
export interface MachineTranslation {
  /** Its record (`machine_translation.id`): the draft carries it, so a submitted draft is labelled. */
  id: string;
  provider: MachineProviderId;
  text: string;
  /** The published source revision translated. */
  sourceRevisionId: string;
}
