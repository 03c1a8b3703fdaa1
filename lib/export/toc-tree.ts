import type { ExportPlan, TocHeading } from './types';

/** An entry of the table of contents: a work of a volume or a heading, with the entries under it. */
export interface TocNode {
  label: string;
  workId: string;
  /** The heading's segment, or null for a work (its start). */
  segmentId: string | null;
  orderKey: string | null;
  children: TocNode[];
}

/**
 * The table of contents as a tree: a work's headings nested by level (a heading goes under the
 * nearest heading before it of a higher level, whatever levels are skipped); for a volume, the
 * works are the top entries with their headings under them. Pure.
 */
export function buildTocTree(plan: Pick<ExportPlan, 'kind' | 'works' | 'toc'>): TocNode[] {
  if (plan.kind === 'work') return nest(plan.toc);
  return plan.works.map((work) => ({
    label: work.title.trim() || 'Untitled',
    workId: work.id,
    segmentId: null,
    orderKey: null,
    children: nest(plan.toc.filter((heading) => heading.workId === work.id)),
  }));
}

function nest(headings: readonly TocHeading[]): TocNode[] {
  const roots: TocNode[] = [];
  const stack: { level: number; node: TocNode }[] = [];
  for (const heading of headings) {
    const node: TocNode = { label: heading.text, workId: heading.workId, segmentId: heading.segmentId, orderKey: heading.orderKey, children: [] };
    while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= heading.level) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.node.children.push(node);
    else roots.push(node);
    stack.push({ level: heading.level, node });
  }
  return roots;
}
