/**
 * POST /api/session (sign in), GET /api/session (who am I), DELETE /api/session[?all=1]
 * (sign out here, or everywhere). Signing in always opens a NEW session and ends the one the
 * browser came with (rotation: a planted cookie never becomes a signed-in one).
 */
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { loginSchema } from '../../../shared/desk.js';
import { SESSION_COOKIE, readSessionCookie, sessionCookieOptions } from '../../auth/cookies.js';
import { isAppOrigin } from '../../auth/origin.js';
import { verifyAgainstNothing, verifyPassword } from '../../auth/passwords.js';
import { AppError, Forbidden, Unauthorized } from '../../errors.js';
import { fromTrustedProxy, type TrustFn } from '../proxy.js';
import type { SessionStore } from '../../storage/sessionStore.js';
import type { UserStore } from '../../storage/userStore.js';
import { parseOrThrow } from '../validate.js';

export const logoutQuerySchema = z.object({ all: z.enum(['1', 'true', '0', 'false']).optional() });

export type SessionRouterDeps = {
  users: UserStore;
  sessions: SessionStore;
  /** Login rate limiters (per IP, per username). */
  limiters: RequestHandler[];
  publicOrigin?: string;
  trust: TrustFn;
};

export function sessionRouter(deps: SessionRouterDeps): Router {
  const router = Router();

  router.post('/', ...deps.limiters, async (req, res) => {
    // Login sets the cookie, so it is a cookie write too: only the app's own pages may do it.
    if (!isAppOrigin(req.headers, deps.publicOrigin, fromTrustedProxy(req, deps.trust)))
      throw new Forbidden('Sign in from the app itself (Origin header missing or foreign)');
    const { username, password } = parseOrThrow(loginSchema, req.body);
    const user = await deps.users.get(username);
    const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
    if (!user || !ok) throw new AppError(401, 'invalid_credentials', 'Wrong username or password');
    const previous = readSessionCookie(req.headers.cookie);
    if (previous) await deps.sessions.revoke(previous);
    const id = await deps.sessions.create(user.username, user.role);
    res.cookie(SESSION_COOKIE, id, sessionCookieOptions(req.secure));
    res.json({ user: { username: user.username, role: user.role } });
  });

  router.get('/', (req, res) => {
    if (!req.principal) throw new Unauthorized('Not signed in');
    if (req.principal.kind !== 'session') throw new Forbidden('A token is not a signed-in user');
    res.json({ user: { username: req.principal.name, role: req.principal.role } });
  });

  router.delete('/', async (req, res) => {
    const { all } = parseOrThrow(logoutQuerySchema, req.query, 'query');
    const principal = req.principal;
    if (principal?.kind === 'session' && principal.sessionId) {
      if (all === '1' || all === 'true') await deps.sessions.revokeAll(principal.name);
      else await deps.sessions.revoke(principal.sessionId, principal.name);
    }
    const { maxAge: _maxAge, ...clear } = sessionCookieOptions(req.secure);
    res.clearCookie(SESSION_COOKIE, clear);
    res.status(204).end();
  });

  return router;
}
