import { CHECK_IDS, type CheckId, type CheckSettings, type Severity } from './types';

/** What users are told about a check: its name, what it looks at, why, and how to fix what it finds. */
export interface CheckDescription {
  title: string;
  /** The severity of its findings unless the finding says otherwise. */
  severity: Severity;
  what: string;
  why: string;
  fix: string;
}

/** Every check with its explanation (shown in the editor, the review queue, the work's list and the settings). */
export const CHECKS: Record<CheckId, CheckDescription> = {
  numbers: {
    title: 'Numbers and dates',
    severity: 'error',
    what: 'Every number of the original (years, amounts with thousands separators, decimals, ordinals such as 2nd or 2-й, Roman numerals of centuries and congresses such as XV) and every month of a date is in the translation, and the translation adds none.',
    why: 'A wrong number changes a fact, and a reader cannot see it.',
    fix: 'Write the same number (in the translation language’s usual form: 1,000 / 1 000, 3.5 / 3,5). A number written out in words in one text and in digits in the other is accepted for small numbers.',
  },
  footnotes: {
    title: 'Footnote markers',
    severity: 'error',
    what: 'Each footnote marker of the original (shown raised in the original, e.g. ¹ or *) appears in the translation, in the same order, and the translation has none the original lacks.',
    why: 'A lost marker cuts the reader off from the note; an extra one points nowhere.',
    fix: 'Type the marker right after the word it belongs to: raised digits (¹ ² ³) for numbered notes, * or † for the others.',
  },
  brackets: {
    title: 'Quotes and brackets',
    severity: 'warning',
    what: 'Quotation marks («» „“ “” "), parentheses and square brackets are paired as in the original. A quotation the original opens in this sentence and closes in another may stay open here too.',
    why: 'An unclosed quotation or bracket leaves the reader unsure where it ends.',
    fix: 'Add the missing mark or remove the extra one, with the quotation marks of the translation’s language.',
  },
  spacing: {
    title: 'Spaces and typography',
    severity: 'warning',
    what: 'No double spaces, no spaces at the ends, no space before punctuation — by the rules of the translation’s language: French puts a no-break space before ; : ! ? and inside « »; Russian quotes with «ёлочки» („лапки“ inside) and sets off a dash with spaces ( — ), never a hyphen; English has no space before punctuation.',
    why: 'These slips are invisible while typing but show in print, and reviewers should not have to fix them.',
    fix: 'Remove the extra space, or type the character named in the message.',
  },
  untranslated: {
    title: 'Left untranslated',
    severity: 'warning',
    what: 'The translation is not the original copied as it stands, nor written in the original’s alphabet when the two languages use different ones. Texts of numbers, names or a few words only are left alone.',
    why: 'An untranslated sentence is easy to miss in a long list of drafts.',
    fix: 'Translate the text, or dismiss the finding when it should stay as it is (a title, a quotation in the original language).',
  },
  'end-punctuation': {
    title: 'End punctuation',
    severity: 'warning',
    what: 'The translation ends like the original: with a full stop, a question mark, an exclamation mark, an ellipsis, a colon, or nothing. Russian ?! and ?.. count as a question, … and ... are the same.',
    why: 'A question turned into a statement, or a sentence cut off, changes how it reads.',
    fix: 'End the sentence like the original, or dismiss the finding when the change is deliberate.',
  },
  glossary: {
    title: 'Glossary',
    severity: 'warning',
    what: 'Where the original has a glossary term, the translation uses its preferred (or an admitted) translation and never a forbidden one.',
    why: 'Twenty translators must call the same thing by the same name throughout a volume.',
    fix: 'Use the preferred translation named in the message.',
  },
  names: {
    title: 'Names',
    severity: 'warning',
    what: 'Names of people and places are written in the preferred form of the name authority.',
    why: 'Names transliterated in several ways look like different people.',
    fix: 'Write the preferred form named in the message.',
  },
  length: {
    title: 'Length',
    severity: 'warning',
    what: 'The translation is neither much longer nor much shorter than the original, measured against this work’s own translations into the language (more than three usual deviations away).',
    why: 'A translation far too short often leaves something out; one far too long often repeats or adds.',
    fix: 'Compare the two texts sentence by sentence; dismiss the finding when the length is right.',
  },
  consistency: {
    title: 'Consistency',
    severity: 'warning',
    what: 'The same sentence of the original is translated the same way wherever it recurs in the work.',
    why: 'A recurring line (a refrain, a formula, a title) translated in two ways reads as two different things.',
    fix: 'Use the translation already published elsewhere, or dismiss the finding when the context calls for another.',
  },
  'repeated-words': {
    title: 'Repeated words',
    severity: 'warning',
    what: 'No word is typed twice in a row (the the, что что). Words joined by a hyphen (еле-еле, чуть-чуть) and repetitions the original has too are left alone.',
    why: 'A doubled word is a typing slip that readers notice at once.',
    fix: 'Delete one of the two words.',
  },
};

/** The settings of a collection that has changed none: every check on, none blocking. */
export const DEFAULT_CHECK_SETTINGS: CheckSettings = Object.fromEntries(CHECK_IDS.map((id) => [id, { isEnabled: true, isBlocking: false }])) as CheckSettings;
