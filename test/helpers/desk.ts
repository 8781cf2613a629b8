/**
 * HTTP helpers for the desk's tests: sign in, and call the API as a browser would (session
 * cookie plus the app's Origin on writes) or as a script would (bearer token).
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, SocketAuth } from '../../shared/events.js';

export const ADMIN_PASSWORD = 'test-admin-password-0123';
export const USER_PASSWORD = 'a-user-password-0123';

export type Caller = { cookie?: string; token?: string; origin?: string | null };

/** Calls the API; writes with a cookie carry the app's own Origin unless told otherwise. */
export async function call(
  url: string,
  method: string,
  path: string,
  who: Caller = {},
  body?: unknown,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (who.cookie) headers.cookie = who.cookie;
  if (who.token) headers.authorization = `Bearer ${who.token}`;
  const origin = who.origin === undefined ? url : who.origin;
  if (origin !== null && method !== 'GET') headers.origin = origin;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
  });
}

/** The `name=value` of the session cookie a response sets. */
export function sessionCookieOf(res: Response): string | undefined {
  const header = res.headers.getSetCookie().find((c) => c.startsWith('cd_session='));
  return header?.split(';')[0];
}

/** Signs in and returns the cookie to send. */
export async function login(url: string, username: string, password: string, cookie?: string): Promise<string> {
  const res = await call(url, 'POST', '/api/session', { cookie }, { username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const set = sessionCookieOf(res);
  if (!set) throw new Error('login set no cookie');
  return set;
}

/** Creates a user as admin and signs them in. */
export async function userWithRole(url: string, adminCookie: string, username: string, role: string): Promise<string> {
  const res = await call(
    url,
    'POST',
    '/api/users',
    { cookie: adminCookie },
    { username, password: USER_PASSWORD, role },
  );
  if (res.status !== 201) throw new Error(`create ${username}: ${res.status} ${await res.text()}`);
  return login(url, username, USER_PASSWORD);
}

/**
 * A socket.io client authenticated by a session cookie (as a browser on the desk is), on the desk
 * stream unless told; it sends the app's Origin, as a browser does (`origin: null` leaves it out).
 */
export function cookieSocket(
  url: string,
  cookie: string,
  auth: SocketAuth = { desk: true },
  origin: string | null = url,
): Socket<ServerToClientEvents, ClientToServerEvents> {
  const extraHeaders: Record<string, string> = { cookie, ...(origin === null ? {} : { origin }) };
  return io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders });
}

export function socketOutcome(socket: Socket): Promise<'connected' | string> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err) => resolve(err.message));
  });
}
