import { NextIntlClientProvider } from 'next-intl';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

import en from '../../lib/i18n/messages/en.json';

/** Renders a component to HTML as a page would in English: under the provider of the interface's messages. */
export function renderInEnglish(element: ReactElement): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale="en" messages={en} timeZone="UTC">
      {element}
    </NextIntlClientProvider>,
  );
}
