/**
 * The machine translation services Interlinear can call, and how their output is labelled
 * wherever it is shown (editor, review queue, history). Universal: the components import it.
 */

/** The services, as stored (`MachineProvider` in the schema). */
export const MACHINE_PROVIDERS = ['DEEPL', 'LIBRETRANSLATE'] as const;
export type MachineProviderId = (typeof MACHINE_PROVIDERS)[number];

/** Each service's name as users read it. */
export const PROVIDER_NAMES: Readonly<Record<MachineProviderId, string>> = { DEEPL: 'DeepL', LIBRETRANSLATE: 'LibreTranslate' };

/** The machine translation the editor offers: the service and its name. */
export interface MachineTranslationOffer {
  provider: MachineProviderId;
  name: string;
}

/** Where a text came from a machine: the service, and whether a person changed its words since. */
export interface MachineOrigin {
  provider: MachineProviderId;
  isEdited: boolean;
}

export function isMachineProvider(value: unknown): value is MachineProviderId {
  return typeof value === 'string' && (MACHINE_PROVIDERS as readonly string[]).includes(value);
}

/** A stored pair of columns (`machine_provider`, `machine_edited`) read as an origin, or null for human text. */
export function machineOriginOf(row: { machineProvider: string | null; isMachineEdited: boolean }): MachineOrigin | null {
  return isMachineProvider(row.machineProvider) ? { provider: row.machineProvider, isEdited: row.isMachineEdited } : null;
}
