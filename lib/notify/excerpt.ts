/**
 * A text cut to one line of at most `maxChars` characters (runs of white space become one space,
 * an ellipsis marks a cut): what a notification or a list shows of a comment or a suggested text.
 * Pure, so the components that render notifications can use it too.
 */
export function oneLineExcerpt(text: string, maxChars = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= maxChars ? flat : `${flat.slice(0, maxChars - 1).trimEnd()}…`;
}
