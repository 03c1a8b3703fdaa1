import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import './globals.css';
import { getViewer } from '@/app/_lib/get-viewer';
import { RequestErrorLanguage } from '@/components/http/request-error-language';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';


// Every page shows who is signed in and reads the database per request: nothing is prerendered.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return {
    title: { default: 'Interlinear', template: '%s · Interlinear' },
    description: t('siteDescription'),
    applicationName: 'Interlinear',
    // Feed readers and e-reader apps find the feeds from any page.
    alternates: {
      types: {
        'application/atom+xml': [{ url: '/feeds/new.atom', title: t('feedTitle') }],
        'application/atom+xml;profile=opds-catalog;kind=navigation': [{ url: '/opds', title: t('opdsTitle') }],
      },
    },
  };
}

// The paper of each theme (app/globals.css), for the browser's own bars.
export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#171513' },
  ],
};

/**
 * The page frame: skip link, header with the viewer's account, main content, footer, in the
 * interface language of the request (lib/i18n/request.ts), which `<html lang>` states; client
 * components get its messages from the provider.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [viewer, locale, t] = await Promise.all([getViewer(), getLocale(), getTranslations('layout')]);
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col">
        <NextIntlClientProvider>
          <RequestErrorLanguage />
          <a href="#main" className="sr-only z-50 rounded-md bg-surface px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed focus:top-2 focus:left-2">
            {t('skipToContent')}
          </a>
          <SiteHeader viewer={viewer} />
          <main id="main" className="flex-1">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
