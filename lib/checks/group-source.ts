/**
 * The source of a group of segments translated as one (one translated sentence covering several
 * source segments, docs/architecture.md "Aligned translations"): their texts joined by a space,
 * as the editor shows them beside the one translation, and where each begins in the joined text
 * (to place each segment's footnote markers). Pure: the editor joins them the same way.
 */
export function joinGroupSources(texts: readonly string[]): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let length = 0;
  for (const [index, text] of texts.entries()) {
    offsets.push(length + (index > 0 ? 1 : 0));
    length += text.length + (index > 0 ? 1 : 0);
  }
  return { text: texts.join(' '), offsets };
}
