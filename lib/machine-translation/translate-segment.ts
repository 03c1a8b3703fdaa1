import 'server-only';

import { configuredProvider, languagePairsOf } from './configured-provider';
import type { MachineTranslationProvider } from './provider';
import { PROVIDER_NAMES } from './providers';
import type { MachineTranslationInput } from './schemas';
import type { MachineTranslation } from './types';
import { assertCan, actorUserId, type Actor } from '../auth/permissions';
import { counter, counterKey, countAttempt } from '../auth/rate-limiter';
import { liveSegment, liveTextSegmentsOf } from '../auth/scope';
import { MACHINE_TRANSLATION_RATE_LIMIT, MAX_MACHINE_TRANSLATION_CHARS } from '../config/limits';
import { getDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { assertNotContinuation, loadSegmentContext, publishedRevisionOf } from '../segment/segment-context';

export interface TranslateSegmentOptions {
  actor: Actor;
  input: MachineTranslationInput;
  /** The service to ask (default: the configured one; null: machine translation is off). */
  provider?: MachineTranslationProvider | null;
  db?: Db;
}

/**
 * The machine translation of a segment's published source into `lang`, for the editor to insert
 * as the draft (docs/machine-translation.md). Kept in `machine_translation`: the same source
 * revision, language and service are answered from there without asking the service again, and
 * the record is what labels a draft of these words as machine translation when it is submitted.
 * Only for those who may edit the work's texts; each request that reaches the service counts
 * against the account ({@link MACHINE_TRANSLATION_RATE_LIMIT}). Throws NOT_FOUND when no service
 * is configured, for a segment of another work or a retired one, and for a language the work is
 * not translated into; INVALID_INPUT for the source language, a segment without source text or
 * with one too long, and a pair the service does not translate; CONFLICT for a segment whose
 * translation is grouped with a neighbour's (either way); RATE_LIMITED; MACHINE_TRANSLATION_UNAVAILABLE.
 */
export async function translateSegment({ actor, input, provider = configuredProvider(), db = getDb() }: TranslateSegmentOptions): Promise<MachineTranslation> {
  if (!provider) throw new AppError('NOT_FOUND', 'machine.notSetUp');
  const context = await loadSegmentContext(db, input.segment);
  if (context.workId !== input.workId || context.isRetired) throw new AppError('NOT_FOUND', 'segment.notFound');
  assertCan(actor, 'segment.edit', { collectionId: context.collectionId });
  if (input.lang === context.sourceLanguage) throw new AppError('INVALID_INPUT', 'machine.sourceLanguageChosen');
  const isOpen = await db.workLanguage.findUnique({ where: { workId_language: { workId: context.workId, language: input.lang } }, select: { language: true } });
  if (!isOpen) throw new AppError('NOT_FOUND', 'machine.noText', { values: { lang: input.lang } });
  await assertNotContinuation(db, input.segment, input.lang);
  await assertNotGroupHead(db, context.workId, input.segment, input.lang);
  const source = await publishedRevisionOf(db, input.segment, context.sourceLanguage);
  if (!source?.text.trim()) throw new AppError('INVALID_INPUT', 'machine.noSourceText');
  if (source.text.length > MAX_MACHINE_TRANSLATION_CHARS) throw new AppError('INVALID_INPUT', 'machine.sourceTooLong', { values: { max: MAX_MACHINE_TRANSLATION_CHARS } });

  const key = { segmentId: input.segment, language: input.lang, sourceRevisionId: source.id, provider: provider.id };
  const kept = await db.machineTranslation.findUnique({ where: { segmentId_language_sourceRevisionId_provider: key }, select: SELECT });
  if (kept) return kept;

  // A pair the service does not translate is refused before counting: no translation is asked for.
  const codes = provider.codesFor(context.sourceLanguage, input.lang, await languagePairsOf(provider));
  if (!codes) throw new AppError('INVALID_INPUT', 'machine.languagePair', { values: { provider: PROVIDER_NAMES[provider.id], sourceLanguage: context.sourceLanguage, lang: input.lang } });
  const userId = actorUserId(actor);
  if (userId) {
    const allowed = await countAttempt(counter({ name: 'machine-translation', ...MACHINE_TRANSLATION_RATE_LIMIT }), counterKey('machine-translation', userId));
    if (!allowed.isAllowed) throw new AppError('RATE_LIMITED', 'machine.tooMany', { values: { retryAfterSeconds: allowed.retryAfterSeconds }, details: { retryAfterSeconds: allowed.retryAfterSeconds } });
  }
  const [translated = ''] = await provider.translate({ texts: [source.text], source: codes.source, target: codes.target });
  const text = translated.trim();
  if (!text) throw new AppError('MACHINE_TRANSLATION_UNAVAILABLE', 'machine.noTranslation', { values: { provider: PROVIDER_NAMES[provider.id] }, details: { provider: provider.id, reason: 'unavailable' } });

  // Two people asking at once both reach the service; the first answer stored is the one kept.
  await db.machineTranslation.createMany({ data: [{ ...key, text, requestedById: userId }], skipDuplicates: true });
  return db.machineTranslation.findUniqueOrThrow({ where: { segmentId_language_sourceRevisionId_provider: key }, select: SELECT });
}

const SELECT = { id: true, provider: true, text: true, sourceRevisionId: true } as const;

/**
 * Refuses (CONFLICT) a segment whose translation also covers the next segment (a 2–1 group: the
 * next one's text `continues_previous`): its draft translates both source sentences, and a
 * machine translation of the first alone would be a wrong draft, not a starting point.
 */
async function assertNotGroupHead(db: Db, workId: string, segmentId: string, language: string): Promise<void> {
  const segment = await db.segment.findFirst({ where: { id: segmentId, ...liveSegment }, select: { orderKey: true } });
  if (!segment) return;
  const next = await db.segment.findFirst({
    where: { ...liveTextSegmentsOf(workId), orderKey: { gt: segment.orderKey } },
    orderBy: { orderKey: 'asc' },
    select: { texts: { where: { language }, select: { continuesPrevious: true } } },
  });
  if (next?.texts[0]?.continuesPrevious) {
    throw new AppError('CONFLICT', 'machine.pairedSegment', { details: { groupedWithNext: true } });
  }
}
