/**
 * The lint rules that keep user-facing strings out of pages and components: they come from the
 * catalogues of lib/i18n (`useTranslations`, `getTranslations`), so that every language has them.
 * eslint.config.mjs applies them to app/ and components/ except the files listed below.
 */

/** What reads the same in every language: the site's name, punctuation, separators, arrows. */
const NEUTRAL = ['Interlinear', '·', '—', '–', '-', '/', '(', ')', '[', ']', '…', ':', ',', '.', ';', '%', '→', '←', '↑', '↓', '×', '+', '#', '¶', '*', '|', '“', '”', '«', '»', '§', '↗', '⋯', '❧', '↩', '⚑', '⇆', '▾', '▸', '✓', '✕', '↵'];

/** A string with a letter in it (Latin or Cyrillic): something to translate. */
const WORDY = '/[A-Za-zА-Яа-яЁё]/';

/** Props that reach the reader as text, on elements and on the app's own components. */
const TEXT_PROPS = '/^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label|hint|intro|description|emptyText)$/';

export const USER_FACING_LITERALS = {
  'react/jsx-no-literals': ['error', { noStrings: false, allowedStrings: NEUTRAL }],
  'no-restricted-syntax': [
    'error',
    ...[
      `JSXAttribute[name.name=${TEXT_PROPS}] > Literal[value=${WORDY}]`,
      `JSXAttribute[name.name=${TEXT_PROPS}] > JSXExpressionContainer > Literal[value=${WORDY}]`,
      `JSXAttribute[name.name=${TEXT_PROPS}] > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal[value=${WORDY}]`,
      `JSXAttribute[name.name=${TEXT_PROPS}] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=${WORDY}]`,
      `JSXAttribute[name.name=${TEXT_PROPS}] > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > TemplateLiteral > TemplateElement[value.raw=${WORDY}]`,
      // A page's title and description (the browser's tab, search results).
      `VariableDeclarator[id.name='metadata'] Property[key.name=/^(title|description)$/] > Literal[value=${WORDY}]`,
      `:matches(JSXElement, JSXFragment) > JSXExpressionContainer > Literal[value=${WORDY}]`,
      `:matches(JSXElement, JSXFragment) > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal[value=${WORDY}]`,
      `:matches(JSXElement, JSXFragment) > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=${WORDY}]`,
      `:matches(JSXElement, JSXFragment) > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > TemplateLiteral > TemplateElement[value.raw=${WORDY}]`,
    ].map((selector) => ({ selector, message: 'A user-facing string: put it in lib/i18n/messages (docs/translating-the-interface.md).' })),
  ],
};

/**
 * Pages and components whose text is still written in English in the code, not yet in the
 * catalogues. The list only shrinks: convert a file, then take it off. A new file never goes here.
 */
export const NOT_YET_TRANSLATED = [
  // components/editor
  'components/editor/concordance-lookup.tsx',
  'components/editor/concordance-panel.tsx',
  'components/editor/draft-cell.tsx',
  'components/editor/draft-review-state.tsx',
  'components/editor/edit-work-link.tsx',
  'components/editor/editor-page-header.tsx',
  'components/editor/editor-toolbar.tsx',
  'components/editor/glossary-term-list.tsx',
  'components/editor/glossary-text.tsx',
  'components/editor/machine-translation.tsx',
  'components/editor/memory-matches.tsx',
  'components/editor/presence-avatars.tsx',
  'components/editor/remote-carets.tsx',
  'components/editor/repetitions-panel.tsx',
  'components/editor/save-indicator.tsx',
  'components/editor/segment-details.tsx',
  'components/editor/segment-editor.tsx',
  'components/editor/segment-row.tsx',
  'components/editor/segment-status.tsx',
  'components/editor/shortcut-legend.tsx',
  'components/editor/virtual-list.tsx',
  'app/(workspace)/works/[[]workId]/edit/**',
  // app/(admin)
  'app/(admin)/admin/audit/page.tsx',
  'app/(admin)/admin/checks/page.tsx',
  'app/(admin)/admin/memory/page.tsx',
  'app/(admin)/admin/page.tsx',
  // app/(auth)
  'app/(auth)/setup/page.tsx',
  // app/(reader)
  'app/(reader)/docs/api/page.tsx',
  'app/(reader)/glossary/page.tsx',
  // app/(workspace)
  'app/(workspace)/works/[[]workId]/checks/page.tsx',
  'app/(workspace)/works/[[]workId]/proofread/page.tsx',
  // components/admin
  'components/admin/account-access-form.tsx',
  'components/admin/audit-filter-form.tsx',
  'components/admin/audit-log-table.tsx',
  'components/admin/collection-members.tsx',
  'components/admin/create-collection-form.tsx',
  // components/align
  'components/align/alignment-editor.tsx',
  'components/align/alignment-group.tsx',
  'components/align/alignment-legend.tsx',
  'components/align/alignment-notice.tsx',
  'components/align/alignment-page-header.tsx',
  'components/align/realign-range-bar.tsx',
  'components/align/split-chooser.tsx',
  // components/auth
  'components/auth/setup-form.tsx',
  // components/checks
  'components/checks/check-settings-form.tsx',
  'components/checks/finding-list.tsx',
  'components/checks/work-findings-list.tsx',
  // components/discussion
  'components/discussion/comment-body.tsx',
  'components/discussion/comment-composer.tsx',
  'components/discussion/discussion-thread.tsx',
  'components/discussion/segment-discussion.tsx',
  // components/glossary
  'components/glossary/entry-actions.tsx',
  'components/glossary/glossary-exchange.tsx',
  'components/glossary/glossary-filters.tsx',
  'components/glossary/new-term-panel.tsx',
  'components/glossary/own-proposals.tsx',
  'components/glossary/proposal-review.tsx',
  'components/glossary/term-form.tsx',
  // components/memory
  'components/memory/memory-exchange-panel.tsx',
  // components/proofread
  'components/proofread/suspect-list.tsx',
  'components/proofread/suspect-marks.tsx',
  // components/review
  'components/review/segment-history.tsx',
  // components/structure
  'components/structure/split-point-picker.tsx',
  'components/structure/structure-dialog.tsx',
  'components/structure/structure-diff.tsx',
  'components/structure/structure-menu.tsx',
  'components/structure/structure-review.tsx',
  'components/structure/structure-waiting.tsx',
];
