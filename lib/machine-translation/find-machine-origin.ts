import 'server-only';

import type { Db, MachineProvider } from '../db/client';
import { isUuid } from '../db/uuid';

/** The columns of a suggestion or revision that say its text came from a machine (both false/null for human text). */
export interface MachineColumns {
  machineProvider: MachineProvider | null;
  isMachineEdited: boolean;
}

export const HUMAN_TEXT: MachineColumns = { machineProvider: null, isMachineEdited: false };

/** Machine translations of one text looked at, at most (one per source revision and service: a handful). */
const MAX_CANDIDATES = 200;

/**
 * Whether `text`, submitted for a segment in `language`, came from machine translation
 * (docs/machine-translation.md, "Labelling"). Decided from the records of what the services
 * gave for this segment and language, not from what the browser says:
 *
 * - the words of one of them, white space aside: that service's output, unedited — whatever the
 *   draft claims, so leaving out the draft's mark does not take the label off;
 * - otherwise, when the draft carries the id of one of them (`machineTranslationId`, set when the
 *   editor inserted it): that service's output, edited;
 * - otherwise (or for an empty text): human text.
 *
 * An id of another segment's or language's record, or of none, counts for nothing.
 */
export async function findMachineOrigin(db: Db, { segmentId, language, text, machineTranslationId }: { segmentId: string; language: string; text: string; machineTranslationId?: string | null }): Promise<MachineColumns> {
  const words = normalize(text);
  if (!words) return HUMAN_TEXT;
  const candidates = await db.machineTranslation.findMany({ where: { segmentId, language }, orderBy: { id: 'desc' }, take: MAX_CANDIDATES, select: { id: true, provider: true, text: true } });
  const same = candidates.find((candidate) => candidate.id === machineTranslationId && normalize(candidate.text) === words) ?? candidates.find((candidate) => normalize(candidate.text) === words);
  if (same) return { machineProvider: same.provider, isMachineEdited: false };
  const marked = machineTranslationId && isUuid(machineTranslationId) ? candidates.find((candidate) => candidate.id === machineTranslationId) : undefined;
  return marked ? { machineProvider: marked.provider, isMachineEdited: true } : HUMAN_TEXT;
}

function normalize(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
