/**
 * Cyrillic → Latin transliteration used for cognate and proper-name matching,
 * so that "Сталин" and "Stalin" share their letters. The scheme is a loose,
 * ASCII-only blend of the common English/German/French romanisations: it only has
 * to make names from both sides *collide*, not be reversible.
 */

const TABLE: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'i', є: 'e', ґ: 'g', ў: 'u',
};

const CYRILLIC = /[\u0400-\u04ff]/;

/** Transliterates the Cyrillic letters of a lower-case string into ASCII; other characters pass through. */
export function transliterateCyrillic(text: string): string {
  if (!CYRILLIC.test(text)) return text;
  let out = '';
  for (const ch of text) out += TABLE[ch] ?? ch;
  return out;
}
