import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The cookie that carries the access token after the first visit with ?token=. */
export const tokenCookie = 'vigil_token';

/** A new random access token (Jupyter style: 24 bytes, hex). */
export function generateToken(): string {
  return randomBytes(24).toString('hex');
}

/** Whether a host name or address is loopback, i.e. reachable only from this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** The token a request presents: `Authorization: Bearer`, the cookie, or (for the WebSocket) `?token=`. */
export function presentedToken(request: IncomingMessage, url: URL, allowQuery: boolean): string | null {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim();
  const cookie = readCookie(request.headers.cookie ?? '', tokenCookie);
  if (cookie) return cookie;
  return allowQuery ? url.searchParams.get('token') : null;
}

/** Compare tokens in constant time, so response timing does not reveal a prefix. */
export function tokenMatches(presented: string | null, expected: string): boolean {
  if (presented === null) return false;
  const left = Buffer.from(presented);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The Set-Cookie value that remembers the token for this origin only. */
export function tokenCookieHeader(token: string): string {
  return `${tokenCookie}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}

function readCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const equals = part.indexOf('=');
    if (equals > 0 && part.slice(0, equals).trim() === name) {
      try {
        return decodeURIComponent(part.slice(equals + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}
