import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { auditSource, exportedNames, segmentRelationsOf, type AuditOptions, type Finding } from '../../helpers/live-segment-audit';

/**
 * A segment a re-import retired is out of reading, editing, review, export and progress. Every
 * query on segments under lib/ must say so with the scope module's live condition, or say why it
 * reads retired segments too (`// all segments: <why>`). This reads every file, so a new query
 * that forgets the condition fails here before anyone runs it.
 */

const ROOT = path.resolve(__dirname, '../../..');
const LIB = path.join(ROOT, 'lib');
const SCOPE_MODULE = path.join(LIB, 'auth/scope');
const PRISMA_LIVE = ['liveSegment', 'liveSegmentsOf', 'liveTextSegmentsOf'];
const SQL_LIVE = ['liveSegmentSql', 'liveSegmentSqlText'];

const options: AuditOptions = {
  scopeModule: SCOPE_MODULE,
  root: ROOT,
  relations: segmentRelationsOf(readFileSync(path.join(ROOT, 'prisma/schema.prisma'), 'utf8')),
  prismaLiveExports: PRISMA_LIVE,
  sqlLiveExports: SQL_LIVE,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === path.join(LIB, 'db/generated') ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Audits a made-up file under lib/review, importing from the scope module as lib code does. */
function auditSnippet(code: string): Finding[] {
  return auditSource(path.join(LIB, 'review/example.ts'), code, options);
}
const statuses = (code: string) => auditSnippet(code).map((finding) => `${finding.kind}:${finding.status}`);
const IMPORTS = `import { liveSegment, liveSegmentsOf, liveSegmentSql, liveSegmentSqlText } from '../auth/scope';\n`;

describe('the audit of segment queries', () => {
  it('reads the relations to segments from the schema and the live builders from the scope module', () => {
    expect([...options.relations.toOne].sort()).toEqual(expect.arrayContaining(['footnote', 'parent', 'segment']));
    expect([...options.relations.toMany].sort()).toEqual(expect.arrayContaining(['children', 'segments']));
    const exported = exportedNames(readFileSync(`${SCOPE_MODULE}.ts`, 'utf8'));
    for (const name of [...PRISMA_LIVE, ...SQL_LIVE]) expect(exported, name).toContain(name);
  });

  it('flags a segment query without the live condition, and accepts it with one', () => {
    expect(statuses(`${IMPORTS}await db.segment.findMany({ where: { workId } });`)).toEqual(['prisma-call:missing']);
    expect(statuses(`${IMPORTS}await tx.segment.count();`)).toEqual(['prisma-call:missing']);
    expect(statuses(`${IMPORTS}await db.segment.findMany({ where: { workId, ...liveSegment } });`)).toEqual(['prisma-call:live']);
    expect(statuses(`${IMPORTS}await db.segment.groupBy({ by: ['chunk'], where: liveSegmentsOf(workId) });`)).toEqual(['prisma-call:live']);
    expect(statuses(`${IMPORTS}const where = { ...liveSegmentsOf(id) };\nawait db.segment.findFirst({ where });`)).toEqual(['prisma-call:live']);
    // The builder in the select, not the where, filters nothing.
    expect(statuses(`${IMPORTS}await db.segment.findMany({ where: { workId }, select: { children: { where: liveSegment } } });`)).toEqual(['prisma-call:missing', 'relation:live']);
    // A function of the same name from elsewhere is not the scope module's.
    expect(statuses(`import { liveSegment } from '../somewhere-else';\nawait db.segment.findMany({ where: { ...liveSegment } });`)).toEqual(['prisma-call:missing']);
    expect(statuses(`import { liveSegment } from '@/lib/auth/scope';\nawait db.segment.findMany({ where: { ...liveSegment } });`)).toEqual(['prisma-call:live']);
    expect(statuses(`${IMPORTS}await db.segment.create({ data: { workId } });`)).toEqual([]);
  });

  it('flags relation filters and to-many reads of segments, not to-one reads or writes', () => {
    expect(statuses(`${IMPORTS}await db.suggestion.findMany({ where: { segment: { workId } } });`)).toEqual(['relation:missing']);
    expect(statuses(`${IMPORTS}await db.suggestion.findMany({ where: { segment: liveSegment } });`)).toEqual(['relation:live']);
    expect(statuses(`${IMPORTS}const where: Prisma.SuggestionWhereInput = { segment: { workId } };`)).toEqual(['relation:missing']);
    expect(statuses(`${IMPORTS}await db.work.findMany({ where: { segments: { some: { kind: 'HEADING' } } } });`)).toEqual(['relation:missing']);
    expect(statuses(`${IMPORTS}await db.work.findMany({ where: { segments: { some: { ...liveSegment, kind: 'HEADING' } } } });`)).toEqual(['relation:live']);
    expect(statuses(`${IMPORTS}await db.work.findMany({ select: { segments: { select: { id: true } } } });`)).toEqual(['relation:missing']);
    expect(statuses(`${IMPORTS}await db.work.findMany({ select: { _count: { select: { segments: true } } } });`)).toEqual(['relation:missing']);
    expect(statuses(`${IMPORTS}await db.suggestion.findMany({ select: { segment: { select: { workId: true } } }, orderBy: { segment: { orderKey: 'asc' } } });`)).toEqual([]);
    expect(statuses(`${IMPORTS}await db.suggestion.create({ data: { segment: { connect: { id } } } });`)).toEqual([]);
    // An object that is not Prisma arguments is not a query.
    expect(statuses(`${IMPORTS}const dto = { segment: { id, text } };`)).toEqual([]);
  });

  it('flags SQL on the segment table unless each alias has its live condition', () => {
    expect(statuses(`${IMPORTS}await db.$queryRaw\`SELECT id FROM segment s WHERE s.work_id = \${workId}::uuid\`;`)).toEqual(['sql:missing']);
    expect(statuses(`${IMPORTS}await db.$queryRaw\`SELECT id FROM segment s WHERE \${liveSegmentSql('s')}\`;`)).toEqual(['sql:live']);
    expect(statuses(`${IMPORTS}await db.$queryRaw\`SELECT id FROM segment WHERE \${liveSegmentSql()}\`;`)).toEqual(['sql:live']);
    expect(statuses(`${IMPORTS}await pool.query(\`SELECT o.id FROM outbox o JOIN segment AS s ON s.id = o.segment_id WHERE \${liveSegmentSqlText('s')}\`);`)).toEqual(['sql:live']);
    // The condition on another alias leaves this one unfiltered.
    expect(statuses(`${IMPORTS}await db.$queryRaw\`SELECT 1 FROM segment s JOIN segment o ON o.parent_id = s.id WHERE \${liveSegmentSql('o')}\`;`)).toEqual(['sql:missing', 'sql:live']);
    expect(statuses(`${IMPORTS}await pool.query('SELECT id FROM segment WHERE work_id = $1', [id]);`)).toEqual(['sql:missing']);
    expect(statuses(`${IMPORTS}await pool.query('SELECT id FROM segment_text WHERE segment_id = $1', [id]);`)).toEqual([]);
  });

  it('flags the retired column written by hand', () => {
    expect(statuses(`${IMPORTS}await db.segment.findMany({ where: { workId, retiredAt: null, ...liveSegment } });`)).toEqual(['prisma-call:live', 'retired-column:missing']);
    expect(statuses(`${IMPORTS}await db.$queryRaw\`SELECT 1 FROM segment s WHERE s.retired_at IS NULL AND \${liveSegmentSql('s')}\`;`)).toEqual(['sql:live', 'retired-column:missing']);
  });

  it('accepts an opt-out only with a reason, and only for the query it precedes', () => {
    expect(statuses(`${IMPORTS}// all segments: a permalink of a retired passage says it was removed.\nconst segment = await db.segment.findUnique({ where: { id }, select: { retiredAt: true } });`)).toEqual([
      'prisma-call:opted-out',
      'retired-column:opted-out',
    ]);
    expect(statuses(`${IMPORTS}// all segments:\nawait db.segment.findMany({ where: { workId } });`)).toEqual(['prisma-call:missing']);
    expect(statuses(`${IMPORTS}// Reads every segment.\nawait db.segment.findMany({ where: { workId } });`)).toEqual(['prisma-call:missing']);
    // The comment on the query does not excuse a relation read inside it.
    expect(statuses(`${IMPORTS}// all segments: a permalink of a retired passage says it was removed.\nawait db.segment.findUnique({ where: { id }, select: { children: { select: { id: true } } } });`)).toEqual([
      'prisma-call:opted-out',
      'relation:missing',
    ]);
    // Nor one query the next.
    expect(statuses(`${IMPORTS}// all segments: re-import restores what the new text has again.\nawait db.segment.findMany({ where: { workId } });\nawait db.segment.count({ where: { workId } });`)).toEqual([
      'prisma-call:opted-out',
      'prisma-call:missing',
    ]);
  });
});

describe('every query on segments under lib/ keeps retired segments out or says why not', () => {
  const findings = sourceFiles(LIB).flatMap((file) => auditSource(file, readFileSync(file, 'utf8'), options).map((finding) => ({ file: path.relative(ROOT, file), ...finding })));

  it('finds the queries (the audit still recognises the code)', () => {
    expect(findings.filter((finding) => finding.kind === 'prisma-call').length).toBeGreaterThanOrEqual(15);
    expect(findings.filter((finding) => finding.kind === 'sql').length).toBeGreaterThanOrEqual(10);
    expect(findings.filter((finding) => finding.kind === 'relation').length).toBeGreaterThanOrEqual(4);
    expect(findings.filter((finding) => finding.status === 'live').length).toBeGreaterThanOrEqual(25);
  });

  it('leaves no query without the live condition or a reason', () => {
    const missing = findings.filter((finding) => finding.status === 'missing').map((finding) => `${finding.file}:${finding.line} ${finding.kind}: ${finding.code}`);
    expect(
      missing,
      'Use the live condition of lib/auth/scope.ts (liveSegment, liveSegmentsOf, liveTextSegmentsOf, liveSegmentSql), or say why the query reads retired segments too with a comment "// all segments: <why>" right before it.',
    ).toEqual([]);
  });
});
