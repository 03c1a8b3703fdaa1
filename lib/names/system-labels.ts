/**
 * How the index names each transliteration system of lib/names/transliterate-name.ts (kept
 * apart from it: components import this, and the systems' tables need not reach the browser).
 */
export const TRANSLITERATION_LABELS: Record<string, string> = {
  ALA_LC: 'Library of Congress',
  ALA_LC_ALT: 'Library of Congress, ASCII',
  BGN_PCGN: 'BGN/PCGN',
  BGN_PCGN_ALT: 'BGN/PCGN, simplified',
  GOST_779: 'ISO 9',
  WIKIPEDIA: 'Wikipedia',
};
