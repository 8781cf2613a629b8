/**
 * Who is calling, for HTTP and sockets alike: a bearer token (ingest, display or admin-issued)
 * or a person's session. The resolvers turn credentials into a principal; what a principal may
 * do is `can()` of shared/roles.ts.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Role } from '../../shared/roles.js';

export type Principal = {
  kind: 'token' | 'session';
  name: string;
  role: Role;
  sessionId?: string;
  /** A session's absolute end (ms since the epoch): its sockets are dropped then. */
  expiresAt?: number;
};

/** Resolves a bearer token to a principal (config tokens, and admin-issued tokens later). */
export type TokenResolver = (token: string) => Promise<Principal | null>;
/** Resolves the session cookie of a request (HTTP or a socket's handshake), if any. */
export type SessionResolver = (
  req: Pick<IncomingMessage, 'headers'> & Partial<Pick<IncomingMessage, 'socket' | 'method'>>,
) => Promise<Principal | null>;

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Tokens from the environment: INGEST_TOKENS and DISPLAY_TOKEN. */
export function configTokenResolver(ingestTokens: string[], displayToken: string | undefined): TokenResolver {
  return async (token) => {
    if (displayToken && safeEqual(token, displayToken)) return { kind: 'token', name: 'display', role: 'display' };
    const ingestIndex = ingestTokens.findIndex((t) => safeEqual(token, t));
    if (ingestIndex >= 0) return { kind: 'token', name: `ingest-token-${ingestIndex + 1}`, role: 'ingest' };
    return null;
  };
}

/** Tries each resolver in turn. */
export function chainTokenResolvers(...resolvers: TokenResolver[]): TokenResolver {
  return async (token) => {
    for (const resolve of resolvers) {
      const principal = await resolve(token);
      if (principal) return principal;
    }
    return null;
  };
}
