/**
 * Accounts and sessions on real parts (redis-server, the api role, socket.io-client):
 * sign-in, cookie attributes, rotation, logout here and everywhere, the Origin rule, users,
 * admin-issued tokens, the login rate limits, the first admin and the operator's CLI.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bootstrapAdmin } from '../server/auth/bootstrapAdmin.js';
import { keysFor } from '../server/storage/keys.js';
import { UserStore } from '../server/storage/userStore.js';
import { DISPLAY_TOKEN, postReport, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import {
  ADMIN_PASSWORD,
  USER_PASSWORD,
  call,
  cookieSocket,
  login,
  sessionCookieOf,
  socketOutcome,
  userWithRole,
} from './helpers/desk.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';

let redis: TestRedis;
let app: TestApp;
let probe: Redis;
let admin: string;

beforeAll(async () => {
  redis = await startRedis();
  app = await startTestApp(redis.url, { workers: 0, env: { ADMIN_PASSWORD } });
  probe = new Redis(redis.url);
  admin = await login(app.url, 'admin', ADMIN_PASSWORD);
});
afterAll(async () => {
  probe?.disconnect();
  await app?.close();
  await redis?.stop();
});

describe('signing in', () => {
  it('the first admin signs in with ADMIN_PASSWORD; the cookie is httpOnly, SameSite=Strict, path /', async () => {
    const res = await call(app.url, 'POST', '/api/session', {}, { username: 'admin', password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { username: 'admin', role: 'admin' } });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('cd_session='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
    const me = await call(app.url, 'GET', '/api/session', { cookie: sessionCookieOf(res) });
    expect(await me.json()).toEqual({ user: { username: 'admin', role: 'admin' } });
  });

  it('a wrong password or an unknown user is 401 invalid_credentials, the same for both', async () => {
    for (const body of [
      { username: 'admin', password: 'wrong-password-123' },
      { username: 'nobody', password: 'wrong-password-123' },
    ]) {
      const res = await call(app.url, 'POST', '/api/session', {}, body);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_credentials');
    }
  });

  it('a malformed body is 400 naming the field', async () => {
    const res = await call(app.url, 'POST', '/api/session', {}, { username: 'admin' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/password/);
  });

  it('signing in needs the app Origin: none or a foreign one is 403', async () => {
    const body = { username: 'admin', password: ADMIN_PASSWORD };
    expect((await call(app.url, 'POST', '/api/session', { origin: null }, body)).status).toBe(403);
    expect((await call(app.url, 'POST', '/api/session', { origin: 'https://evil.example' }, body)).status).toBe(403);
  });

  it('Redis keeps the password as argon2id and the session only as a hash of the cookie', async () => {
    const hash = await probe.hget(`{${app.prefix}}:user:admin`, 'passwordHash');
    expect(hash).toMatch(/^\$argon2id\$/);
    const cookie = await login(app.url, 'admin', ADMIN_PASSWORD);
    const raw = cookie.split('=')[1];
    const keys = await probe.keys(`{${app.prefix}}:session:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((k) => k.includes(raw))).toBe(false);
  });

  it('signing in again rotates the session: the cookie the browser came with stops working', async () => {
    const first = await login(app.url, 'admin', ADMIN_PASSWORD);
    const second = await login(app.url, 'admin', ADMIN_PASSWORD, first);
    expect(second).not.toBe(first);
    expect((await call(app.url, 'GET', '/api/session', { cookie: first })).status).toBe(401);
    expect((await call(app.url, 'GET', '/api/session', { cookie: second })).status).toBe(200);
  });
});

describe('signing out', () => {
  it('DELETE /api/session ends this session only; ?all=1 ends every session of the user', async () => {
    const cookie = await userWithRole(app.url, admin, 'olga', 'journalist');
    const other = await login(app.url, 'olga', USER_PASSWORD);
    const third = await login(app.url, 'olga', USER_PASSWORD);
    const out = await call(app.url, 'DELETE', '/api/session', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join(';')).toMatch(/cd_session=;/);
    expect((await call(app.url, 'GET', '/api/session', { cookie })).status).toBe(401);
    expect((await call(app.url, 'GET', '/api/session', { cookie: other })).status).toBe(200);
    expect((await call(app.url, 'DELETE', '/api/session?all=1', { cookie: other })).status).toBe(204);
    expect((await call(app.url, 'GET', '/api/session', { cookie: other })).status).toBe(401);
    expect((await call(app.url, 'GET', '/api/session', { cookie: third })).status).toBe(401);
  });

  it('a socket signed in by cookie is dropped at logout, and cannot come back with that cookie', async () => {
    const cookie = await userWithRole(app.url, admin, 'sasha', 'viewer');
    const socket = cookieSocket(app.url, cookie);
    expect(await socketOutcome(socket)).toBe('connected');
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    expect((await call(app.url, 'DELETE', '/api/session', { cookie })).status).toBe(204);
    expect(await dropped).toBe('io server disconnect');
    const again = cookieSocket(app.url, cookie);
    expect(await socketOutcome(again)).toMatch(/unauthorized/);
    again.close();
  });

  it('a cookie write without the app Origin is refused 403, with it the same write succeeds', async () => {
    const body = { username: 'pavel', password: USER_PASSWORD, role: 'viewer' };
    const none = await call(app.url, 'POST', '/api/users', { cookie: admin, origin: null }, body);
    expect(none.status).toBe(403);
    const foreign = await call(app.url, 'POST', '/api/users', { cookie: admin, origin: 'http://127.0.0.1:1' }, body);
    expect(foreign.status).toBe(403);
    expect((await call(app.url, 'POST', '/api/users', { cookie: admin }, body)).status).toBe(201);
  });
});

describe('users (admin)', () => {
  it('creates, lists (never the hash), refuses duplicates and bad roles', async () => {
    const create = await call(
      app.url,
      'POST',
      '/api/users',
      { cookie: admin },
      { username: 'Ivan', password: USER_PASSWORD, role: 'editor' },
    );
    expect(create.status).toBe(201);
    expect(((await create.json()) as { user: { username: string } }).user.username).toBe('ivan');
    const dup = await call(
      app.url,
      'POST',
      '/api/users',
      { cookie: admin },
      { username: 'ivan', password: USER_PASSWORD, role: 'editor' },
    );
    expect(dup.status).toBe(409);
    const bad = await call(
      app.url,
      'POST',
      '/api/users',
      { cookie: admin },
      { username: 'x1', password: USER_PASSWORD, role: 'god' },
    );
    expect(bad.status).toBe(400);
    const short = await call(
      app.url,
      'POST',
      '/api/users',
      { cookie: admin },
      { username: 'x2', password: 'short', role: 'viewer' },
    );
    expect(short.status).toBe(400);
    const list = await call(app.url, 'GET', '/api/users', { cookie: admin });
    const text = await list.text();
    expect(text).toContain('"ivan"');
    expect(text).not.toMatch(/argon2|passwordHash/);
  });

  it('a role change ends the user’s sessions; the next sign-in carries the new role; removal locks them out', async () => {
    const cookie = await userWithRole(app.url, admin, 'nina', 'viewer');
    const patch = await call(app.url, 'PATCH', '/api/users/nina', { cookie: admin }, { role: 'journalist' });
    expect(patch.status).toBe(200);
    expect((await call(app.url, 'GET', '/api/session', { cookie })).status).toBe(401);
    const fresh = await login(app.url, 'nina', USER_PASSWORD);
    expect(await (await call(app.url, 'GET', '/api/session', { cookie: fresh })).json()).toEqual({
      user: { username: 'nina', role: 'journalist' },
    });
    expect((await call(app.url, 'DELETE', '/api/users/nina', { cookie: admin })).status).toBe(204);
    expect((await call(app.url, 'GET', '/api/session', { cookie: fresh })).status).toBe(401);
    const res = await call(app.url, 'POST', '/api/session', {}, { username: 'nina', password: USER_PASSWORD });
    expect(res.status).toBe(401);
  });

  it('account changes are in the admin audit with who, before and after', async () => {
    const res = await call(app.url, 'GET', '/api/audit', { cookie: admin });
    const { entries } = (await res.json()) as {
      entries: { action: string; by: string; target: string; before: unknown; after: unknown }[];
    };
    const roleChange = entries.find((e) => e.action === 'user.updated' && e.target === 'nina');
    expect(roleChange).toMatchObject({ by: 'admin', before: { role: 'viewer' }, after: { role: 'journalist' } });
    expect(entries.find((e) => e.action === 'user.removed' && e.target === 'nina')?.after).toBeNull();
  });

  it('only admins manage users: an editor gets 403', async () => {
    const editor = await userWithRole(app.url, admin, 'edith', 'editor');
    expect((await call(app.url, 'GET', '/api/users', { cookie: editor })).status).toBe(403);
    expect(
      (
        await call(
          app.url,
          'POST',
          '/api/users',
          { cookie: editor },
          { username: 'z9', password: USER_PASSWORD, role: 'admin' },
        )
      ).status,
    ).toBe(403);
  });
});

describe('tokens (admin)', () => {
  it('an issued display token reads the state and opens a socket; revoked, it is refused and its socket dropped', async () => {
    const res = await call(
      app.url,
      'POST',
      '/api/tokens',
      { cookie: admin },
      { name: 'lobby screen', role: 'display' },
    );
    expect(res.status).toBe(201);
    const issued = (await res.json()) as { id: string; token: string; role: string };
    expect(issued.role).toBe('display');
    expect((await call(app.url, 'GET', '/api/state', { token: issued.token })).status).toBe(200);
    expect((await call(app.url, 'POST', '/api/reports', { token: issued.token }, { text: 'x' })).status).toBe(403);
    const listed = await (await call(app.url, 'GET', '/api/tokens', { cookie: admin })).text();
    expect(listed).toContain('lobby screen');
    expect(listed).not.toContain(issued.token);
    expect(await probe.hgetall(`{${app.prefix}}:tokens`)).not.toHaveProperty(issued.token);

    const { io } = await import('socket.io-client');
    const socket = io(app.url, {
      auth: { token: issued.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    expect(await socketOutcome(socket)).toBe('connected');
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    expect((await call(app.url, 'DELETE', `/api/tokens/${issued.id}`, { cookie: admin })).status).toBe(204);
    expect(await dropped).toBe('io server disconnect');
    expect((await call(app.url, 'GET', '/api/state', { token: issued.token })).status).toBe(401);
    expect((await call(app.url, 'DELETE', `/api/tokens/${issued.id}`, { cookie: admin })).status).toBe(404);
  });

  it('an issued ingest token posts reports', async () => {
    const res = await call(app.url, 'POST', '/api/tokens', { cookie: admin }, { name: 'wire script', role: 'ingest' });
    const { token } = (await res.json()) as { token: string };
    const post = await postReport(
      app.url,
      { text: `Issued token report ${Date.now()}: ministers met in Vienna.` },
      token,
    );
    expect(post.status).toBe(202);
  });

  it('the config display token still works beside issued ones', async () => {
    expect((await call(app.url, 'GET', '/api/state', { token: DISPLAY_TOKEN })).status).toBe(200);
  });
});

describe('login rate limits (Redis-backed)', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp(redis.url, { workers: 0, env: { ADMIN_PASSWORD } });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('after 10 failed attempts for one user even the right password is 429, other users still sign in', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await call(
        limited.url,
        'POST',
        '/api/session',
        {},
        { username: 'admin', password: `wrong-${i}-password` },
      );
      expect(res.status).toBe(401);
    }
    const blocked = await call(
      limited.url,
      'POST',
      '/api/session',
      {},
      { username: 'admin', password: ADMIN_PASSWORD },
    );
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe('too_many_attempts');
    // The counter lives in Redis under the deployment's prefix (so it holds across api nodes).
    expect((await probe.keys(`{${limited.prefix}}:rl:login:user:*`)).length).toBe(1);
  });

  it('after 30 failed attempts from one address, every sign-in from it is 429', async () => {
    let status = 0;
    for (let i = 0; i < 31 && status !== 429; i++) {
      status = (
        await call(limited.url, 'POST', '/api/session', {}, { username: `someone${i}`, password: 'wrong-password-xx' })
      ).status;
    }
    expect(status).toBe(429);
    const fresh = await call(
      limited.url,
      'POST',
      '/api/session',
      {},
      { username: 'fresh-user', password: 'wrong-password-xx' },
    );
    expect(fresh.status).toBe(429);
  });
});

describe('the first admin and the operator CLI', () => {
  it('without ADMIN_PASSWORD a password is generated, printed once, and works', async () => {
    const keys = keysFor(`boot${Date.now()}`);
    const users = new UserStore(probe, keys);
    const printed: string[] = [];
    const options = {
      terminal: (t: string) => printed.push(t) > 0,
      dataDir: '/nonexistent-never-written',
      log: pino({ level: 'silent' }),
    };
    expect(await bootstrapAdmin(probe, keys, users, options)).toBe(true);
    expect(await bootstrapAdmin(probe, keys, users, options)).toBe(false);
    expect(printed).toHaveLength(1);
    const password = /password (\S+)/.exec(printed[0])![1];
    const { verifyPassword } = await import('../server/auth/passwords.js');
    expect(await verifyPassword((await users.get('admin'))!.passwordHash, password)).toBe(true);
    expect(JSON.parse((await probe.get(keys.adminBootstrapped))!)).toMatchObject({ generated: true, printed: true });
  });

  it('without a terminal the generated password goes to a file of its own (0600), never into the log stream', async () => {
    const keys = keysFor(`boot-file${Date.now()}`);
    const users = new UserStore(probe, keys);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'crisis-admin-'));
    const logged: string[] = [];
    const log = pino({ level: 'trace' }, { write: (line: string) => void logged.push(line) });
    const stdout = vi.spyOn(process.stdout, 'write');
    const stderr = vi.spyOn(process.stderr, 'write');
    try {
      expect(await bootstrapAdmin(probe, keys, users, { terminal: () => false, dataDir, log })).toBe(true);
      const file = path.join(dataDir, 'admin-password.txt');
      const password = /password (\S+)/.exec(readFileSync(file, 'utf8'))![1];
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(logged.join('')).toContain(file);
      expect(logged.join('')).not.toContain(password);
      const written = [...stdout.mock.calls, ...stderr.mock.calls].map((c) => String(c[0])).join('');
      expect(written).not.toContain(password);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('`npm run user -- add NAME ROLE` creates a user who can sign in; list shows them', async () => {
    const exec = promisify(execFile);
    const env = {
      ...process.env,
      REDIS_URL: redis.url,
      KEY_PREFIX: app.prefix,
      NEW_USER_PASSWORD: 'cli-password-0123',
    };
    const added = await exec('npx', ['tsx', 'scripts/user.ts', 'add', 'cli-journo', 'journalist'], { env });
    expect(added.stdout).toMatch(/Created cli-journo \(journalist\)/);
    const cookie = await login(app.url, 'cli-journo', 'cli-password-0123');
    const listed = await exec('npx', ['tsx', 'scripts/user.ts', 'list'], { env });
    expect(listed.stdout).toMatch(/cli-journo\tjournalist/);
    await expect(exec('npx', ['tsx', 'scripts/user.ts', 'add', 'cli-journo', 'journalist'], { env })).rejects.toThrow(
      /already exists/,
    );
    await exec('npx', ['tsx', 'scripts/user.ts', 'remove', 'cli-journo'], { env });
    await waitFor(
      async () => (await call(app.url, 'GET', '/api/session', { cookie })).status === 401,
      2000,
      'session ended',
    );
  });
});
