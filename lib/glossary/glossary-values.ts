/**
 * The glossary's picklists as the API, the files and the pages spell them (their labels are in the
 * interface's catalogues: `glossary.status`, `glossary.partOfSpeech`). Pure. The database keeps Prisma's enums
 * (`GlossaryUsage`, `GlossaryPartOfSpeech`); the conversions live here, once.
 */

/** How a translation may be used: TBX's administrative status without its suffix. */
export const TERM_STATUSES = ['preferred', 'admitted', 'forbidden'] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];

/** TBX-Basic's parts of speech. */
export const PARTS_OF_SPEECH = ['noun', 'verb', 'adjective', 'adverb', 'properNoun', 'other'] as const;
export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];

type UsageEnum = 'PREFERRED' | 'ADMITTED' | 'FORBIDDEN';
type PartOfSpeechEnum = 'NOUN' | 'VERB' | 'ADJECTIVE' | 'ADVERB' | 'PROPER_NOUN' | 'OTHER';

const USAGE_OF: Record<TermStatus, UsageEnum> = { preferred: 'PREFERRED', admitted: 'ADMITTED', forbidden: 'FORBIDDEN' };
const PART_OF: Record<PartOfSpeech, PartOfSpeechEnum> = { noun: 'NOUN', verb: 'VERB', adjective: 'ADJECTIVE', adverb: 'ADVERB', properNoun: 'PROPER_NOUN', other: 'OTHER' };

export function usageOf(status: TermStatus): UsageEnum {
  return USAGE_OF[status];
}

export function statusOf(usage: UsageEnum): TermStatus {
  return usage === 'PREFERRED' ? 'preferred' : usage === 'ADMITTED' ? 'admitted' : 'forbidden';
}

export function partOfSpeechEnum(part: PartOfSpeech): PartOfSpeechEnum {
  return PART_OF[part];
}

export function partOfSpeechOf(value: PartOfSpeechEnum | null): PartOfSpeech | null {
  if (value === null) return null;
  return (Object.keys(PART_OF) as PartOfSpeech[]).find((part) => PART_OF[part] === value) ?? null;
}
