import 'server-only';

import { checkReportFormToken, reporterKeyFor } from './report-secrets';
import { reportTargetLock } from './report-target-lock';
import { REPORT_HONEYPOT_FIELD, reportInput, type ReportInput } from './schemas';
import { assertCan, actorUserId, type Actor } from '../auth/permissions';
import { liveSegment } from '../auth/scope';
import { REPORT_RATE_LIMITS } from '../config/limits';
import { getDb, withTransaction, type Db, type Prisma } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { fieldMessage, waitSeconds } from '../errors/error-text';

export interface CreateReportOptions {
  actor: Actor;
  input: ReportInput;
  /** The reporter's network address (lib/http/client-address.ts); hashed, never stored. */
  clientAddress: string;
  now?: Date;
  db?: Db;
}

/**
 * What happened to a report. `isStored` is false for submissions caught by the spam trap: callers
 * answer them exactly like stored ones, so a robot learns nothing from the answer. A stored report
 * on a text already reported and still open names the report it was merged into
 * (`duplicateOfId`); callers answer that like any other too, or the answer would tell whether an
 * earlier submission was trapped.
 */
export type CreateReportOutcome = { isStored: true; reportId: string; duplicateOfId: string | null } | { isStored: false };

/**
 * Records a reader's error report on a segment, for the editors' queue. Open to anonymous
 * readers, so: a filled hidden field, or a form sent sooner than a person could (or with a forged
 * token) stores nothing; reports are rate-limited per reporter (account, or salted hash of the
 * address) in windows of REPORT_RATE_LIMITS, counted under a per-reporter advisory lock so
 * concurrent requests cannot both take the last place. The quoted text is the one the reader
 * sent when this text really was published at some point, else the text published now. A report
 * on the same segment, language and text seen as an open report is merged into it (the oldest
 * such): editors handle the text once, with every reporter's message; see {@link reportTargetLock}.
 * Throws INVALID_INPUT (expired form), NOT_FOUND (segment, or a language the work is not read
 * in), RATE_LIMITED (with `retryAfterSeconds`).
 */
export async function createReport({ actor, input, clientAddress, now = new Date(), db = getDb() }: CreateReportOptions): Promise<CreateReportOutcome> {
  assertCan(actor, 'report.create');
  const result = reportInput.safeParse(input);
  if (!result.success) throw AppError.invalidInput(result.error.issues, 'report.invalid');
  const parsed = result.data;
  const form = checkReportFormToken({ token: parsed.formToken, now });
  if (form === 'expired') {
    throw new AppError('INVALID_INPUT', 'report.formExpired', { details: { formToken: [fieldMessage('field.expired')] } });
  }
  if (parsed[REPORT_HONEYPOT_FIELD].trim() !== '' || form !== 'valid') return { isStored: false };

  const target = await loadTarget(db, parsed.segmentId, parsed.language);
  const reporterKey = reporterKeyFor({ actor, address: clientAddress });
  return withTransaction(db, async (tx) => {
    // One reporter's reports are counted and inserted one at a time: count-then-insert is safe.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`reader_report:${reporterKey}`}, 0))`;
    await assertWithinRateLimits(tx, reporterKey, now);
    const quotedText = await quotedTextOf(tx, target, parsed.quotedText);
    // Taken after the reporter's lock, never before it: no two requests wait on each other in turn.
    await reportTargetLock(tx, parsed.segmentId, parsed.language);
    const open = await tx.readerReport.findFirst({
      where: { segmentId: parsed.segmentId, language: parsed.language, quotedText, status: 'OPEN', duplicateOfId: null },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    const report = await tx.readerReport.create({
      data: {
        segmentId: parsed.segmentId,
        workId: target.workId,
        collectionId: target.collectionId,
        language: parsed.language,
        quotedText,
        message: parsed.message,
        reporterId: actorUserId(actor),
        reporterKey,
        duplicateOfId: open?.id ?? null,
        createdAt: now,
      },
      select: { id: true },
    });
    return { isStored: true, reportId: report.id, duplicateOfId: open?.id ?? null };
  });
}

interface ReportTarget {
  workId: string;
  collectionId: string;
  segmentTextId: string | null;
  publishedText: string;
}

/** The segment reported on. A passage a re-import retired is no longer in the reader: NOT_FOUND, like a deleted one. */
async function loadTarget(db: Db, segmentId: string, language: string): Promise<ReportTarget> {
  const segment = isUuid(segmentId)
    ? await db.segment.findUnique({
        where: { id: segmentId, ...liveSegment },
        select: {
          kind: true,
          work: { select: { id: true, collectionId: true, languages: { where: { language }, select: { language: true } } } },
          texts: { where: { language }, select: { id: true, publishedRevision: { select: { text: true } } } },
        },
      })
    : null;
  if (!segment || segment.kind === 'PARAGRAPH') throw new AppError('NOT_FOUND', 'report.passageGone');
  if (segment.work.languages.length === 0) throw new AppError('NOT_FOUND', 'report.notReadIn', { values: { language } });
  const text = segment.texts[0];
  return { workId: segment.work.id, collectionId: segment.work.collectionId, segmentTextId: text?.id ?? null, publishedText: text?.publishedRevision?.text ?? '' };
}

/**
 * The reader may have loaded the page before the text changed: keep what they saw when it is a
 * revision of this text, so editors see the words the report is about; never store other text.
 */
async function quotedTextOf(tx: Prisma.TransactionClient, target: ReportTarget, seen: string | undefined): Promise<string> {
  if (seen === undefined || seen === target.publishedText || !target.segmentTextId) return target.publishedText;
  const revision = await tx.revision.findFirst({ where: { segmentTextId: target.segmentTextId, text: seen }, select: { id: true } });
  return revision ? seen : target.publishedText;
}

async function assertWithinRateLimits(tx: Prisma.TransactionClient, reporterKey: string, now: Date): Promise<void> {
  const longest = Math.max(...REPORT_RATE_LIMITS.map((limit) => limit.windowSeconds));
  const most = Math.max(...REPORT_RATE_LIMITS.map((limit) => limit.max));
  // The newest reports of the longest window, newest first (index on reporter_key, created_at).
  const recent = await tx.readerReport.findMany({
    where: { reporterKey, createdAt: { gt: new Date(now.getTime() - longest * 1000) } },
    orderBy: { createdAt: 'desc' },
    take: most,
    select: { createdAt: true },
  });
  let retryAt = 0;
  let exceeded: (typeof REPORT_RATE_LIMITS)[number] | null = null;
  for (const limit of REPORT_RATE_LIMITS) {
    const windowStart = now.getTime() - limit.windowSeconds * 1000;
    const inWindow = recent.filter((report) => report.createdAt.getTime() > windowStart);
    if (inWindow.length < limit.max) continue;
    // A place frees up when the max-th newest report of the window leaves it.
    const freedAt = (inWindow[limit.max - 1]?.createdAt.getTime() ?? now.getTime()) + limit.windowSeconds * 1000;
    if (freedAt > retryAt) {
      retryAt = freedAt;
      exceeded = limit;
    }
  }
  if (!exceeded) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000));
  throw new AppError('RATE_LIMITED', 'report.tooMany', { values: { max: exceeded.max, window: waitSeconds(exceeded.windowSeconds), wait: waitSeconds(retryAfterSeconds) }, details: { retryAfterSeconds, retryAt: new Date(retryAt).toISOString() } });
}
