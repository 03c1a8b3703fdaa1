/**
 * The American spellings of a British English word, for a dictionary of American English
 * (`dictionary-en`): British translations (the corpus's Moscow editions among them) write
 * `organisation`, `labour`, `levelling`, `defence`, `centre`, which that dictionary does not know,
 * and every such word would be listed as suspect. Each rule is one regular difference between the
 * two spellings; a word counts as known when one of its American spellings is. A British
 * dictionary (`dictionary-en-gb`) loaded beside it would make these rules unnecessary.
 */
const RULES: readonly (readonly [RegExp, string])[] = [
  [/(?<=\p{L}{2})is(?=e|ing|ation|er)/gu, 'iz'], // organise, organisation, organiser
  [/(?<=\p{L})ys(?=e|ing|er)/gu, 'yz'], // analyse, paralysed
  [/(?<=\p{L})our(?=$|s$|ed|ing|ite|able|ably|er|ful|less|ly|hood|ism|ist)/gu, 'or'], // labour, favourite, honourable
  [/(?<=[aeiou])ll(?=ed|ing|er|ers|ous)/gu, 'l'], // levelling, travellers, libelled
  [/(?<=[aeiou])l(?=s?$|ment)/gu, 'll'], // fulfil, instals, fulfilment
  [/(?<=\p{L})(?:re)(?=s?$|d$)/gu, 'er'], // centre, manoeuvred
  [/oeu/gu, 'eu'], // manoeuvre
  [/(?<=\p{L})ence(?=s?$|less)/gu, 'ense'], // defence, offence, licence
  [/ogue(?=s?$)/gu, 'og'], // catalogue, dialogue
  [/amme(?=s?$)/gu, 'am'], // programme
  [/ou(?=ld|lt)/gu, 'o'], // mould, moult
];

/** The American spellings the British spelling rules give for a word, lower case; empty when none applies. Pure. */
export function americanSpellings(word: string): string[] {
  const lower = word.toLowerCase();
  const spellings = new Set<string>();
  let all = lower;
  for (const [pattern, replacement] of RULES) {
    const one = lower.replace(pattern, replacement);
    if (one !== lower) spellings.add(one);
    all = all.replace(pattern, replacement);
  }
  if (all !== lower) spellings.add(all);
  return [...spellings];
}
