import { CHECK_IDS, type CheckSettings } from './types';

// What users are told about each check — its name, what it looks at, why, and how to fix what it
// finds — is in the interface's catalogues (lib/i18n/messages, namespace `checks`: `names`,
// `descriptions`, `why`, `fixes`, keyed by check id), and so are its findings' messages
// (`checks.messages`, rendered by lib/checks/format-finding.ts).

/** The settings of a collection that has changed none: every check on, none blocking. */
export const DEFAULT_CHECK_SETTINGS: CheckSettings = Object.fromEntries(CHECK_IDS.map((id) => [id, { isEnabled: true, isBlocking: false }])) as CheckSettings;
