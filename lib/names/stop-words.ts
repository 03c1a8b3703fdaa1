/**
 * Capitalised words that are not names of persons or places, which the seeding never proposes
 * (docs/names.md, "Seeding"): words written with a capital in the middle of a sentence by the
 * language's spelling (English months, days, nationalities, titles; the Russian polite "Вы"),
 * by a text's style (the Party, the Congress), or an exclamation. Most common words are also
 * caught by being written in lower case elsewhere in the work; these often are not. Keys as
 * lib/names/name-words.ts computes them (lower case, no diacritics in Latin words).
 */
const ENGLISH = `
i i'm i've i'd i'll oh ah yes no well now then so but and or the a an
mr mrs ms miss dr sir madam madame monsieur mademoiselle lord lady comrade comrades citizen citizens
prince princess count countess baron baroness duke duchess king queen emperor empress tsar czar tsarina
general colonel captain major lieutenant admiral marshal president premier minister professor doctor father mother
saint st god christ heaven
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
english french german russian italian spanish american british polish ukrainian georgian jewish jew jews chinese japanese
turkish austrian hungarian swedish dutch european asian african greek roman latin finnish czech serbian armenian tatar
soviet soviets bolshevik bolsheviks bolshevism menshevik mensheviks communist communists communism socialist socialists socialism
marxist marxists marxism leninist leninists leninism trotskyist trotskyists trotskyism stalinist stalinism capitalist capitalism
fascist fascists fascism nazi nazis liberal liberals conservative democrat democrats republican republicans anarchist anarchists
party parties congress committee committees central executive council councils government state states republic republics
revolution revolutions army navy international union unions conference plenum bureau politbureau politburo opposition bloc
people peoples commissariat commissar commissars department ministry assembly duma senate parliament court
east west north south eastern western northern southern
chapter part volume book section note notes page introduction preface contents appendix index vol vols no nos p pp ed eds ibid op cit
first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth
eighteenth nineteenth twentieth
presidium secretariat league academy federation confederation manifesto institute society association organisation organization
publishing publishers press herald gazette times review journal magazine
chairman secretary commission minister ministers ministries united americans germans englishmen frenchmen
`;

const RUSSIAN = `
вы вам вас ваш ваша ваше вашего вашей вашим ваши ваших вашу
бог бога богу богом боже господь господа господи христос
товарищ товарищи товарищей
глава часть том
`;

const GERMAN = `ich sie ihr ihnen ihre herr frau fräulein gott`;
const FRENCH = `monsieur madame mademoiselle dieu`;

function words(list: string): Set<string> {
  return new Set(list.split(/\s+/u).filter(Boolean));
}

const BY_LANGUAGE: Record<string, Set<string>> = { en: words(ENGLISH), ru: words(RUSSIAN), de: words(GERMAN), fr: words(FRENCH) };

/**
 * English words made from names that are not names themselves: doctrines and their followers
 * (`Menshevism`, `Otzovists`, `Ukrainisation`), peoples (`Russians`). Their lower-case cousins
 * are common words; these keep the capital of the name they come from.
 */
const ENGLISH_DERIVED = /(?:isms?|ists?|isations?|izations?|ians)$/u;

/** Whether a capitalised word (its key) of a text in `language` is never proposed as a name. */
export function isStopWord(key: string, language: string): boolean {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  if (primary === 'en' && key.length > 5 && ENGLISH_DERIVED.test(key)) return true;
  return BY_LANGUAGE[primary]?.has(key) ?? false;
}
