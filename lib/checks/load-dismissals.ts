import 'server-only';

import { isCheckId, type Dismissal } from './types';
import type { Db } from '../db/client';

/** The dismissed findings of some segments' translations into `language`, by segment, with who dismissed them and why. */
export async function loadDismissals(db: Db, { language, segmentIds }: { language: string; segmentIds: readonly string[] }): Promise<Map<string, Dismissal[]>> {
  if (segmentIds.length === 0) return new Map();
  const rows = await db.checkDismissal.findMany({
    where: { language, segmentId: { in: [...new Set(segmentIds)] } },
    orderBy: { createdAt: 'asc' },
    select: { segmentId: true, checkId: true, findingKey: true, reason: true, createdAt: true, dismissedBy: { select: { id: true, name: true } } },
  });
  const bySegment = new Map<string, Dismissal[]>();
  for (const row of rows) {
    if (!isCheckId(row.checkId)) continue;
    const list = bySegment.get(row.segmentId) ?? [];
    list.push(presentDismissal(row));
    bySegment.set(row.segmentId, list);
  }
  return bySegment;
}

export function presentDismissal(row: { checkId: string; findingKey: string; reason: string; createdAt: Date; dismissedBy: { id: string; name: string } | null }): Dismissal {
  return { check: row.checkId as Dismissal['check'], key: row.findingKey, reason: row.reason, by: row.dismissedBy, at: row.createdAt.toISOString() };
}
