/**
 * The session cookie: its name, how it is read from a raw Cookie header (HTTP requests and
 * socket handshakes alike) and the attributes it is set with.
 */
import type { CookieOptions } from 'express';

export const SESSION_COOKIE = 'cd_session';
/** How long the browser keeps the cookie; the server's own expiry (idle and absolute) decides validity. */
export const SESSION_COOKIE_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/** Reads one cookie from a Cookie header; undefined when absent or malformed. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(raw) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function readSessionCookie(header: string | undefined): string | undefined {
  const value = readCookie(header, SESSION_COOKIE);
  // Our ids are 43 base64url characters; anything else is not worth a Redis round trip.
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

/** httpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure over HTTPS. */
export function sessionCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: SESSION_COOKIE_MAX_AGE_MS };
}
