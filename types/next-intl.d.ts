import type { Messages } from '@/lib/i18n/load-messages';
import type { Locale } from '@/lib/i18n/locales';

// Message keys and locales are checked by the compiler: `t('header.signIn')` must exist in en.json.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
