/**
 * Verification and assignment on real parts (Redis with every write fsynced, the worker, HTTP,
 * Socket.IO): verdicts on a report and its facts, roles, the editor's lock, refusals that name
 * what is wrong, live `verification.changed` and the assignee's in-app alert, "My queue", the
 * walls' marks and a false fact leaving the picture, no lost update under concurrent verdicts,
 * and every verdict still there after Redis is killed and the app started again.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../shared/desk.js';
import type { Change, ClientToServerEvents, ServerToClientEvents } from '../shared/events.js';
import type { ReportDetail } from '../shared/report.js';
import type { PublicState } from '../shared/state.js';
import type { QueueItem } from '../shared/verification.js';
import { DISPLAY_TOKEN, postReport, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { ADMIN_PASSWORD, call, cookieSocket, login, userWithRole, USER_PASSWORD, type Caller } from './helpers/desk.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';

let redis: TestRedis;
let app: TestApp;
let admin: string;
let editor: string;
let jane: string;
let joe: string;
let viewer: string;
let reportId: string;
let janeSocket: Socket<ServerToClientEvents, ClientToServerEvents>;
const janeSaw: Change[] = [];

const TEXT =
  'Russia has massed about 90,000 troops near the border with Ukraine, officials said. US Secretary of State Antony Blinken will meet Russian Foreign Minister Sergei Lavrov in Geneva on Friday.';

beforeAll(async () => {
  redis = await startRedis({ appendfsync: 'always' });
  app = await startTestApp(redis.url, { env: { ADMIN_PASSWORD } });
  admin = await login(app.url, 'admin', ADMIN_PASSWORD);
  editor = await userWithRole(app.url, admin, 'eddie', 'editor');
  jane = await userWithRole(app.url, admin, 'jane', 'journalist');
  joe = await userWithRole(app.url, admin, 'joe', 'journalist');
  viewer = await userWithRole(app.url, admin, 'vic', 'viewer');
  const res = await postReport(app.url, { text: TEXT, dateline: '2022-01-19', title: 'Verify me' });
  reportId = ((await res.json()) as { id: string }).id;
  await waitFor(async () => (await detail()).status === 'done', 15_000, 'report done');
  janeSocket = cookieSocket(app.url, jane);
  janeSocket.on('change', (c) => janeSaw.push(c));
  await new Promise<void>((resolve, reject) => {
    janeSocket.once('connect', resolve);
    janeSocket.once('connect_error', reject);
  });
});
afterAll(async () => {
  janeSocket?.close();
  await app?.close();
  await redis?.stop();
});

const put = (path: string, who: Caller, body: unknown) => call(app.url, 'PUT', path, who, body);
const reportPath = () => `/api/reports/${reportId}/verification`;
const factPath = (kind: string, index: number | string) =>
  `/api/reports/${reportId}/facts/${kind}/${index}/verification`;

async function detail(who: Caller = { cookie: editor }): Promise<ReportDetail> {
  return (await (await call(app.url, 'GET', `/api/reports/${reportId}`, who)).json()) as ReportDetail;
}
async function queueOf(who: string): Promise<QueueItem[]> {
  return (
    (await (await call(app.url, 'GET', '/api/verification/queue', { cookie: who })).json()) as { items: QueueItem[] }
  ).items;
}
async function wallState(): Promise<PublicState> {
  return (await (await call(app.url, 'GET', '/api/state', { token: DISPLAY_TOKEN })).json()) as PublicState;
}
async function errorOf(res: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, ...body.error };
}

describe('verdicts on a report', () => {
  it('is unverified by default, in the detail and in the list', async () => {
    expect((await detail()).verification).toEqual({ status: 'unverified', assignee: null, by: null, at: null });
    const list = (await (await call(app.url, 'GET', '/api/reports', { cookie: jane })).json()) as {
      reports: ReportDetail[];
    };
    expect(list.reports.find((r) => r.id === reportId)?.verification?.status).toBe('unverified');
  });

  it('lists who a check can be given to: journalists and above, names and roles only', async () => {
    const res = await call(app.url, 'GET', '/api/verification/assignees', { cookie: jane });
    const users = ((await res.json()) as { users: { username: string; role: string }[] }).users;
    expect(users.map((u) => u.username).sort()).toEqual(['admin', 'eddie', 'jane', 'joe']);
    expect(Object.keys(users[0]).sort()).toEqual(['role', 'username']);
    expect((await call(app.url, 'GET', '/api/verification/assignees', { cookie: viewer })).status).toBe(403);
  });

  it('a journalist takes it: stored, audited, live on the desk socket, in their queue', async () => {
    const seen = janeSaw.length;
    const res = await put(
      reportPath(),
      { cookie: jane },
      { status: 'in-progress', assignee: 'jane', note: 'calling MoD' },
    );
    expect(res.status).toBe(200);
    const v = (await detail()).verification!;
    expect(v).toMatchObject({ status: 'in-progress', assignee: 'jane', by: 'jane' });
    expect(Date.parse(v.at!)).not.toBeNaN();
    const change = await waitFor(
      async () => janeSaw.slice(seen).find((c) => c.type === 'verification.changed' && c.id === reportId),
      10_000,
      'verification.changed',
    );
    expect(change).toMatchObject({
      crisis: null,
      fact: null,
      crises: ['russia-ukraine'],
      verification: { status: 'in-progress', assignee: 'jane' },
    });
    const audit = (
      (await (await call(app.url, 'GET', `/api/reports/${reportId}/audit`, { cookie: viewer })).json()) as {
        entries: AuditEntry[];
      }
    ).entries;
    expect(audit.at(-1)).toMatchObject({
      action: 'verification.set',
      by: 'jane',
      before: { status: 'unverified', assignee: null },
      after: { status: 'in-progress', assignee: 'jane' },
      note: 'calling MoD',
    });
    expect((await queueOf(jane)).map((i) => [i.reportId, i.fact])).toEqual([[reportId, null]]);
  });

  it('hides who checks it from tokens', async () => {
    const v = (await detail({ token: DISPLAY_TOKEN })).verification!;
    expect(v.status).toBe('in-progress');
    expect(JSON.stringify(v)).not.toMatch(/jane|MoD/);
  });

  it('refuses what it must, naming why', async () => {
    expect(await errorOf(await put(reportPath(), { cookie: jane }, { status: 'maybe' }))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^status: status must be one of unverified, in-progress/),
    });
    expect(
      await errorOf(await put(reportPath(), { cookie: editor }, { status: 'verified', assignee: 'ghost' })),
    ).toMatchObject({ status: 404, message: expect.stringContaining('assignee: no user named ghost') });
    expect(
      (await put(`/api/reports/${'0'.repeat(32)}/verification`, { cookie: jane }, { status: 'verified' })).status,
    ).toBe(404);
    expect((await put(reportPath(), { token: DISPLAY_TOKEN }, { status: 'verified' })).status).toBe(403);
    expect((await put(reportPath(), { cookie: viewer }, { status: 'verified' })).status).toBe(403);
    expect((await put(reportPath(), {}, { status: 'verified' })).status).toBe(401);
    expect(
      await errorOf(await put(reportPath(), { cookie: joe }, { status: 'in-progress', assignee: 'eddie' })),
    ).toMatchObject({
      status: 403,
      message: expect.stringContaining('only an editor or admin gives it to someone else'),
    });
    expect(
      await errorOf(await put(reportPath(), { cookie: jane }, { status: 'verified', locked: true })),
    ).toMatchObject({
      status: 403,
      message: 'Only an editor or admin can lock or unlock a verdict',
    });
    expect((await detail()).verification?.status).toBe('in-progress');
  });

  it('an editor gives it to joe (who gets an in-app alert) and locks it; a journalist then gets 409', async () => {
    const joeSocket = cookieSocket(app.url, joe);
    const joeSaw: Change[] = [];
    joeSocket.on('change', (c) => joeSaw.push(c));
    await new Promise<void>((resolve) => joeSocket.once('connect', resolve));
    const given = await put(reportPath(), { cookie: editor }, { status: 'in-progress', assignee: 'joe' });
    expect(given.status).toBe(200);
    const alert = await waitFor(async () => joeSaw.find((c) => c.type === 'alert.fired'), 10_000, 'alert');
    expect(alert).toMatchObject({ userId: 'joe', title: 'eddie gave you a check' });
    expect(alert.type === 'alert.fired' && alert.body).toContain(`/desk?report=${reportId}`);
    joeSocket.close();
    expect(await queueOf(jane)).toEqual([]);
    expect((await queueOf(joe)).map((i) => i.reportId)).toEqual([reportId]);

    expect((await put(reportPath(), { cookie: editor }, { status: 'verified', locked: true })).status).toBe(200);
    expect((await detail()).verification).toMatchObject({
      status: 'verified',
      locked: true,
      assignee: 'joe',
      by: 'eddie',
    });
    expect(await queueOf(joe)).toEqual([]);
    expect(await errorOf(await put(reportPath(), { cookie: joe }, { status: 'false' }))).toMatchObject({
      status: 409,
      message: expect.stringContaining('locked by eddie: only an editor or admin can change it'),
    });
    expect((await put(reportPath(), { cookie: admin }, { status: 'verified', locked: false })).status).toBe(200);
    expect((await put(reportPath(), { cookie: joe }, { status: 'verified', assignee: null })).status).toBe(200);
    expect((await detail()).verification).toMatchObject({ status: 'verified', assignee: null });
    expect((await detail()).verification?.locked).toBeUndefined();
  });
});

describe('verdicts on one fact', () => {
  it('validates kind and index against the machine extraction', async () => {
    const d = await detail();
    expect(d.extraction!.troops.length).toBeGreaterThan(0);
    expect(d.extraction!.meetings.length).toBeGreaterThan(0);
    expect((await put(factPath('troops', 99), { cookie: jane }, { status: 'verified' })).status).toBe(404);
    expect(await errorOf(await put(factPath('people', 0), { cookie: jane }, { status: 'verified' }))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^kind: kind must be one of troops, meetings/),
    });
    expect((await put(factPath('troops', 'x'), { cookie: jane }, { status: 'verified' })).status).toBe(400);
  });

  it('concurrent verdicts on different facts all hold (no lost update)', async () => {
    const results = await Promise.all([
      put(factPath('troops', 0), { cookie: jane }, { status: 'in-progress', assignee: 'jane' }),
      put(factPath('meetings', 0), { cookie: joe }, { status: 'inconclusive' }),
      put(reportPath(), { cookie: editor }, { status: 'in-progress' }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const v = (await detail()).verification!;
    expect(v.status).toBe('in-progress');
    expect(v.facts).toMatchObject({
      'troops:0': { status: 'in-progress', assignee: 'jane' },
      'meetings:0': { status: 'inconclusive', by: 'joe' },
    });
    expect((await queueOf(jane)).map((i) => i.fact)).toEqual([{ kind: 'troops', index: 0 }]);
  });

  it('a lock is never overtaken: a journalist racing an editor either lands first or gets 409', async () => {
    const path = factPath('meetings', 0);
    for (let round = 0; round < 5; round++) {
      expect((await put(path, { cookie: editor }, { status: 'inconclusive', locked: false })).status).toBe(200);
      const auditBefore = (
        (await (await call(app.url, 'GET', `/api/reports/${reportId}/audit`, { cookie: viewer })).json()) as {
          entries: AuditEntry[];
        }
      ).entries.length;
      const [lock, change] = await Promise.all([
        put(path, { cookie: editor }, { status: 'inconclusive', locked: true }),
        put(path, { cookie: jane }, { status: round % 2 ? 'in-progress' : 'unverified' }),
      ]);
      expect(lock.status).toBe(200);
      expect([200, 409]).toContain(change.status);
      const entries = (
        (await (await call(app.url, 'GET', `/api/reports/${reportId}/audit`, { cookie: viewer })).json()) as {
          entries: AuditEntry[];
        }
      ).entries.slice(auditBefore);
      // Jane's verdict, when written, comes before the lock: after it, only the editor wrote.
      expect(entries.map((e) => e.by)).toEqual(change.status === 200 ? ['jane', 'eddie'] : ['eddie']);
      expect((await detail()).verification?.facts?.['meetings:0']).toMatchObject({ locked: true, by: 'eddie' });
    }
    expect((await put(path, { cookie: editor }, { status: 'in-progress', locked: false })).status).toBe(200);
  });

  it('the wall marks a verified figure and meeting; a false figure leaves the picture', async () => {
    const claimOf = (s: PublicState) =>
      [...(s.troops.current?.claims ?? []), ...s.troops.others.flatMap((o) => o.current?.claims ?? [])].find(
        (c) => c.reportId === reportId,
      );
    await waitFor(async () => claimOf(await wallState())?.verification === 'in-progress', 15_000, 'claim in progress');
    await put(factPath('troops', 0), { cookie: jane }, { status: 'verified' });
    await put(factPath('meetings', 0), { cookie: jane }, { status: 'verified' });
    await waitFor(async () => claimOf(await wallState())?.verification === 'verified', 15_000, 'claim verified');
    await waitFor(
      async () => (await wallState()).meetings.find((m) => m.sources.includes(reportId))?.verification === 'verified',
      15_000,
      'meeting verified',
    );
    await put(factPath('troops', 0), { cookie: editor }, { status: 'false', locked: true });
    await waitFor(async () => claimOf(await wallState()) === undefined, 15_000, 'claim gone');
    // The machine's extraction still has it: the verdict can be reversed by an editor.
    const d = await detail();
    expect(d.verification?.facts?.['troops:0']).toMatchObject({ status: 'false', locked: true });
    expect((await put(factPath('troops', 0), { cookie: jane }, { status: 'verified' })).status).toBe(409);
  });
});

describe('persistence', () => {
  it('every verdict is still there after Redis is killed and the app starts again', async () => {
    const before = (await detail()).verification;
    const prefix = app.prefix;
    janeSocket.close();
    await app.close();
    redis.kill9();
    await redis.restart();
    app = await startTestApp(redis.url, { env: { ADMIN_PASSWORD, KEY_PREFIX: prefix }, crises: [] });
    editor = await login(app.url, 'eddie', USER_PASSWORD);
    jane = await login(app.url, 'jane', USER_PASSWORD);
    expect((await detail()).verification).toEqual(before);
    expect((await queueOf(jane)).map((i) => i.fact)).toEqual([]);
    expect((await put(factPath('troops', 0), { cookie: editor }, { status: 'verified' })).status).toBe(200);
  });
});
