'use client';

import { NextIntlClientProvider } from 'next-intl';

import './globals.css';
import { ErrorPanel } from '@/components/feedback/error-panel';
import en from '@/lib/i18n/messages/en.json';

/**
 * Last-resort boundary for failures in the root layout itself (e.g. the database is down). It
 * replaces the layout, and with it the request's language and messages: it speaks English, from
 * the English catalogue.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <NextIntlClientProvider locale="en" messages={en} timeZone="UTC">
          <title>{en.errorPage.documentTitle}</title>
          <ErrorPanel error={error} retry={retry} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
