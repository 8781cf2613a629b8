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
 * host the request was addressed to (X-Forwarded-Host behind the load balancer; a cross-site page
 * cannot set that header without a CORS preflight, which this app never grants).
 */
export function isAppOrigin(headers: IncomingHttpHeaders, publicOrigin?: string): boolean {
  const origin = firstValue(headers.origin);
  if (!origin || origin === 'null') return false;
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return false;
  }
  if (publicOrigin && originUrl.origin === publicOrigin) return true;
  const host = firstValue(headers['x-forwarded-host']) ?? firstValue(headers.host);
  return host !== undefined && originUrl.host === host.toLowerCase();
}
