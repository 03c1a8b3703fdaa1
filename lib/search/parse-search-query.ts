/**
 * What a reader types into the search box, read as web search engines do (and as PostgreSQL's
 * `websearch_to_tsquery` does): words, "quoted phrases", `word*` for a prefix, `-word` or
 * `-"phrase"` to exclude, and `or` between alternatives, which binds looser than the implicit
 * "and" (`a b or c` is `(a and b) or c`). The terms are turned into a tsquery by PostgreSQL's own
 * functions per term (`plainto_tsquery`, `phraseto_tsquery`, `to_tsquery` for prefixes, which
 * hold only letters, their combining marks and digits), so no text typed here is ever parsed as tsquery syntax. Written
 * by hand because it only sorts tokens; websearch_to_tsquery itself has no prefixes.
 */

export interface SearchTerm {
  kind: 'word' | 'phrase' | 'prefix';
  text: string;
  isExcluded: boolean;
}

/** Alternatives (or), each a list of terms that must all hold (and). */
export interface SearchQuery {
  groups: SearchTerm[][];
}

/** Terms beyond this are dropped: each one adds to the query's work. */
export const MAX_SEARCH_TERMS = 16;
/** A prefix shorter than this matches too much to be useful. */
const MIN_PREFIX_LETTERS = 2;

export function parseSearchQuery(input: string): SearchQuery {
  const groups: SearchTerm[][] = [[]];
  let terms = 0;
  for (const match of input.normalize('NFC').matchAll(/-?"[^"]*"?|\S+/gu)) {
    if (terms >= MAX_SEARCH_TERMS) break;
    const token = match[0];
    if (token.toLowerCase() === 'or') {
      if ((groups.at(-1) ?? []).length > 0) groups.push([]);
      continue;
    }
    const term = termOf(token);
    if (term === null) continue;
    groups.at(-1)?.push(term);
    terms += 1;
  }
  // A group of exclusions only would match nearly everything (and no index could find it).
  return { groups: groups.filter((group) => group.some((term) => !term.isExcluded)) };
}

function termOf(token: string): SearchTerm | null {
  const isExcluded = token.length > 1 && token.startsWith('-');
  const body = isExcluded ? token.slice(1) : token;
  if (body.startsWith('"')) {
    const text = body.replace(/^"|"$/gu, '').trim();
    return hasWordCharacter(text) ? { kind: 'phrase', text, isExcluded } : null;
  }
  if (body.endsWith('*')) {
    // Letters keep their combining marks (Devanagari, Tamil and Arabic vowel signs): marks are no query syntax.
    const letters = body.replace(/[^\p{L}\p{M}\p{N}]+/gu, '').toLowerCase();
    return letters.length >= MIN_PREFIX_LETTERS ? { kind: 'prefix', text: letters, isExcluded } : null;
  }
  return hasWordCharacter(body) ? { kind: 'word', text: body, isExcluded } : null;
}

function hasWordCharacter(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Whether the query has anything to search for. */
export function isEmptyQuery(query: SearchQuery): boolean {
  return query.groups.length === 0;
}
