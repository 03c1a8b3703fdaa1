import { NextIntlClientProvider } from 'next-intl';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

import ru from '../../lib/i18n/messages/ru.json';

/** Renders a component to HTML as a page would in Russian: under the provider of the interface's messages. */
export function renderInRussian(element: ReactElement): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale="ru" messages={ru} timeZone="UTC">
      {element}
    </NextIntlClientProvider>,
  );
}
