/**
 * Who is calling: a bearer token (ingest or display) or a journalist's session.
 * Roles are checked here, on the server, for every route; sockets use the same resolver.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Forbidden, Unauthorized } from '../errors.js';

export const userRoles = ['viewer', 'journalist', 'editor', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];
export type Role = UserRole | 'display' | 'ingest';

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

export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || undefined;
  return undefined;
}

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal | null;
  }
}

/** Resolves the caller once per request; a token that matches nothing is a 401 (not silently anonymous). */
export function authenticate(tokens: TokenResolver, sessions?: SessionResolver): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const token = bearerToken(req);
    const resolve = async () => {
      if (token !== undefined) {
        const principal = await tokens(token);
        if (!principal) throw new Unauthorized('The bearer token is not valid');
        return principal;
      }
      return sessions ? sessions(req) : null;
    };
    resolve().then(
      (principal) => {
        req.principal = principal;
        next();
      },
      (err: unknown) => next(err),
    );
  };
}

const userRank: Record<UserRole, number> = { viewer: 1, journalist: 2, editor: 3, admin: 4 };

/**
 * Which roles may do what. Tokens have fixed powers; users have a ladder.
 * 'subscribe' (alert subscriptions) is for people only, any user role: a display token sits
 * in every kiosk URL and an ingest token in scripts, and neither may send crisis data out.
 */
export type Permission = 'read' | 'ingest' | 'flag' | 'edit' | 'admin' | 'subscribe';

export function can(role: Role, permission: Permission): boolean {
  switch (permission) {
    case 'read':
      return role === 'display' || role === 'ingest' || role in userRank;
    case 'ingest':
      return role === 'ingest' || (role in userRank && userRank[role as UserRole] >= userRank.journalist);
    case 'flag':
      return role in userRank && userRank[role as UserRole] >= userRank.journalist;
    case 'edit':
      return role in userRank && userRank[role as UserRole] >= userRank.editor;
    case 'admin':
      return role === 'admin';
    case 'subscribe':
      return role in userRank;
  }
}

/** Why a permission is refused, where the generic "needs the permission" would not say what to do. */
const refusals: Partial<Record<Permission, string>> = {
  subscribe:
    'Subscriptions belong to people: sign in with an account (viewer or above); display and ingest tokens cannot subscribe',
};

/** 401 without credentials, 403 when the role lacks the permission. */
export function requirePermission(permission: Permission): RequestHandler {
  return (req, _res, next) => {
    if (!req.principal) return next(new Unauthorized());
    if (!can(req.principal.role, permission)) {
      return next(new Forbidden(refusals[permission] ?? `This needs the "${permission}" permission`));
    }
    next();
  };
}
