import 'server-only';

import type { NameSummary } from './types';
import type { Db, NameKind, NameStatus } from '../db/client';

/** The order the index lists a name's forms in: preferred ones by language, then variants, transliterations last. */
const ORIGIN_ORDER = { EDITOR: 0, OBSERVED: 1, TRANSLITERATION: 2 } as const;

/**
 * Names as the index shows them: each with its forms (preferred first, then variants, then
 * transliterations) and the number of its mentions in published texts, in the order given.
 */
export async function presentNames(db: Db, names: readonly { id: string; kind: NameKind; status: NameStatus; note: string; label: string }[]): Promise<NameSummary[]> {
  if (names.length === 0) return [];
  const ids = names.map((name) => name.id);
  const [forms, counts] = await Promise.all([
    db.nameForm.findMany({ where: { nameId: { in: ids } }, select: { id: true, nameId: true, text: true, language: true, isPreferred: true, origin: true, systems: true } }),
    db.nameMention.groupBy({ by: ['nameId'], where: { nameId: { in: ids } }, _count: { _all: true } }),
  ]);
  const countOf = new Map(counts.map((row) => [row.nameId, row._count._all]));
  return names.map((name) => ({
    id: name.id,
    kind: name.kind,
    status: name.status,
    note: name.note,
    label: name.label,
    mentionCount: countOf.get(name.id) ?? 0,
    forms: forms
      .filter((form) => form.nameId === name.id)
      .sort((a, b) => Number(b.isPreferred) - Number(a.isPreferred) || ORIGIN_ORDER[a.origin] - ORIGIN_ORDER[b.origin] || (a.language ?? '~').localeCompare(b.language ?? '~') || a.id.localeCompare(b.id))
      .map(({ nameId: _nameId, ...form }) => form),
  }));
}
