import { createElement, type ReactElement } from 'react';
import { describe, expect, it } from 'vitest';

import { ReviewDecision, WaitingForReview } from '../../../components/editor/draft-review-state';
import { EditorPageHeader, type EditorPageHeaderProps } from '../../../components/editor/editor-page-header';
import { EditorToolbar, type EditorToolbarProps } from '../../../components/editor/editor-toolbar';
import { GlossaryTermList } from '../../../components/editor/glossary-term-list';
import { GlossaryText } from '../../../components/editor/glossary-text';
import { ShortcutLegend } from '../../../components/editor/shortcut-legend';
import type { GlossaryHit } from '../../../lib/glossary/types';
import type { DeclinedSuggestion, WaitingSuggestion } from '../../../lib/review/find-text-suggestions';
import { renderInEnglish } from '../../helpers/render-in-english';
import { renderInRussian } from '../../helpers/render-in-russian';

/** The text a reader sees (tags dropped, entities of quotes read). */
const text = (markup: string): string => markup.replace(/<[^>]+>/gu, '').replace(/&quot;/gu, '"').replace(/&#x27;/gu, "'").replace(/&amp;/gu, '&');
const english = (element: ReactElement) => text(renderInEnglish(element));
const russian = (element: ReactElement) => text(renderInRussian(element));

const declined = (outcome: DeclinedSuggestion['outcome'], extra: Partial<DeclinedSuggestion> = {}): DeclinedSuggestion => ({
  suggestionId: 's1',
  outcome,
  text: 'Она ждала.',
  baseRevisionId: null,
  isOwn: false,
  reason: null,
  note: '',
  turnedDown: [],
  ...extra,
});

const waiting = (extra: Partial<WaitingSuggestion>): WaitingSuggestion => ({ suggestionId: 's2', status: 'PENDING', text: 'x', baseRevisionId: null, isOwn: false, ...extra });

describe('the review marks of a draft, in words', () => {
  it('says why a draft was turned down, in English as before and in Russian', () => {
    const rejected = declined('REJECTED', { reason: 'MEANING', note: 'She waited; she was not freezing.' });
    expect(english(createElement(ReviewDecision, { suggestion: rejected }))).toBe('Rejected: Changes the meaning — She waited; she was not freezing.');
    expect(russian(createElement(ReviewDecision, { suggestion: rejected }))).toBe('Отклонено: Искажает смысл — She waited; she was not freezing.');
    expect(english(createElement(ReviewDecision, { suggestion: { ...rejected, note: '' } }))).toBe('Rejected: Changes the meaning');

    const partly = declined('PARTLY_APPROVED', { isOwn: true, turnedDown: [{ excerpt: '∅ → все', reason: 'NOT_IN_ORIGINAL', note: '' }, { excerpt: 'тут', reason: 'STYLE', note: 'too loose' }] });
    expect(english(createElement(ReviewDecision, { suggestion: partly }))).toBe('Partly approved: turned down “∅ → все” (Not in the original); “тут” (Style: too loose)Details');
    expect(russian(createElement(ReviewDecision, { suggestion: partly }))).toBe('Одобрено частично, отклонены правки: «∅ → все» (Нет в оригинале); «тут» (Стиль: too loose)Подробнее');

    expect(english(createElement(ReviewDecision, { suggestion: declined('EDITED') }))).toBe('Published with a reviewer’s changes. Take the published text to go on from it.');
  });

  it('says a draft waits for review, with the way to review it for reviewers', () => {
    expect(english(createElement(WaitingForReview, { suggestion: waiting({}), segmentId: 'g', canReview: true }))).toBe('Waiting for review — review it');
    expect(english(createElement(WaitingForReview, { suggestion: waiting({ isOwn: true, status: 'APPROVED' }), segmentId: 'g', canReview: true }))).toBe('Approved once, waiting for validation');
    expect(english(createElement(WaitingForReview, { suggestion: waiting({}), segmentId: 'g', canReview: false }))).toBe('Waiting for review');
    expect(russian(createElement(WaitingForReview, { suggestion: waiting({}), segmentId: 'g', canReview: true }))).toBe('Ждёт проверки — проверить');
  });
});

describe('the glossary in the editor, in words', () => {
  const hit: GlossaryHit = {
    termId: 't1',
    term: 'Коминтерн',
    start: 0,
    end: 9,
    partOfSpeech: 'properNoun',
    note: '',
    translations: [
      { text: 'Comintern', status: 'preferred', stems: [] },
      { text: 'Communist International', status: 'admitted', stems: [] },
      { text: 'Komintern', status: 'forbidden', stems: [] },
    ],
  };

  it('lists the terms of a segment with their statuses', () => {
    const list = (hits: GlossaryHit[]) => createElement(GlossaryTermList, { hits, targetLanguage: 'en', canInsert: true, onInsert: () => undefined, onClose: () => undefined });
    expect(english(list([hit]))).toBe('A digit inserts that translation at the caret; Escape goes back to the draft.Коминтерн→1Comintern (preferred)2Communist International (admitted)not Komintern');
    expect(russian(list([hit]))).toBe('Цифра вставляет соответствующий перевод на место курсора; Escape — назад к черновику.Коминтерн→1Comintern (предпочтительный)2Communist International (допустимый)не Komintern');
    expect(english(list([]))).toBe('No glossary term in this segment’s original. (Escape: back to the draft)');
    expect(renderInEnglish(list([]))).toContain('<span class="text-xs">(Escape: back to the draft)</span>');
  });

  it('names a marked term’s part of speech and statuses in its tooltip', () => {
    const markup = (render: (element: ReactElement) => string) => render(createElement(GlossaryText, { text: 'Коминтерн решил.', hits: [hit], targetLanguage: 'en', onInsert: () => undefined }));
    expect(markup(english)).toContain('Glossary: Коминтерн · proper nounComintern (preferred)Communist International (admitted)Komintern (forbidden)Enter inserts “Comintern” into the draft; Alt+G in the draft lists every term.');
    expect(markup(russian)).toContain('Глоссарий: Коминтерн · имя собственноеComintern (предпочтительный)');
    expect(english(createElement(GlossaryText, { text: 'Коминтерн.', hits: [{ ...hit, partOfSpeech: null }], targetLanguage: 'en' }))).toContain('Glossary: КоминтернComintern (preferred)');
  });
});

describe('the editor’s header and shortcuts, in words', () => {
  const props: EditorPageHeaderProps = {
    work: { id: 'w', title: 'The Lamplighter', collectionId: 'c', collectionTitle: 'Tales', sourceLanguage: 'en' },
    language: 'fr',
    isSourceLanguage: false,
    languages: [
      { language: 'en', name: 'English', isSource: true },
      { language: 'fr', name: 'French', isSource: false },
    ],
  };

  it('names the language being edited in the interface’s language', () => {
    expect(english(createElement(EditorPageHeader, props))).toContain('Translate into French');
    expect(english(createElement(EditorPageHeader, props))).toContain('English (original)');
    expect(english(createElement(EditorPageHeader, { ...props, language: 'en', isSourceLanguage: true }))).toContain('Correct the English originalEnglish (original)FrenchRead the English');
    expect(russian(createElement(EditorPageHeader, { ...props, languages: [{ language: 'en', name: 'Английский', isSource: true }, { language: 'fr', name: 'Французский', isSource: false }] }))).toContain('Перевод на французскийАнглийский (оригинал)Французский');
  });

  it('describes every shortcut of the legend', () => {
    expect(english(createElement(ShortcutLegend))).toContain('Glossary terms of the segment (then 1–9 inserts)');
    expect(russian(createElement(ShortcutLegend))).toContain('Следующий сегмент');
  });
});

describe('the editor’s toolbar, in words', () => {
  const props: EditorToolbarProps = { notice: null, hiddenShortcuts: [], saveState: { kind: 'readonly' }, avatars: [], guests: 0, canEdit: false, isSignedIn: false, signInHref: '/sign-in', rowsError: null };

  it('asks guests to sign in, and tells those who may not edit', () => {
    expect(english(createElement(EditorToolbar, props))).toContain('Sign in to edit — you are reading the drafts.');
    expect(renderInEnglish(createElement(EditorToolbar, props))).toContain('<a class="font-medium text-accent-700 underline" href="/sign-in">Sign in to edit</a>');
    expect(russian(createElement(EditorToolbar, props))).toContain('Войдите, чтобы править — сейчас черновики открыты только для чтения.');
    expect(english(createElement(EditorToolbar, { ...props, isSignedIn: true }))).toContain('You may read these drafts but not change them.');
  });

  it('offers to submit the drafts marked done, and says when rows could not be read', () => {
    const toolbar = createElement(EditorToolbar, { ...props, canEdit: true, onSubmitDone: () => undefined, rowsError: 'The server is not answering right now.' });
    expect(english(toolbar)).toContain('Submit all drafts marked doneSubmit done drafts');
    expect(english(toolbar)).toContain('The server is not answering right now. Scroll again to retry.');
  });
});
