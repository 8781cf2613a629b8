/**
 * Issue 26 on sockets and accounts, against the real app: a resume from far back gets a
 * snapshot, not a replay; `state.request` is limited per socket; sockets per credential and per
 * address are capped with a clear refusal; a cookie handshake needs the app's Origin; a
 * session's sockets end at its absolute end; tokens see no journalist's name; a removed user's
 * subscriptions and sessions end with them; a user cannot be named like a token.
 */
import { Redis } from 'ioredis';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../shared/events.js';
import { ABSOLUTE_TTL_MS, hashSessionId } from '../server/storage/sessionStore.js';
import { MAX_REPLAY } from '../server/realtime/socketServer.js';
import { CHANGE_FIELD } from '../server/storage/changeStream.js';
import { ALERT_ENV } from './helpers/alertEnv.js';
import { DISPLAY_TOKEN, INGEST_TOKEN, postReport, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { ADMIN_PASSWORD, call, cookieSocket, login, socketOutcome, userWithRole } from './helpers/desk.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';
import { connectClient, connected } from './helpers/socketClient.js';
import { startReceiver, type WebhookReceiver } from './helpers/webhookReceiver.js';

let redis: TestRedis;
let app: TestApp;
let probe: Redis;
let admin: string;
let receiver: WebhookReceiver;

beforeAll(async () => {
  redis = await startRedis();
  receiver = await startReceiver();
  app = await startTestApp(redis.url, {
    env: { ...ALERT_ENV, ADMIN_PASSWORD, SOCKETS_PER_CREDENTIAL: '4', SOCKETS_PER_IP: '6' },
  });
  probe = new Redis(redis.url);
  admin = await login(app.url, 'admin', ADMIN_PASSWORD);
});
afterAll(async () => {
  probe?.disconnect();
  await receiver?.close();
  await app?.close();
  await redis?.stop();
});

const desk = () => `{${app.prefix}}:changes`;
const filler = (n: number) =>
  JSON.stringify({ type: 'flag.changed', id: `${String(n).padStart(32, '0')}`, flags: [] } satisfies Omit<
    Extract<Change, { type: 'flag.changed' }>,
    'seq' | 'crisis'
  >);

async function appendFillers(count: number): Promise<string[]> {
  const pipeline = probe.pipeline();
  for (let i = 0; i < count; i++) pipeline.xadd(desk(), '*', CHANGE_FIELD, filler(i));
  return ((await pipeline.exec()) ?? []).map(([, id]) => String(id));
}

/** Waits for the next snapshot; returns the changes that came before it. */
async function untilSnapshot(client: ReturnType<typeof connectClient>, count: number): Promise<void> {
  await waitFor(async () => client.snapshots.length >= count, 10_000, `snapshot ${count}`);
}

describe('resuming (item 3)', () => {
  it('from 0-0, or from further back than MAX_REPLAY changes: a snapshot, not a replay', async () => {
    const ids = await appendFillers(MAX_REPLAY + 50);
    for (const since of ['0-0', ids[0]]) {
      const client = connectClient(app.url, { token: DISPLAY_TOKEN, desk: true, since });
      await untilSnapshot(client, 1);
      // A second snapshot asked for after the first: nothing was replayed in between.
      client.socket.emit('state.request');
      await untilSnapshot(client, 2);
      expect(client.changes).toHaveLength(0);
      client.close();
    }
  });

  it('from a few changes back: exactly those changes, no snapshot', async () => {
    const ids = await appendFillers(10);
    const client = connectClient(app.url, { token: DISPLAY_TOKEN, desk: true, since: ids[2] });
    await waitFor(async () => client.changes.length >= 7, 10_000, 'replay');
    expect(client.changes.map((c) => c.seq)).toEqual(ids.slice(3));
    expect(client.snapshots).toHaveLength(0);
    client.close();
  });
});

describe('requests and connections (item 3)', () => {
  it('state.request is limited per socket, and says so', async () => {
    const client = connectClient(app.url, { token: DISPLAY_TOKEN, desk: true });
    await untilSnapshot(client, 1);
    const refused = new Promise<{ event: string; message: string }>((resolve) =>
      client.socket.once('request.refused', resolve),
    );
    for (let i = 0; i < 20; i++) client.socket.emit('state.request');
    expect(await refused).toMatchObject({
      event: 'state.request',
      message: expect.stringMatching(/Too many requests/),
    });
    client.close();
    expect(client.snapshots.length).toBeLessThanOrEqual(1 + 5);
  });

  it('one credential may hold SOCKETS_PER_CREDENTIAL sockets, one address SOCKETS_PER_IP, then a clear refusal', async () => {
    const open = [];
    for (let i = 0; i < 4; i++) {
      const c = connectClient(app.url, { token: DISPLAY_TOKEN, desk: true });
      await connected(c);
      open.push(c);
    }
    const fifth = connectClient(app.url, { token: DISPLAY_TOKEN, desk: true });
    await expect(connected(fifth)).rejects.toThrow(/too many connections: this token already holds 4/);
    for (let i = 0; i < 2; i++) {
      const c = connectClient(app.url, { token: INGEST_TOKEN, desk: true });
      await connected(c);
      open.push(c);
    }
    const seventh = connectClient(app.url, { token: INGEST_TOKEN, desk: true });
    await expect(connected(seventh)).rejects.toThrow(/too many connections: your address already holds 6/);
    // Closing one frees its place.
    open.pop()!.close();
    await waitFor(async () => {
      const again = connectClient(app.url, { token: INGEST_TOKEN, desk: true });
      const ok = await connected(again).then(
        () => true,
        () => false,
      );
      if (ok) open.push(again);
      else again.close();
      return ok;
    });
    for (const c of open) c.close();
  });
});

describe('sessions on sockets (items 3 and 7)', () => {
  it('a handshake signed in by the cookie must carry the app Origin; tokens need none', async () => {
    const cookie = await userWithRole(app.url, admin, 'olga', 'viewer');
    const none = cookieSocket(app.url, cookie, { desk: true }, null);
    expect(await socketOutcome(none)).toMatch(/must come from the app itself/);
    const foreign = cookieSocket(app.url, cookie, { desk: true }, 'https://evil.example');
    expect(await socketOutcome(foreign)).toMatch(/must come from the app itself/);
    const ours = cookieSocket(app.url, cookie);
    expect(await socketOutcome(ours)).toBe('connected');
    const token = io(app.url, {
      auth: { token: DISPLAY_TOKEN },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    expect(await socketOutcome(token)).toBe('connected');
    for (const s of [none, foreign, ours, token]) s.close();
  });

  it("a session's socket ends at the session's absolute end (7 days), even while in use", async () => {
    const cookie = await userWithRole(app.url, admin, 'pavel', 'viewer');
    const id = decodeURIComponent(cookie.split('=')[1]);
    const key = `{${app.prefix}}:session:${hashSessionId(id)}`;
    const record = JSON.parse((await probe.get(key))!) as { createdAt: number };
    // As if signed in 7 days ago, less a second and a half.
    record.createdAt = Date.now() - ABSOLUTE_TTL_MS + 1500;
    await probe.set(key, JSON.stringify(record), 'KEEPTTL');
    const socket = cookieSocket(app.url, cookie);
    expect(await socketOutcome(socket)).toBe('connected');
    const reason = await new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect(reason).toBe('io server disconnect');
    expect(await socketOutcome(cookieSocket(app.url, cookie))).toMatch(/unauthorized/);
  });
});

describe("journalists' names and tokens (items 4 and 7)", () => {
  it('tokens see a flag without who set it or the note; signed-in users see both, on sockets and over HTTP', async () => {
    const journalist = await userWithRole(app.url, admin, 'quentin', 'journalist');
    const res = await postReport(app.url, { text: `Flag me (${Date.now()}).`, dateline: '2022-01-19' });
    const { id } = (await res.json()) as { id: string };
    await waitFor(async () => {
      const r = await fetch(`${app.url}/api/reports/${id}`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } });
      return ((await r.json()) as { status: string }).status === 'done';
    });
    const wall = connectClient(app.url, { token: DISPLAY_TOKEN, desk: true });
    const person = cookieSocket(app.url, journalist);
    const personChanges: Change[] = [];
    person.on('change', (c) => personChanges.push(c));
    await connected(wall);
    await socketOutcome(person);
    await untilSnapshot(wall, 1);
    await call(
      app.url,
      'POST',
      `/api/reports/${id}/flags`,
      { cookie: journalist },
      { flag: 'disputed', note: 'Source is Quentin' },
    );
    await waitFor(async () => wall.changes.some((c) => c.type === 'flag.changed' && c.id === id));
    await waitFor(async () => personChanges.some((c) => c.type === 'flag.changed' && c.id === id));
    const seen = wall.changes.find((c) => c.type === 'flag.changed' && c.id === id) as Extract<
      Change,
      { type: 'flag.changed' }
    >;
    expect(seen.flags).toEqual([{ flag: 'disputed', at: expect.any(String) }]);
    const theirs = personChanges.find((c) => c.type === 'flag.changed' && c.id === id) as Extract<
      Change,
      { type: 'flag.changed' }
    >;
    expect(theirs.flags[0]).toMatchObject({ by: 'quentin', note: 'Source is Quentin' });
    const overHttp = await (
      await fetch(`${app.url}/api/reports?limit=5`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } })
    ).text();
    expect(overHttp).not.toContain('quentin');
    expect(overHttp).not.toContain('Source is Quentin');
    const state = await (
      await fetch(`${app.url}/api/state`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } })
    ).text();
    expect(state).not.toContain('quentin');
    wall.close();
    person.close();
  });

  it('no account may be named like a token, and an in-app alert for "display" never reaches a wall', async () => {
    for (const username of ['display', 'ingest-token-1', 'Token']) {
      const res = await call(
        app.url,
        'POST',
        '/api/users',
        { cookie: admin },
        { username, password: 'long-enough-password', role: 'viewer' },
      );
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/belongs to a token or to the system/);
    }
    const wall = connectClient(app.url, { token: DISPLAY_TOKEN, desk: true });
    await untilSnapshot(wall, 1);
    const alert = {
      type: 'alert.fired',
      subscriptionId: 's',
      userId: 'display',
      title: 'private',
      body: 'b',
      changeSeq: '1-0',
    };
    await probe.xadd(desk(), '*', CHANGE_FIELD, JSON.stringify(alert));
    const [marker] = await appendFillers(1);
    await waitFor(async () => wall.changes.some((c) => c.seq === marker));
    expect(wall.changes.some((c) => c.type === 'alert.fired')).toBe(false);
    wall.close();
  });

  it('removing a user ends their subscriptions and sessions: their webhook never fires again', async () => {
    const [leaver, stayer] = [
      await userWithRole(app.url, admin, 'rosa', 'viewer'),
      await userWithRole(app.url, admin, 'sami', 'viewer'),
    ];
    const journalist = await userWithRole(app.url, admin, 'tomas', 'journalist');
    for (const [cookie, who] of [
      [leaver, 'rosa'],
      [stayer, 'sami'],
    ] as const) {
      const res = await call(
        app.url,
        'POST',
        '/api/subscriptions',
        { cookie },
        {
          name: `flags of ${who}`,
          rule: { type: 'flag', flag: 'breaking' },
          channel: { type: 'webhook', url: `${receiver.url}/${who}` },
          throttleMinutes: 0,
        },
      );
      expect(res.status).toBe(201);
    }
    const socket = cookieSocket(app.url, leaver);
    expect(await socketOutcome(socket)).toBe('connected');
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect((await call(app.url, 'DELETE', '/api/users/rosa', { cookie: admin })).status).toBe(204);
    await dropped;
    expect((await call(app.url, 'GET', '/api/session', { cookie: leaver })).status).toBe(401);
    expect(await probe.smembers(`{${app.prefix}}:subs:user:rosa`)).toEqual([]);

    const res = await postReport(app.url, { text: `Breaking flag test (${Date.now()}).`, dateline: '2022-01-19' });
    const { id } = (await res.json()) as { id: string };
    await waitFor(async () => (await probe.hget(`{${app.prefix}}:report:${id}`, 'status')) === 'done');
    await call(app.url, 'POST', `/api/reports/${id}/flags`, { cookie: journalist }, { flag: 'breaking' });
    // The one still subscribed hears of it; by then the removed user's would have fired too.
    await waitFor(
      async () => receiver.requests.some((r) => r.body.includes(id) && r.body.includes('flags of sami')),
      15_000,
    );
    expect(receiver.requests.filter((r) => r.body.includes('flags of rosa'))).toEqual([]);
  });
});
