import 'server-only';

import { AUDIT_EVENTS, isAuditEventType, type AuditEventInput } from './events';
import type { Db, Prisma } from '../db/client';
import { issuesInLine } from '../errors/issues-in-line';

export type RecordAuditEventOptions = AuditEventInput & {
  /**
   * The transaction of the change the event records, so that both commit or neither. Required:
   * an event written on its own connection could outlive a change that rolled back.
   */
  db: Db;
  /** The account that acted; null for the command line (or an account that is not one yet). */
  actorId: string | null;
  /** A cascade of another action (a collection created on the way by an import) rather than a direct one. */
  implicit?: boolean;
};

/**
 * Writes one audit event of a type of `AUDIT_EVENTS`: its data checked against the type's schema
 * and its collection and work against the type's scope, at compile time through the options' type
 * and again here, so that every stored row reads back. A wrong event is a defect of the caller: a
 * plain Error (INTERNAL over HTTP), which rolls the change back with it. Returns the event's id.
 */
export async function recordAuditEvent(options: RecordAuditEventOptions): Promise<{ id: string }> {
  const { db, actorId, implicit = false, type, data, collectionId, workId } = options;
  // The options' type already refuses all three; this holds for callers that got around it (a cast).
  if (!isAuditEventType(type)) throw new Error(`Unknown audit event type “${type}”.`);
  const { scope, data: schema } = AUDIT_EVENTS[type];
  if ((scope === 'site') !== (collectionId === undefined) || (scope === 'work') !== (workId !== undefined)) {
    throw new Error(`Audit event ${type} is about ${scope === 'site' ? 'no collection or work' : scope === 'collection' ? 'a collection (and no work)' : 'a work and its collection'}.`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new Error(`Audit event ${type} with data of the wrong shape: ${issuesInLine(parsed.error)}`);
  return db.auditEvent.create({
    data: { type, actorId, collectionId: collectionId ?? null, workId: workId ?? null, implicit, data: parsed.data as Prisma.InputJsonValue },
    select: { id: true },
  });
}
