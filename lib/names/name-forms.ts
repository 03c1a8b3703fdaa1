import 'server-only';

import { formWords } from './name-words';
import { stemWords } from './stem-words';
import { isTransliterated, transliterateName } from './transliterate-name';
import { MAX_NAME_FORM_CHARS, MAX_NAME_FORMS } from '../config/limits';
import type { Db, NameFormOrigin, NameKind, Prisma } from '../db/client';
import { uuidv7Batch } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';

/** A form an editor, a volunteer or the seeding gives a name (transliterations are derived from them). */
export interface NameFormInput {
  text: string;
  /** Null: any language written in Latin letters. */
  language: string | null;
  isPreferred: boolean;
  origin: Exclude<NameFormOrigin, 'TRANSLITERATION'>;
}

/** A row of `name_form`, keys computed. */
export interface NameFormRow {
  id: string;
  nameId: string;
  collectionId: string;
  language: string | null;
  text: string;
  isPreferred: boolean;
  origin: NameFormOrigin;
  systems: string[];
  keys: string[];
  stems: string[];
  head: number;
  headStem: string;
}

/** A form's text as stored: white space collapsed. */
export function cleanFormText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/**
 * The rows of names' forms: the given forms (validated: a word at least, at most
 * {@link MAX_NAME_FORM_CHARS} characters, a preferred form has a language and is the only one of
 * its language, no form twice), and the Latin forms of every Russian one under each
 * transliteration system (language null, the systems recorded; a spelling already among the
 * forms is not added again). The words' keys and stems are computed with one stem query for all
 * the names. Throws INVALID_INPUT.
 */
export async function buildNameFormRows(db: Db, names: readonly { nameId: string; collectionId: string; kind: NameKind; forms: readonly NameFormInput[] }[]): Promise<NameFormRow[][]> {
  const planned = names.map((name) => planForms(name.kind, name.forms));
  const stemOf = await stemWords(
    db,
    planned.flatMap((forms) => forms.flatMap((form) => form.words.words.filter((word) => !word.isLatin).map((word) => ({ key: word.key, language: form.language })))),
  );
  return planned.map((forms, index) => {
    const name = names[index] as (typeof names)[number];
    // Increasing ids: the forms read back in the order given (lib/names/name-forms.ts, currentFormInputs).
    const ids = uuidv7Batch(forms.length);
    return forms.map((form, i) => {
      const keys = form.words.words.map((word) => word.key);
      const stems = form.words.words.map((word) => (word.isLatin ? word.key : stemOf({ key: word.key, language: form.language })));
      return {
        id: ids[i] as string,
        nameId: name.nameId,
        collectionId: name.collectionId,
        language: form.language,
        text: form.text,
        isPreferred: form.isPreferred,
        origin: form.origin,
        systems: form.systems,
        keys,
        stems,
        head: form.words.head,
        headStem: stems[form.words.head] ?? '',
      };
    });
  });
}

type PlannedForm = Omit<NameFormInput, 'origin'> & { origin: NameFormOrigin; systems: string[]; words: NonNullable<ReturnType<typeof formWords>> };

function planForms(kind: NameKind, inputs: readonly NameFormInput[]): PlannedForm[] {
  const forms: PlannedForm[] = [];
  const seen = new Set<string>();
  const preferredLanguages = new Set<string>();
  for (const input of inputs) {
    const text = cleanFormText(input.text);
    if (text.length > MAX_NAME_FORM_CHARS) throw new AppError('INVALID_INPUT', 'names.formTooLong', { values: { max: MAX_NAME_FORM_CHARS }, details: { text: [fieldMessage('form.atMostChars', { max: MAX_NAME_FORM_CHARS })] } });
    const words = formWords(text, kind);
    if (!words) throw new AppError('INVALID_INPUT', 'names.noNameWord', { values: { text }, details: { text: [fieldMessage('form.names.letters')] } });
    if (input.isPreferred) {
      if (input.language === null) throw new AppError('INVALID_INPUT', 'names.preferredNeedsLanguage', { details: { language: [fieldMessage('field.chooseLanguage')] } });
      if (preferredLanguages.has(input.language)) throw new AppError('INVALID_INPUT', 'names.onePreferredPerLanguage', { values: { language: input.language } });
      preferredLanguages.add(input.language);
    }
    const id = `${input.language ?? ''}\u0000${text}`;
    if (seen.has(id)) continue;
    seen.add(id);
    forms.push({ ...input, text, systems: [], words });
  }
  const texts = new Set(forms.map((form) => form.text));
  for (const source of forms.filter((form) => isTransliterated(form.language))) {
    for (const latin of transliterateName(source.text)) {
      if (texts.has(latin.text)) continue;
      const words = formWords(latin.text, kind);
      if (!words) continue;
      texts.add(latin.text);
      forms.push({ text: latin.text, language: null, isPreferred: false, origin: 'TRANSLITERATION', systems: latin.systems, words });
    }
  }
  if (forms.length > MAX_NAME_FORMS) throw new AppError('INVALID_INPUT', 'names.tooManyForms', { values: { max: MAX_NAME_FORMS } });
  return forms;
}

/**
 * What the index shows a name by and sorts it by: its English preferred form, else the preferred
 * form of the first language in alphabetical order, else its first form; sorted by that form's
 * head word (the surname), then its whole words.
 */
export function nameLabel(rows: readonly NameFormRow[]): { label: string; sortKey: string } {
  const preferred = rows.filter((row) => row.isPreferred).sort((a, b) => Number(b.language === 'en') - Number(a.language === 'en') || (a.language ?? '').localeCompare(b.language ?? ''));
  const shown = preferred[0] ?? rows.find((row) => row.origin !== 'TRANSLITERATION') ?? rows[0];
  if (!shown) return { label: '', sortKey: '' };
  return { label: shown.text, sortKey: `${shown.keys[shown.head] ?? ''} ${shown.keys.join(' ')}`.trim() };
}

/** Inserts form rows (any number, one statement per 1,000). */
export async function insertNameForms(tx: Prisma.TransactionClient, rows: readonly NameFormRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1_000) await tx.nameForm.createMany({ data: rows.slice(i, i + 1_000) });
}

/**
 * Replaces a name's forms by `forms` and their transliterations, keys computed anew (after a
 * change of its forms or of its kind, which moves a head). Throws INVALID_INPUT.
 */
export async function replaceNameForms(tx: Prisma.TransactionClient, name: { id: string; collectionId: string; kind: NameKind }, forms: readonly NameFormInput[]): Promise<void> {
  const [rows = []] = await buildNameFormRows(tx, [{ nameId: name.id, collectionId: name.collectionId, kind: name.kind, forms }]);
  await tx.nameForm.deleteMany({ where: { nameId: name.id } });
  await insertNameForms(tx, rows);
  await tx.nameEntry.update({ where: { id: name.id }, data: nameLabel(rows) });
}

/** A name's forms as inputs (its transliterations left out: they are derived again). */
export async function currentFormInputs(db: Db, nameId: string): Promise<NameFormInput[]> {
  const forms = await db.nameForm.findMany({ where: { nameId, origin: { not: 'TRANSLITERATION' } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { text: true, language: true, isPreferred: true, origin: true } });
  return forms.map((form) => ({ ...form, origin: form.origin === 'OBSERVED' ? 'OBSERVED' : 'EDITOR' }));
}
