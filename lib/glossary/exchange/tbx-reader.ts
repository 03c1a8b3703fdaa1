import { SaxesParser, type SaxesTagPlain } from 'saxes';

import { noSkips, type GlossaryFileEntry, type GlossaryFileReading } from './glossary-file';
import { MAX_GLOSSARY_EXAMPLE_CHARS, MAX_GLOSSARY_IMPORT_TERMS, MAX_GLOSSARY_NOTE_CHARS, MAX_GLOSSARY_TERM_CHARS, MAX_GLOSSARY_TRANSLATIONS, MAX_TBX_DEPTH } from '../../config/limits';
import { AppError } from '../../errors/app-error';
import type { ErrorKey, ErrorValues } from '../../errors/error-text';
import { primaryLanguage } from '../../memory/tmx/primary-language';
import { parseWellFormed } from '../../segment/xml-well-formed';
import { PARTS_OF_SPEECH, TERM_STATUSES, type PartOfSpeech, type TermStatus } from '../glossary-values';
import { lineText, noteText } from '../text-forms';

/** Most terms one concept of a file may hold (all languages): a real one has a handful. */
export const MAX_TBX_TERMS_PER_CONCEPT = 500;

/** Text an element may hold before it is no longer kept (twice the longest field: white space collapses later). */
const MAX_CAPTURED_CHARS = MAX_GLOSSARY_NOTE_CHARS * 2;

type Capture = 'term' | 'partOfSpeech' | 'status' | 'definition' | 'context' | 'note';

interface TermSection {
  text: string;
  partOfSpeech: string | null;
  status: string | null;
  contexts: string[];
  notes: string[];
  isTooLong: boolean;
}

interface LanguageSection {
  language: string | null;
  definitions: string[];
  notes: string[];
  terms: TermSection[];
}

interface Concept {
  definitions: string[];
  notes: string[];
  languages: LanguageSection[];
  termCount: number;
}

/**
 * A reader of TBX files (ISO 30042:2019, TBX-Basic and TBX-Core, DCA or DCT style; and the
 * `martif` files of TBX 2008 that other tools still write), fed text in pieces (`write`, then
 * `end`): each concept (`conceptEntry`, `termEntry`) becomes one entry per term in the source
 * language, translated by the concept's terms in the target language (`langSec`/`langSet` by
 * primary subtag, "en-GB" is "en"), with the source term's part of speech, the definitions and
 * notes of the concept and of the source language section as its note, and its context as its
 * example; a target term's administrative status (or TBX 2008's normative authorization) gives
 * how it may be used: preferred, admitted, or deprecated and superseded as forbidden. Element
 * and attribute order, namespace prefixes, groups (`descripGrp`, `termNoteGrp`) and inline
 * markup are whatever the file has. Pure.
 *
 * Hostile files: saxes expands no entity but the five predefined ones and character references
 * and loads nothing; a document type with an internal subset (where entities are declared:
 * "billion laughs", external entities) is refused outright. Nesting past {@link MAX_TBX_DEPTH},
 * concepts of more than {@link MAX_TBX_TERMS_PER_CONCEPT} terms and files of more than
 * {@link MAX_GLOSSARY_IMPORT_TERMS} entries are refused; an element's text past a bound is not
 * kept (its entry is skipped as too long). Throws INVALID_INPUT saying what and where.
 */
export class TbxReader {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  private readonly entries: GlossaryFileEntry[] = [];
  private readonly skipped = noSkips();
  private readonly languages = new Map<string, number>();
  private readonly stack: string[] = [];
  private isRootSeen = false;
  private concept: Concept | null = null;
  private languageSection: LanguageSection | null = null;
  private termSection: TermSection | null = null;
  private capture: { kind: Capture; depth: number; parts: string[]; length: number; isTooLong: boolean } | null = null;

  constructor(private readonly pair: { source: string; target: string }) {
    const { parser } = this;
    parser.on('doctype', (doctype) => {
      if (doctype.includes('[')) throw invalid('file.ownDoctype', { format: 'TBX' });
    });
    parser.on('opentag', (tag) => this.open(tag));
    parser.on('closetag', () => this.close());
    parser.on('text', (text) => this.addText(text));
    parser.on('cdata', (text) => this.addText(text));
  }

  /** Reads the next piece of the file's text. */
  write(text: string): void {
    parseWellFormed(() => this.parser.write(text));
  }

  /** Ends the file: its entries, or INVALID_INPUT when it stops before its end or is no TBX. */
  end(): GlossaryFileReading {
    if (!this.isRootSeen) throw invalid('file.noDocument', { format: 'TBX' });
    parseWellFormed(() => this.parser.close());
    return { entries: this.entries, skipped: this.skipped, languages: this.languages };
  }

  private open(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    this.stack.push(name);
    if (this.stack.length > MAX_TBX_DEPTH) throw invalid('file.tooDeep', { max: MAX_TBX_DEPTH, what: 'glossary' });
    if (!this.isRootSeen) {
      this.isRootSeen = true;
      if (name !== 'tbx' && name !== 'martif') throw invalid('file.wrongRoot', { format: 'TBX', root: `<${tag.name.slice(0, 40)}>`, expected: '<tbx>' });
      return;
    }
    if (this.capture) return;
    const type = tag.attributes.type ?? '';
    if (name === 'conceptEntry' || name === 'termEntry') {
      this.concept = { definitions: [], notes: [], languages: [], termCount: 0 };
    } else if ((name === 'langSec' || name === 'langSet') && this.concept) {
      this.languageSection = { language: primaryLanguage(tag.attributes['xml:lang'] ?? tag.attributes.lang ?? ''), definitions: [], notes: [], terms: [] };
      this.concept.languages.push(this.languageSection);
    } else if ((name === 'termSec' || name === 'tig' || name === 'ntig') && this.languageSection && this.concept) {
      this.concept.termCount += 1;
      if (this.concept.termCount > MAX_TBX_TERMS_PER_CONCEPT) throw invalid('glossary.tooManyTermsInConcept', { max: MAX_TBX_TERMS_PER_CONCEPT });
      this.termSection = { text: '', partOfSpeech: null, status: null, contexts: [], notes: [], isTooLong: false };
      this.languageSection.terms.push(this.termSection);
    } else if (this.concept) {
      const kind = captureOf(name, type, this.termSection !== null);
      if (kind) this.capture = { kind, depth: this.stack.length, parts: [], length: 0, isTooLong: false };
    }
  }

  private close(): void {
    const depth = this.stack.length;
    const name = this.stack.pop();
    if (this.capture) {
      if (depth === this.capture.depth) this.finishCapture();
      return;
    }
    if ((name === 'termSec' || name === 'tig' || name === 'ntig') && this.termSection) this.termSection = null;
    else if ((name === 'langSec' || name === 'langSet') && this.languageSection) this.languageSection = null;
    else if ((name === 'conceptEntry' || name === 'termEntry') && this.concept) {
      const concept = this.concept;
      this.concept = null;
      this.finishConcept(concept);
    }
  }

  private addText(text: string): void {
    const capture = this.capture;
    if (!capture || capture.isTooLong) return;
    capture.length += text.length;
    if (capture.length > MAX_CAPTURED_CHARS) {
      capture.isTooLong = true;
      capture.parts = [];
      return;
    }
    capture.parts.push(text);
  }

  private finishCapture(): void {
    const capture = this.capture;
    this.capture = null;
    if (!capture) return;
    const raw = capture.parts.join('');
    const term = this.termSection;
    const section = this.languageSection;
    const concept = this.concept;
    if (capture.kind === 'term' && term) {
      term.text = lineText(raw);
      term.isTooLong ||= capture.isTooLong;
    } else if (capture.kind === 'partOfSpeech' && term) {
      term.partOfSpeech = lineText(raw);
    } else if (capture.kind === 'status' && term) {
      term.status = lineText(raw);
    } else if (capture.kind === 'context' && term) {
      term.contexts.push(lineText(raw));
      term.isTooLong ||= capture.isTooLong;
    } else {
      // A definition or note belongs to the innermost section it stands in.
      const target = capture.kind === 'definition' ? (section ?? concept)?.definitions : (term ?? section ?? concept)?.notes;
      target?.push(capture.isTooLong ? '\u0000' : noteText(raw));
    }
  }

  private finishConcept(concept: Concept): void {
    for (const section of concept.languages) {
      if (section.language) this.languages.set(section.language, (this.languages.get(section.language) ?? 0) + section.terms.filter((term) => term.text !== '').length);
    }
    const source = primaryLanguage(this.pair.source);
    const target = primaryLanguage(this.pair.target);
    const sourceSections = concept.languages.filter((section) => section.language === source);
    const sourceTerms = sourceSections.flatMap((section) => section.terms).filter((term) => term.text !== '' || term.isTooLong);
    if (sourceTerms.length === 0) {
      this.skipped.noTerm += 1;
      return;
    }
    const targetTerms = concept.languages.filter((section) => section.language === target).flatMap((section) => section.terms).filter((term) => term.text !== '' || term.isTooLong);
    if (targetTerms.length === 0) {
      this.skipped.noTranslation += sourceTerms.length;
      return;
    }
    const notes = [...sourceSections.flatMap((section) => section.definitions), ...concept.definitions, ...sourceSections.flatMap((section) => section.notes), ...concept.notes].filter((note) => note !== '');
    const note = notes.join('\n');
    const seen = new Set<string>();
    const translations = targetTerms
      .map((term) => ({ text: term.text, status: statusOf(term.status), isTooLong: term.isTooLong || term.text.length > MAX_GLOSSARY_TERM_CHARS }))
      .filter((translation) => {
        const key = translation.text.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => TERM_STATUSES.indexOf(a.status) - TERM_STATUSES.indexOf(b.status));
    for (const term of sourceTerms) {
      const notesOfTerm = [note, ...term.notes].filter((piece) => piece !== '').join('\n');
      const example = term.contexts.find((context) => context !== '') ?? '';
      const isTooLong =
        term.isTooLong || term.text.length > MAX_GLOSSARY_TERM_CHARS || notesOfTerm.includes('\u0000') || notesOfTerm.length > MAX_GLOSSARY_NOTE_CHARS || example.length > MAX_GLOSSARY_EXAMPLE_CHARS || translations.some((translation) => translation.isTooLong);
      if (isTooLong) {
        this.skipped.tooLong += 1;
        continue;
      }
      if (this.entries.length >= MAX_GLOSSARY_IMPORT_TERMS) throw invalid('glossary.tooManyTerms', { max: MAX_GLOSSARY_IMPORT_TERMS });
      this.entries.push({
        term: term.text,
        partOfSpeech: partOfSpeechOf(term.partOfSpeech),
        note: notesOfTerm,
        example,
        translations: translations.slice(0, MAX_GLOSSARY_TRANSLATIONS).map(({ text, status }) => ({ text, status })),
      });
    }
  }
}

/** What an element of a concept holds for the glossary, if anything: DCA's `termNote`/`descrip` by their type, DCT's elements by their name. */
function captureOf(name: string, type: string, isInTerm: boolean): Capture | null {
  if (name === 'term' && isInTerm) return 'term';
  if (name === 'note') return 'note';
  const kind = name === 'termNote' || name === 'descrip' ? type : name;
  if (isInTerm && kind === 'partOfSpeech') return 'partOfSpeech';
  if (isInTerm && (kind === 'administrativeStatus' || kind === 'normativeAuthorization')) return 'status';
  if (isInTerm && kind === 'context') return 'context';
  if (kind === 'definition') return 'definition';
  return null;
}

/** "basic:partOfSpeech" → "partOfSpeech": namespace prefixes are whatever the file chose. */
function localName(name: string): string {
  const colon = name.lastIndexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function statusOf(value: string | null): TermStatus {
  const status = (value ?? '').toLowerCase();
  if (status === '' || status.startsWith('preferred')) return 'preferred';
  if (status.startsWith('deprecated') || status.startsWith('superseded')) return 'forbidden';
  return 'admitted';
}

function partOfSpeechOf(value: string | null): PartOfSpeech | null {
  const part = (value ?? '').replace(/[\s_-]+/gu, '').toLowerCase();
  return PARTS_OF_SPEECH.find((candidate) => candidate.toLowerCase() === part) ?? null;
}

function invalid(key: ErrorKey, values?: ErrorValues): AppError {
  return new AppError('INVALID_INPUT', key, { values });
}
