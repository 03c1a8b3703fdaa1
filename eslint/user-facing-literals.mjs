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
    // Dates and numbers in the interface's language: never a locale written in the code.
    ...[
      `CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/][arguments.0.type='Literal']`,
      `CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/][arguments.0.type='ArrayExpression']`,
      `NewExpression[callee.object.name='Intl'][arguments.0.type='Literal']`,
      `NewExpression[callee.object.name='Intl'][arguments.0.type='ArrayExpression'] > ArrayExpression > Literal`,
    ].map((selector) => ({ selector, message: 'A fixed locale: format with next-intl (useFormatter, getFormatter, ICU arguments) in the interface language.' })),
  ],
};
