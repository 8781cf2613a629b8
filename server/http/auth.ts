/**
 * HTTP authentication and authorisation: who is calling (a bearer token or a session, resolved
 * by server/auth/principal.ts, as for sockets), and the role check of every route, by `can()` of
 * shared/roles.ts (which the sockets and the client use too).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { can, type Permission } from '../../shared/roles.js';
import type { Principal, SessionResolver, TokenResolver } from '../auth/principal.js';
import { Forbidden, Unauthorized } from '../errors.js';

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
