import { expect } from 'vitest';

import type { Actor } from '../../lib/auth/permissions';
import { exportWorkJsonl, type ExportedSegment, type ExportedWork } from '../../lib/reader/export-work-jsonl';

/** A work's JSONL export read back: its first line the work, every other line a segment. */
export async function readExport(actor: Actor, workId: string): Promise<{ work: ExportedWork; segments: ExportedSegment[] }> {
  const lines: (ExportedWork | ExportedSegment)[] = [];
  for await (const line of exportWorkJsonl({ actor, workId })) {
    expect(line.endsWith('\n')).toBe(true);
    lines.push(JSON.parse(line) as ExportedWork | ExportedSegment);
  }
  const [work, ...segments] = lines;
  expect(work?.type).toBe('work');
  expect(segments.every((segment) => segment.type === 'segment')).toBe(true);
  return { work: work as ExportedWork, segments: segments as ExportedSegment[] };
}
