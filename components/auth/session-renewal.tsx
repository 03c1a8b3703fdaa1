'use client';

import { useEffect } from 'react';

import { getJson } from '../http/api-request';

/** At most this often does a signed-in browser renew its session. */
const RENEW_EVERY_MS = 60 * 60 * 1000;
const STORAGE_KEY = 'interlinear:session-renewed-at';

/**
 * Keeps an active session alive: the session cookie's max age is an idle timeout, and only a
 * read through next-auth's session endpoint re-issues the cookie (pages read the session without
 * writing cookies). Rendered for signed-in viewers; asks at most once an hour, whatever the
 * number of tabs. An ended session is cleared by the same request.
 */
export function SessionRenewal() {
  useEffect(() => {
    const renew = () => {
      const last = Number(window.localStorage.getItem(STORAGE_KEY) ?? 0);
      if (Date.now() - last < RENEW_EVERY_MS) return;
      window.localStorage.setItem(STORAGE_KEY, String(Date.now()));
      // Nothing to show if it fails: the next renewal is due within the hour.
      void getJson('/api/auth/session');
    };
    renew();
    const timer = window.setInterval(renew, RENEW_EVERY_MS / 4);
    return () => window.clearInterval(timer);
  }, []);
  return null;
}
