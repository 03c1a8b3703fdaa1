import 'server-only';

import { can, type Action, type Actor } from './permissions';
import { Prisma } from '../db/client';

/**
 * Where-builders: what an actor may see or act on, and what exists at all for reading and
 * editing, as Prisma `where` fragments and SQL conditions. Read paths take their conditions from
 * here instead of writing them by hand, so each rule lives in one place:
 *
 * - collections: where an actor may perform an action, from the one permission table
 *   (lib/auth/permissions.ts);
 * - live segments: a segment a re-import retired is out of reading, editing, review, export and
 *   progress, kept only for its history (docs/import.md). Every query on segments under lib/ uses
 *   the live condition below or says why not with a `// all segments: <why>` comment; a test
 *   reads every file to hold that (test/unit/auth/live-segment-queries.test.ts).
 */

/**
 * The collections where `actor` may perform `action`: `'all'` when it may everywhere (site
 * admins, the command line, and actions every signed-in role or everyone may do), else the ids
 * of the memberships that grant it. Deny by default: anonymous actors and members without the
 * role get none.
 */
export function collectionIdsInScope(actor: Actor, action: Action): 'all' | string[] {
  if (can(actor, action)) return 'all';
  if (actor.kind !== 'user') return [];
  return [...actor.memberships.keys()].filter((collectionId) => can(actor, action, { collectionId }));
}

/**
 * Where fragment for rows that carry a `collectionId` (suggestions, readers' reports, audit
 * events): the rows of the collections in scope, no condition when that is all of them (rows of
 * no collection then match too, such as site-wide audit events).
 */
export function collectionIdInScopeWhere(actor: Actor, action: Action): { collectionId?: { in: string[] } } {
  const ids = collectionIdsInScope(actor, action);
  return ids === 'all' ? {} : { collectionId: { in: ids } };
}

/** Where fragment on collections themselves: those where `actor` may perform `action`. */
export function collectionInScopeWhere(actor: Actor, action: Action): Prisma.CollectionWhereInput {
  const ids = collectionIdsInScope(actor, action);
  return ids === 'all' ? {} : { id: { in: ids } };
}

/**
 * The live-segment condition, for a segment query's `where` (spread it) or a relation filter on
 * segments (`segment: liveSegment`).
 */
export const liveSegment = Object.freeze({ retiredAt: null }) satisfies Prisma.SegmentWhereInput;

/** The live segments of one work. */
export function liveSegmentsOf(workId: string): Prisma.SegmentWhereInput {
  return { workId, ...liveSegment };
}

/** The live text-bearing segments of one work: paragraphs hold no text of their own, their sentences do. */
export function liveTextSegmentsOf(workId: string): Prisma.SegmentWhereInput {
  return { workId, kind: { not: 'PARAGRAPH' }, ...liveSegment };
}

const SQL_ALIAS = /^[a-z_][a-z0-9_]*$/;

/**
 * The live condition on the `segment` row named `alias` in a query (the table's own name when it
 * has no alias), as SQL text: for queries sent to the `pg` pool. Throws on anything but a plain
 * lower-case identifier, so no input can reach the SQL through it.
 */
export function liveSegmentSqlText(alias = 'segment'): string {
  if (!SQL_ALIAS.test(alias)) throw new Error(`Not an SQL table alias: ${alias}`);
  return `${alias}.retired_at IS NULL`;
}

/** {@link liveSegmentSqlText} as a fragment of Prisma's tagged `$queryRaw` / `$executeRaw`. */
export function liveSegmentSql(alias = 'segment'): Prisma.Sql {
  return Prisma.raw(liveSegmentSqlText(alias));
}
