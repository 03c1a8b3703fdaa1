import 'server-only';

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

import { localizedErrorBody } from '../errors/localize-error';
import { PEER_ADDRESS_HEADER } from '../http/peer-address';
import { payloadTooLarge } from '../http/read-body';
import { localeOfRequest } from '../i18n/locale-of-request';

export interface SecureRequestOptions {
  /** Development server: Next's hot reload needs `eval` and its own WebSocket. */
  isDev: boolean;
  /** Public URL of the app (NEXTAUTH_URL): over https, browsers are told to keep to https. */
  publicUrl: string;
  /** Public WebSocket URL of a separate collaboration server, allowed as a connection target. */
  collabUrl?: string;
  /** How many reverse proxies in front of the app set X-Forwarded-* headers (TRUST_PROXY). */
  trustedProxies: number;
  /** Largest body any request may carry (bytes); routes check their own, smaller limits again. */
  maxBodyBytes: number;
}

/** Forwarding headers a client could send to pose as another host or address. */
const FORWARDED_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-forwarded-for', 'forwarded'] as const;

/**
 * Prepares one request before Next.js sees it, and the headers of its response:
 * - the peer's address in {@link PEER_ADDRESS_HEADER} (route handlers see no socket), replacing
 *   whatever the client sent; forwarding headers dropped unless a trusted proxy sets them (Next
 *   compares a server action's Origin with X-Forwarded-Host when present);
 * - a Content-Security-Policy with a fresh nonce, given to Next on the request (it stamps the
 *   nonce on its own scripts) and to the browser on the response: no inline script runs without it;
 * - `frame-ancestors 'none'`, nosniff, a referrer policy, and HSTS when served over https;
 * - a bound on the body of every request, counted as it arrives, whoever reads it (next-auth's
 *   handler and server actions included). Returns false when the request was answered here (413).
 */
export function secureRequest(request: IncomingMessage, response: ServerResponse, options: SecureRequestOptions): boolean {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? '';
  const isHttps = options.publicUrl.startsWith('https:') || (options.trustedProxies > 0 && request.headers['x-forwarded-proto'] === 'https');
  if (options.trustedProxies === 0) for (const name of FORWARDED_HEADERS) delete request.headers[name];

  const nonce = randomBytes(16).toString('base64');
  const policy = contentSecurityPolicy({ nonce, isDev: options.isDev, collabUrl: options.collabUrl });
  // Next takes the nonce from the request's own CSP header (its first 'nonce-…' in script-src).
  request.headers['content-security-policy'] = policy;
  response.setHeader('Content-Security-Policy', policy);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (isHttps) response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');

  return boundBody(request, response, options.maxBodyBytes);
}

/** The policy: scripts only from this origin with the nonce (and what they load), nothing framed. */
function contentSecurityPolicy({ nonce, isDev, collabUrl }: { nonce: string; isDev: boolean; collabUrl?: string }): string {
  const connect = ["'self'"];
  if (collabUrl) connect.push(new URL(collabUrl).origin.replace(/^http/, 'ws'));
  if (isDev) connect.push('ws:');
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // Stylesheets are files; React's style attributes and Next's few inline style elements need this.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    // The import preview runs the cleanup rules in a worker of this origin.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Refuses a body announced larger than `maxBytes` at once, and one that grows past it (chunked)
 * as soon as it does: every chunk the handler reads passes through `emit('data')`, counted there
 * without changing how the stream flows. Past the limit the client gets 413 and the connection
 * is closed after a short linger, and the handler reads nothing more of the body.
 */
function boundBody(request: IncomingMessage, response: ServerResponse, maxBytes: number): boolean {
  const announced = Number(request.headers['content-length'] ?? 0);
  if (announced > maxBytes) {
    refuse(request, response, maxBytes);
    return false;
  }
  let seen = 0;
  let isRefused = false;
  const emit = request.emit.bind(request) as (event: string | symbol, ...args: unknown[]) => boolean;
  request.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    if (event === 'data' && !isRefused) {
      const chunk = args[0];
      seen += typeof chunk === 'string' ? Buffer.byteLength(chunk) : (chunk as Uint8Array).byteLength;
      if (seen > maxBytes) {
        isRefused = true;
        refuse(request, response, maxBytes);
        return false;
      }
    }
    if (event === 'data' && isRefused) return false;
    return emit(event, ...args);
  }) as typeof request.emit;
  return true;
}

function refuse(request: IncomingMessage, response: ServerResponse, maxBytes: number): void {
  // Node closes a `connection: close` answer's socket with destroySoon(); here it lingers instead.
  const socket = request.socket;
  socket.destroySoon = () => lingerThenClose(socket);
  if (!response.headersSent) {
    // The same error, message and body as a route's own limit gives (lib/http/read-body.ts).
    const error = payloadTooLarge(maxBytes);
    response.writeHead(error.status, { 'content-type': 'application/json', connection: 'close' });
    const locale = localeOfRequest({ get: (name) => [request.headers[name] ?? []].flat().join(', ') || null });
    response.end(JSON.stringify(localizedErrorBody(error, locale)));
  }
}

/** How long, and for how many more bytes, a refused body is read and dropped before its connection closes. */
const LINGER_MS = 2_000;
const LINGER_BYTES = 4 * 1024 * 1024;

/**
 * Closes a refused request's connection the way nginx's lingering close does: the answer is sent
 * and the sending side shut (FIN), then whatever the client still sends is read and dropped for a
 * moment. Closing at once with body bytes unread makes the kernel reset the connection, and a
 * client still writing then loses the 413 it was about to read. The handler never sees those bytes
 * (they pass the same counting `emit` and are dropped), and a client that keeps sending is cut off
 * after {@link LINGER_MS} or {@link LINGER_BYTES}, whichever comes first.
 */
function lingerThenClose(socket: Socket): void {
  let dropped = 0;
  const close = () => socket.destroy();
  const timer = setTimeout(close, LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  socket.on('data', (chunk: Buffer) => {
    dropped += chunk.byteLength;
    if (dropped > LINGER_BYTES) close();
  });
  socket.on('end', close);
  socket.end();
  socket.resume();
}
