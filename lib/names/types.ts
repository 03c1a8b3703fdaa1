// The name authority's answers (no server code: components import these types).

/** Where a variant form comes from (lower case, as other domains receive it). */
export type NameVariantOrigin = 'transliteration' | 'editor' | 'observed';

/** A mention of a confirmed name in a text, as `findNameMentions` returns it. */
export interface NameMention {
  nameId: string;
  kind: 'person' | 'place';
  /** UTF-16 offsets of the words in the text (a possessive `'s` left out). */
  start: number;
  end: number;
  /** The text as written there. */
  found: string;
  /** The name's preferred form in the texts' language (or its primary language), null if none is set. */
  preferred: string | null;
  /** Whether the preferred form matched there (inflected forms of it included). */
  isPreferred: boolean;
  /** Where the form that matched comes from, when it was not the preferred one. */
  variantOrigin: NameVariantOrigin | null;
  /** For a transliteration: the systems that give that spelling. */
  variantSystems: string[];
}

/** One written form of a name as the index shows it. */
export interface NameFormView {
  id: string;
  text: string;
  /** Null: a form of any language written in Latin letters. */
  language: string | null;
  isPreferred: boolean;
  origin: 'EDITOR' | 'TRANSLITERATION' | 'OBSERVED';
  systems: string[];
}

/** A name of the index, with its forms. */
export interface NameSummary {
  id: string;
  kind: 'PERSON' | 'PLACE';
  status: 'PROPOSED' | 'CONFIRMED' | 'REJECTED';
  note: string;
  /** The preferred forms, by language, and every other form. */
  forms: NameFormView[];
  /** Mentions in published texts (confirmed names). */
  mentionCount: number;
  /** What the index sorts it by and shows first: a preferred form (the display language's first). */
  label: string;
}

/** What the viewer may do in a collection's index. */
export interface NameAbilities {
  canManage: boolean;
  canPropose: boolean;
}

/** A page of a collection's name index. */
export interface NameIndexPage {
  collection: { id: string; title: string; slug: string };
  names: NameSummary[];
  page: number;
  pageCount: number;
  total: number;
  /** Names waiting for an editor (shown to those who may manage them). */
  proposals: NameSummary[];
  proposalCount: number;
  /** Texts still waiting to be scanned after this read (the index then lags behind them). */
  pendingScans: number;
  /** Works the seeding may read (for editors). */
  works: { id: string; title: string }[];
  /** The languages the collection's works are read in (the forms' language choices). */
  languages: string[];
  abilities: NameAbilities;
}

/** A mention as the name's page lists it: the passage, the words marked. */
export interface NameMentionView {
  segmentId: string;
  language: string;
  workId: string;
  workTitle: string;
  text: string;
  /** UTF-16 offsets of this name's mentions in `text`. */
  marks: { start: number; end: number; isPreferred: boolean }[];
}

/** One name's page: its record and a page of its mentions. */
export interface NamePage {
  collection: { id: string; title: string; slug: string };
  name: NameSummary & { createdAt: string };
  mentions: NameMentionView[];
  page: number;
  pageCount: number;
  pendingScans: number;
  /** The languages the collection's works are read in (the forms' language choices). */
  languages: string[];
  abilities: NameAbilities;
}
