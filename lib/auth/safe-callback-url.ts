/**
 * A stand-in origin for resolving relative paths when the real one is not at hand: anything that
 * resolves elsewhere is another site.
 */
const PLACEHOLDER_ORIGIN = 'http://interlinear.invalid';

/**
 * The same-site path to go to after signing in (or up, or out), from an untrusted `callbackUrl`;
 * "/" for anything else. The value is resolved the way a browser resolves a Location header —
 * which drops tabs and newlines and reads "\" as "/", so "/\t/evil.example" or "/\evil.example"
 * lead to another host — and kept only when it stays on `origin` (the app's own, when known;
 * absolute URLs are refused without it). Only path, query and fragment are returned, in the
 * parser's escaped form, so the result is also safe as a header value. Pure.
 */
export function safeCallbackUrl(value: string | null | undefined, origin?: string | null): string {
  if (!value) return '/';
  const base = originOf(origin) ?? PLACEHOLDER_ORIGIN;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as a host.
  if (url.pathname.startsWith('//')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

function originOf(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const { origin } = new URL(value);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
