'use client';

import { useTranslations } from 'next-intl';

import { setRequestErrorTranslator } from './request-error-messages';

/**
 * Gives `apiRequest` the interface's language for the failures it words itself (answers without
 * the server's error body, no answer at all). Rendered once, first in the root layout's provider,
 * so it is set before any component sends a request. Renders nothing.
 */
export function RequestErrorLanguage() {
  const t = useTranslations('requestErrors');
  // Set while rendering (in the browser only), before the effects that send the first requests run.
  if (typeof window !== 'undefined') setRequestErrorTranslator(t);
  return null;
}
