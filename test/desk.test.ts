/**
 * The desk's HTTP API on real parts: flags (set, lift, exclusive pairs, live as flag.changed),
 * corrections (stored, re-folded by the real worker, announced as report.updated, reflected in
 * the state), the audit trail, and a route × role table covering every route of the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../shared/desk.js';
import type { Change } from '../shared/events.js';
import type { ReportDetail } from '../shared/report.js';
import { DISPLAY_TOKEN, INGEST_TOKEN, postReport, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { ADMIN_PASSWORD, call, login, userWithRole, type Caller } from './helpers/desk.js';
import { allowedBy, apiRoutes, everyone, routeTable as table, type Who } from './helpers/routes.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';
import { connectClient, connected, type RecordingClient } from './helpers/socketClient.js';

let redis: TestRedis;
let app: TestApp;
let admin: string;
let editor: string;
let journalist: string;
let viewer: string;
let watcher: RecordingClient;
let reportId: string;

const REPORT_TEXT =
  'Russia has massed about 90,000 troops near the border with Ukraine, officials said. US Secretary of State Antony Blinken will meet Russian Foreign Minister Sergei Lavrov in Geneva on Friday.';

beforeAll(async () => {
  redis = await startRedis();
  app = await startTestApp(redis.url, { env: { ADMIN_PASSWORD } });
  admin = await login(app.url, 'admin', ADMIN_PASSWORD);
  editor = await userWithRole(app.url, admin, 'eddie', 'editor');
  journalist = await userWithRole(app.url, admin, 'jane', 'journalist');
  viewer = await userWithRole(app.url, admin, 'vic', 'viewer');
  watcher = connectClient(app.url, { token: DISPLAY_TOKEN });
  await connected(watcher);
  const res = await postReport(app.url, {
    text: REPORT_TEXT,
    dateline: '2022-01-19',
    title: 'Desk test',
    source: 'wire',
  });
  reportId = ((await res.json()) as { id: string }).id;
  await waitFor(async () => (await detail(reportId)).status === 'done', 15_000, 'report done');
});
afterAll(async () => {
  watcher?.close();
  await app?.close();
  await redis?.stop();
});

async function detail(id: string, who: Caller = { token: DISPLAY_TOKEN }): Promise<ReportDetail> {
  return (await (await call(app.url, 'GET', `/api/reports/${id}`, who)).json()) as ReportDetail;
}
async function audit(id: string, who: Caller = { cookie: viewer }): Promise<AuditEntry[]> {
  return ((await (await call(app.url, 'GET', `/api/reports/${id}/audit`, who)).json()) as { entries: AuditEntry[] })
    .entries;
}
function changeAfter(count: number, match: (c: Change) => boolean): Promise<Change> {
  return waitFor(async () => watcher.changes.slice(count).find(match), 10_000, 'change');
}

describe('flags', () => {
  it('a journalist flags a report breaking: stored, announced as flag.changed, audited with before and after', async () => {
    const seen = watcher.changes.length;
    const res = await call(
      app.url,
      'POST',
      `/api/reports/${reportId}/flags`,
      { cookie: journalist },
      { flag: 'breaking', note: 'wire confirms' },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { flags: { flag: string; by: string; note?: string }[] };
    expect(body.flags).toMatchObject([{ flag: 'breaking', by: 'jane', note: 'wire confirms' }]);
    const change = await changeAfter(seen, (c) => c.type === 'flag.changed' && c.id === reportId);
    // The watcher is a wall (display token): it is told of the flag, not who set it.
    expect(change).toMatchObject({ type: 'flag.changed', id: reportId, flags: [{ flag: 'breaking' }] });
    expect(JSON.stringify(change)).not.toMatch(/jane|wire confirms/);
    expect((await detail(reportId)).flags.map((f) => f.flag)).toEqual(['breaking']);
    const entry = (await audit(reportId)).at(-1)!;
    expect(entry).toMatchObject({
      action: 'flag.set',
      by: 'jane',
      role: 'journalist',
      target: reportId,
      before: [],
      note: 'wire confirms',
    });
    expect(entry.after).toMatchObject([{ flag: 'breaking' }]);
    expect(Date.parse(entry.at)).not.toBeNaN();
  });

  it('verified and disputed lift each other; DELETE lifts a flag; lifting an absent flag writes nothing', async () => {
    await call(app.url, 'POST', `/api/reports/${reportId}/flags`, { cookie: editor }, { flag: 'verified' });
    const disputed = await call(
      app.url,
      'POST',
      `/api/reports/${reportId}/flags`,
      { cookie: journalist },
      { flag: 'disputed', note: 'ministry denies' },
    );
    expect(((await disputed.json()) as { flags: { flag: string }[] }).flags.map((f) => f.flag).sort()).toEqual([
      'breaking',
      'disputed',
    ]);
    const lifted = await call(app.url, 'DELETE', `/api/reports/${reportId}/flags/disputed`, { cookie: journalist });
    expect(lifted.status).toBe(200);
    expect((await detail(reportId)).flags.map((f) => f.flag)).toEqual(['breaking']);
    const before = (await audit(reportId)).length;
    await call(app.url, 'DELETE', `/api/reports/${reportId}/flags/disputed`, { cookie: journalist });
    expect((await audit(reportId)).length).toBe(before);
    const last = (await audit(reportId)).at(-1)!;
    expect(last).toMatchObject({ action: 'flag.removed', by: 'jane' });
    expect((last.after as { flag: string }[]).map((f) => f.flag)).toEqual(['breaking']);
  });

  it('refuses a viewer (403), a display token (403), nobody (401), an unknown flag (400) and an unknown report (404)', async () => {
    const url = `/api/reports/${reportId}/flags`;
    expect((await call(app.url, 'POST', url, { cookie: viewer }, { flag: 'breaking' })).status).toBe(403);
    expect((await call(app.url, 'POST', url, { token: DISPLAY_TOKEN }, { flag: 'breaking' })).status).toBe(403);
    expect((await call(app.url, 'POST', url, {}, { flag: 'breaking' })).status).toBe(401);
    const bad = await call(app.url, 'POST', url, { cookie: journalist }, { flag: 'urgent' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /breaking, verified, disputed, follow-up/,
    );
    expect(
      (
        await call(
          app.url,
          'POST',
          `/api/reports/${'0'.repeat(32)}/flags`,
          { cookie: journalist },
          { flag: 'breaking' },
        )
      ).status,
    ).toBe(404);
    expect(
      (await call(app.url, 'POST', '/api/reports/not-an-id/flags', { cookie: journalist }, { flag: 'breaking' }))
        .status,
    ).toBe(400);
  });

  it('twenty concurrent flag changes from two users all land (optimistic retries), each audited once', async () => {
    const res = await postReport(app.url, {
      text: `Concurrent flags ${Date.now()}: talks in Geneva.`,
      dateline: '2022-01-19',
    });
    const id = ((await res.json()) as { id: string }).id;
    const kinds = ['breaking', 'follow-up'] as const;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(
          app.url,
          i % 2 ? 'POST' : 'DELETE',
          i % 2 ? `/api/reports/${id}/flags` : `/api/reports/${id}/flags/${kinds[(i >> 1) % 2]}`,
          { cookie: i % 4 < 2 ? journalist : editor },
          i % 2 ? { flag: kinds[(i >> 1) % 2] } : undefined,
        ),
      ),
    );
    const entries = await audit(id);
    // Replaying the audit from [] gives exactly the stored flags: no lost update.
    for (let i = 1; i < entries.length; i++) expect(entries[i].before).toEqual(entries[i - 1].after);
    expect(entries.at(-1)?.after ?? []).toEqual((await detail(id, { cookie: viewer })).flags);
  });
});

describe('corrections', () => {
  it('GET corrections shows the machine extraction whose indexes corrections use', async () => {
    const res = await call(app.url, 'GET', `/api/reports/${reportId}/corrections`, { cookie: viewer });
    const body = (await res.json()) as { original: ReportDetail['extraction']; corrections: unknown[] };
    expect(body.original?.troops[0]?.value).toBe(90_000);
    expect(body.corrections).toEqual([]);
  });

  it('a troop figure corrected by a journalist is re-folded: report.updated, the state and the audit show it', async () => {
    const seen = watcher.changes.length;
    const res = await call(
      app.url,
      'POST',
      `/api/reports/${reportId}/corrections`,
      { cookie: journalist },
      {
        correction: { kind: 'troop.set', index: 0, value: 127_000 },
        note: 'ministry figure',
      },
    );
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'queued', before: { value: 90_000 }, after: { value: 127_000 } });
    await changeAfter(seen, (c) => c.type === 'report.updated' && c.id === reportId);
    expect((await detail(reportId)).extraction?.troops[0]?.value).toBe(127_000);
    const troops = watcher.changes.slice(seen).find((c) => c.type === 'troops.updated');
    expect(troops && troops.type === 'troops.updated' ? JSON.stringify(troops.troops) : '').toContain('127000');
    const entry = (await audit(reportId)).at(-1)!;
    expect(entry).toMatchObject({
      action: 'correction.added',
      by: 'jane',
      before: { value: 90_000 },
      after: { value: 127_000 },
      note: 'ministry figure',
    });
    expect(entry.detail).toEqual({ kind: 'troop.set', index: 0, value: 127_000 });
  });

  it('a missed meeting added, then the machine one moved and rejected: each reaches the state', async () => {
    const seen = watcher.changes.length;
    const add = await call(
      app.url,
      'POST',
      `/api/reports/${reportId}/corrections`,
      { cookie: editor },
      {
        correction: {
          kind: 'meeting.add',
          meeting: {
            participants: ['Zelensky', 'Scholz'],
            place: 'Kyiv',
            date: '2022-02-14',
            kind: 'in-person',
            status: 'scheduled',
          },
        },
      },
    );
    expect(add.status).toBe(202);
    const upserted = await changeAfter(seen, (c) => c.type === 'meeting.upserted' && c.meeting.place === 'Kyiv');
    expect(upserted.type === 'meeting.upserted' && upserted.meeting.date).toBe('2022-02-14');

    const move = await call(
      app.url,
      'POST',
      `/api/reports/${reportId}/corrections`,
      { cookie: journalist },
      {
        correction: { kind: 'meeting.set', index: 0, date: '2022-01-27', status: 'cancelled' },
      },
    );
    expect(move.status).toBe(202);
    await waitFor(
      async () =>
        (await detail(reportId)).extraction?.meetings.some((m) => m.date === '2022-01-27' && m.status === 'cancelled'),
      10_000,
      'moved',
    );
    const reject = await call(
      app.url,
      'POST',
      `/api/reports/${reportId}/corrections`,
      { cookie: journalist },
      { correction: { kind: 'troop.reject', index: 0 } },
    );
    expect(reject.status).toBe(202);
    await waitFor(async () => (await detail(reportId)).extraction?.troops.length === 0, 10_000, 'troop rejected');
    const actions = (await audit(reportId)).filter((e) => e.action === 'correction.added');
    expect(actions.map((e) => (e.detail as { kind: string }).kind)).toEqual([
      'troop.set',
      'meeting.add',
      'meeting.set',
      'troop.reject',
    ]);
  });

  it('refuses an out-of-range index (400 saying how many there are), a bad shape (400) and a viewer (403)', async () => {
    const out = await call(
      app.url,
      'POST',
      `/api/reports/${reportId}/corrections`,
      { cookie: journalist },
      { correction: { kind: 'troop.set', index: 7, value: 1 } },
    );
    expect(out.status).toBe(400);
    expect(((await out.json()) as { error: { message: string } }).error.message).toMatch(
      /out of range.*1 extracted troop/,
    );
    const shape = await call(
      app.url,
      'POST',
      `/api/reports/${reportId}/corrections`,
      { cookie: journalist },
      { correction: { kind: 'troop.set', index: -1 } },
    );
    expect(shape.status).toBe(400);
    const seen = (await audit(reportId)).length;
    expect(
      (
        await call(
          app.url,
          'POST',
          `/api/reports/${reportId}/corrections`,
          { cookie: viewer },
          { correction: { kind: 'troop.reject', index: 0 } },
        )
      ).status,
    ).toBe(403);
    expect((await audit(reportId)).length).toBe(seen);
  });
});

describe('audit', () => {
  it('is for signed-in users: a display token gets 403, nobody 401, an unknown report 404', async () => {
    expect((await call(app.url, 'GET', `/api/reports/${reportId}/audit`, { token: DISPLAY_TOKEN })).status).toBe(403);
    expect((await call(app.url, 'GET', `/api/reports/${reportId}/audit`, {})).status).toBe(401);
    expect((await call(app.url, 'GET', `/api/reports/${'f'.repeat(32)}/audit`, { cookie: viewer })).status).toBe(404);
  });
});

describe('queue health', () => {
  it('bull-board serves an admin its page and the queues; a browser without a session is sent to sign in', async () => {
    const page = await call(app.url, 'GET', '/admin/queues', { cookie: admin });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('__UI_CONFIG__');
    const queues = await call(app.url, 'GET', '/admin/queues/api/queues', { cookie: admin });
    expect(queues.status).toBe(200);
    expect(await queues.text()).toContain('"ingest"');
    expect((await call(app.url, 'GET', '/admin/queues/api/queues', { cookie: journalist })).status).toBe(403);
    const browser = await fetch(`${app.url}/admin/queues`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toBe('/desk');
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Route × role: every route the app serves, each caller kind, allowed or refused.            */
/* ------------------------------------------------------------------------------------------ */

describe('route × role', () => {
  const callers: Record<Who, () => Caller> = {
    anonymous: () => ({}),
    display: () => ({ token: DISPLAY_TOKEN }),
    ingest: () => ({ token: INGEST_TOKEN }),
    viewer: () => ({ cookie: viewer }),
    journalist: () => ({ cookie: journalist }),
    editor: () => ({ cookie: editor }),
    admin: () => ({ cookie: admin }),
  };
  const passwords: Partial<Record<Who, [string, string]>> = {
    viewer: ['vic', 'a-user-password-0123'],
    journalist: ['jane', 'a-user-password-0123'],
    editor: ['eddie', 'a-user-password-0123'],
    admin: ['admin', ADMIN_PASSWORD],
  };

  it('the table names every route the app serves, and nothing it does not', () => {
    const served = apiRoutes(app.api.app);
    expect(
      served.filter((r) => !(r in table)),
      'routes missing from the route × role table',
    ).toEqual([]);
    expect(
      Object.keys(table).filter((r) => !served.includes(r)),
      'table rows for routes that do not exist',
    ).toEqual([]);
  });

  for (const [route, permission] of Object.entries(table)) {
    it(`${route} — ${permission}`, async () => {
      const [method, pattern] = route.split(' ');
      const path = pattern
        .replace(':id/deliveries', 'sub0000000000/deliveries')
        .replace('/api/reports/:id', `/api/reports/${reportId}`)
        .replace('/api/tokens/:id', '/api/tokens/0000000000000000')
        .replace(':id', 'x0000000000')
        .replace(':flag', 'follow-up')
        .replace(':kind', 'troops')
        .replace(':index', '0')
        .replace(':slug', 'no-such-crisis')
        .replace(':username', 'nobody-here');
      for (const who of everyone) {
        let caller = callers[who]();
        // Signing out ends the session: use a fresh one so the other rows keep theirs.
        if (route === 'DELETE /api/session' && passwords[who])
          caller = { cookie: await login(app.url, ...passwords[who]!) };
        // Writes carry an empty body: allowed callers fail validation (400) or find nothing (404); nothing changes.
        const res = await call(app.url, method, path, caller, method === 'GET' || method === 'DELETE' ? undefined : {});
        const refused =
          res.status === 401 || res.status === 403 || (res.status === 303 && route === 'GET /admin/queues');
        const allowed = (allowedBy[permission] as Who[]).includes(who);
        expect({ who, status: res.status, refused }).toEqual({ who, status: res.status, refused: !allowed });
        if (refused && res.status !== 303) expect(res.status).toBe(who === 'anonymous' ? 401 : 403);
      }
    });
  }
});
