import 'server-only';

import { accountIdsIn, type AuditEvent } from './events';
import { safeParseAuditEvent } from './parse-audit-event';
import { auditFilter, type AuditFilter } from './schemas';
import type { AuditLogItem, AuditLogPage } from './types';
import { findCollectionChoices } from '../auth/find-collection-choices';
import { can, canSomewhere, type Actor } from '../auth/permissions';
import { collectionIdInScopeWhere } from '../auth/scope';
import { getDb, type Db, type Prisma } from '../db/client';
import { AppError } from '../errors/app-error';

const DAY_MS = 86_400_000;

/**
 * The audit log, newest first: role changes, approvals, rejections, reverts, imports, … with who
 * did it, where and when, filtered by type prefix, collection, actor and days; keyset pages on
 * (time, id). Site admins read every event (those of no collection too, such as sign-ups);
 * collection admins the events of the collections they administer. Throws INVALID_INPUT (a filter
 * that does not parse, with its issues), UNAUTHENTICATED / FORBIDDEN (no audit.view anywhere, or
 * not for the collection asked for).
 */
export async function findAuditEvents({ actor, filter, db = getDb() }: { actor: Actor; filter: AuditFilter; db?: Db }): Promise<AuditLogPage> {
  const parsed = auditFilter.safeParse(filter);
  // A filter typed into the address bar is answered with what is wrong with it, not an error page.
  if (!parsed.success) throw AppError.invalidInput(parsed.error.issues);
  const { type, collectionId, actorId, actorEmail, from, to, before, limit } = parsed.data;
  if (!canSomewhere(actor, 'audit.view')) throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN', 'audit.adminsOnly');
  if (collectionId && !can(actor, 'audit.view', { collectionId })) throw new AppError('FORBIDDEN', 'audit.notYourCollection');
  const cursor = before ? parseCursor(before) : null;
  const where: Prisma.AuditEventWhereInput = {
    AND: [
      collectionId ? { collectionId } : collectionIdInScopeWhere(actor, 'audit.view'),
      type ? { type: { startsWith: type } } : {},
      actorId ? { actorId } : {},
      actorEmail ? { actor: { email: actorEmail } } : {},
      from || to ? { createdAt: { ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}), ...(to ? { lt: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS) } : {}) } } : {},
      cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {},
    ],
  };
  const [rows, collections] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      select: { id: true, type: true, collectionId: true, workId: true, implicit: true, data: true, createdAt: true, actor: { select: { id: true, name: true } } },
    }),
    findCollectionChoices({ actor, action: 'audit.view', db }),
  ]);
  const page = rows.slice(0, limit);
  const events = page.map(readEvent);
  // The log keeps ids of works and accounts that may be gone since: look up what still exists.
  const workIds = [...new Set(page.flatMap((row) => (row.workId ? [row.workId] : [])))];
  const userIds = [...new Set(events.flatMap((event) => (event ? accountIdsIn(event) : [])))];
  const [works, users] = await Promise.all([
    workIds.length ? db.work.findMany({ where: { id: { in: workIds } }, select: { id: true, title: true } }) : [],
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
  ]);
  const workTitle = new Map(works.map((work) => [work.id, work.title]));
  const collectionTitle = new Map(collections.map((collection) => [collection.id, collection.title]));
  const names = new Map(users.map((user) => [user.id, user.name]));
  const items = page.map(
    (row, index): AuditLogItem => {
      const event = events[index] ?? null;
      return {
        id: row.id,
        type: row.type,
        actor: row.actor,
        collection: row.collectionId ? { id: row.collectionId, title: collectionTitle.get(row.collectionId) ?? null } : null,
        work: row.workId ? { id: row.workId, title: workTitle.get(row.workId) ?? null } : null,
        isImplicit: row.implicit,
        createdAt: row.createdAt.toISOString(),
        event,
        names: Object.fromEntries(
          (event ? accountIdsIn(event) : []).flatMap((userId) => {
            const name = names.get(userId);
            return name === undefined ? [] : [[userId, name]];
          }),
        ),
      };
    },
  );
  const last = page.at(-1);
  return { items, next: rows.length > limit && last ? `${last.createdAt.getTime()}_${last.id}` : null, collections };
}

/** A row's typed event, or null (logged) when its type is unknown or its data damaged: the log still lists it. */
function readEvent(row: { id: string; type: string; data: unknown }): AuditEvent | null {
  const reading = safeParseAuditEvent(row);
  if (reading.isReadable) return reading.event;
  console.error(`[audit] event ${row.id} (${row.type}) cannot be read: ${reading.problem}`);
  return null;
}

function parseCursor(cursor: string): { createdAt: Date; id: string } {
  const [time, id] = cursor.split('_');
  return { createdAt: new Date(Number(time)), id: id ?? '' };
}
