/**
 * Where a work's chapters begin: at its headings of the chapter level, the highest level that
 * has more than one heading (a single top heading is the work's title, and its chapters are the
 * level below), and at any heading above that level. Order keys in reading order. Pure.
 */
export function chapterStartsOf(headings: readonly { orderKey: string; level: number }[]): string[] {
  const levels = [...new Set(headings.map((heading) => heading.level))].sort((a, b) => a - b);
  const [top, next] = levels;
  if (top === undefined) return [];
  const isTitleAlone = headings.filter((heading) => heading.level === top).length === 1 && next !== undefined;
  const chapterLevel = isTitleAlone ? next : top;
  return headings.filter((heading) => heading.level <= chapterLevel).map((heading) => heading.orderKey);
}
