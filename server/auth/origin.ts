/**
 * "Is this request from the app's own pages?" Browsers send an Origin header on every
 * cross-origin request and on same-origin writes; a write authenticated by the session
 * cookie must carry ours (defence against cross-site request forgery on top of SameSite).
 */
import type { IncomingHttpHeaders } from 'node:http';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isWriteMethod(method: string | undefined): boolean {
  return !SAFE_METHODS.has((method ?? 'GET').toUpperCase());
}

function firstValue(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.split(',')[0]?.trim() || undefined;
}

/**
 * True when the Origin header names this app: the origin of PUBLIC_URL when configured, or the
 * host the request was addressed to (X-Forwarded-Host only when `forwardedTrusted`: the request
 * came from a load balancer TRUST_PROXY names).
 */
export function isAppOrigin(headers: IncomingHttpHeaders, publicOrigin?: string, forwardedTrusted = false): boolean {
  const origin = firstValue(headers.origin);
  if (!origin || origin === 'null') return false;
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return false;
  }
  if (publicOrigin && originUrl.origin === publicOrigin) return true;
  const host = (forwardedTrusted ? firstValue(headers['x-forwarded-host']) : undefined) ?? firstValue(headers.host);
  return host !== undefined && originUrl.host === host.toLowerCase();
}

/**
 * A socket handshake signed in by the session cookie must come from the app's own pages: its
 * Origin (every browser sends one on a WebSocket, and on cross-origin requests) must be the app's.
 * A same-origin long-polling GET may carry none; then the browser's Sec-Fetch-Site must say so.
 */
export function isAppHandshake(headers: IncomingHttpHeaders, publicOrigin?: string, forwardedTrusted = false): boolean {
  if (headers.origin !== undefined) return isAppOrigin(headers, publicOrigin, forwardedTrusted);
  return firstValue(headers['sec-fetch-site']) === 'same-origin';
}
