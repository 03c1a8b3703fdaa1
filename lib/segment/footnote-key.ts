/**
 * Between a marker's label and its note's key inside `[^…]` (U+2063 INVISIBLE SEPARATOR, which no
 * label holds): the import writes `[^*⁣n12]` for an asterisk marker of the twelfth note of the
 * upload, since labels alone repeat (every asterisk note is `*`).
 */
const KEY_SEPARATOR = '\u2063';

/** The inline marker of a reference or a note definition, with the note's key when there is one. */
export function footnoteMarker(label: string, key?: string): string {
  return key ? `[^${label}${KEY_SEPARATOR}${key}]` : `[^${label}]`;
}

/** A marker's label and its note's key, as {@link footnoteMarker} wrote them. */
export function splitFootnoteLabel(raw: string): { label: string; key?: string } {
  const at = raw.indexOf(KEY_SEPARATOR);
  return at < 0 ? { label: raw } : { label: raw.slice(0, at), key: raw.slice(at + 1) };
}
