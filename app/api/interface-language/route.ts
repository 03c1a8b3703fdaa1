import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { defineRoute } from '@/lib/http/route';
import { languageCookie } from '@/lib/i18n/language-cookie';
import type { Locale } from '@/lib/i18n/locales';
import { chooseLanguageFieldsSchema } from '@/lib/i18n/schemas';
import { updateInterfaceLanguage } from '@/lib/i18n/update-interface-language';

/**
 * The header's language switcher, a plain form (no script needed): remembers the language in a
 * cookie, and in the account of whoever is signed in (which wins over the cookie), then goes back
 * to the page the form was on. Open to everyone: anonymous readers choose their language too.
 */
export const POST = defineRoute({
  permission: null,
  accepts: 'multipart',
  maxBodyBytes: 8_192,
  input: chooseLanguageFieldsSchema,
  handler: async ({ actor, input, request }) => {
    const language = input.language as Locale;
    if (actor.kind === 'user') await updateInterfaceLanguage({ actor, language });
    const location = safeCallbackUrl(input.returnTo ?? pathOf(request.headers.get('referer')));
    const isSecure = new URL(request.url).protocol === 'https:';
    return new Response(null, { status: 303, headers: { location, 'set-cookie': languageCookie(language, { isSecure }), 'cache-control': 'no-store' } });
  },
});

/** The path of the page the form was sent from (same-origin: the route refuses cross-site posts). */
function pathOf(referer: string | null): string | undefined {
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return undefined;
  }
}
