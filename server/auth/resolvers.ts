/**
 * Turns credentials into principals: the session cookie (HTTP and socket handshakes) and
 * admin-issued bearer tokens (chained after the environment's tokens in api.ts).
 */
import type { IncomingMessage } from 'node:http';
import { Forbidden } from '../errors.js';
import type { SessionResolver, TokenResolver } from './principal.js';
import { fromTrustedProxy, type TrustFn } from '../http/proxy.js';
import { ABSOLUTE_TTL_MS, type SessionStore } from '../storage/sessionStore.js';
import type { TokenStore } from '../storage/tokenStore.js';
import { readSessionCookie } from './cookies.js';
import { isAppOrigin, isWriteMethod } from './origin.js';

/**
 * The session behind the request's cookie. A write (POST, PUT, PATCH, DELETE) carrying the
 * cookie must come from the app's own origin, else 403 — checked here, where the cookie becomes
 * a principal, so it covers every route of every router (and nothing the cookie does can skip it).
 */
export function sessionResolver(
  sessions: SessionStore,
  publicOrigin: string | undefined,
  trust: TrustFn,
): SessionResolver {
  return async (req) => {
    const id = readSessionCookie(req.headers.cookie);
    if (!id) return null;
    const method = (req as Partial<IncomingMessage>).method;
    const forwarded = req.socket !== undefined && fromTrustedProxy(req as IncomingMessage, trust);
    if (isWriteMethod(method) && !isAppOrigin(req.headers, publicOrigin, forwarded)) {
      throw new Forbidden(
        'A write signed in with the session cookie must come from the app itself (Origin header missing or foreign)',
      );
    }
    const session = await sessions.resolve(id);
    if (!session) return null;
    return {
      kind: 'session',
      name: session.username,
      role: session.role,
      sessionId: id,
      expiresAt: session.createdAt + ABSOLUTE_TTL_MS,
    };
  };
}

/** Tokens issued by admins (POST /api/tokens); revoked ones resolve to nothing. */
export function issuedTokenResolver(tokens: TokenStore): TokenResolver {
  return async (token) => {
    if (!token.startsWith('cdt_')) return null; // not one of ours: no Redis round trip
    const meta = await tokens.resolve(token);
    return meta ? { kind: 'token', name: `token:${meta.name}`, role: meta.role } : null;
  };
}
