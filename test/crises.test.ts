/**
 * Many crises on one desk, on real parts: reports routed to the crises they belong to and only
 * those, a crisis made later gathering what came before it, journalists assigning by hand,
 * sockets that follow one crisis each, and bad input answered with the slug named.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Crisis } from '../shared/crisis.js';
import type { AuditEntry } from '../shared/desk.js';
import type { Change, ReassignmentProgress } from '../shared/events.js';
import type { ReportDetail } from '../shared/report.js';
import type { PublicState } from '../shared/state.js';
import { DISPLAY_TOKEN, postReport, RUSSIA_UKRAINE, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { ADMIN_PASSWORD, call, cookieSocket, login, userWithRole } from './helpers/desk.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';
import { connectClient, connected, type RecordingClient } from './helpers/socketClient.js';

let redis: TestRedis;
let app: TestApp;
let probe: Redis;
let editor: string;
let journalist: string;

const KASHMIR = {
  slug: 'kashmir',
  name: 'Kashmir',
  actors: ['India', 'Pakistan'],
  places: ['Kashmir', 'Line of Control', 'Srinagar'],
  keywords: [],
  principal: { force: 'India', theatre: 'Kashmir' },
};

beforeAll(async () => {
  redis = await startRedis();
  app = await startTestApp(redis.url, { env: { ADMIN_PASSWORD } });
  probe = new Redis(redis.url);
  const admin = await login(app.url, 'admin', ADMIN_PASSWORD);
  editor = await userWithRole(app.url, admin, 'edna', 'editor');
  journalist = await userWithRole(app.url, admin, 'jules', 'journalist');
});
afterAll(async () => {
  probe.disconnect();
  await app.close();
  await redis.stop();
});

const read = async <T>(path: string): Promise<T> => {
  const res = await call(app.url, 'GET', path, { token: DISPLAY_TOKEN });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};
const state = (crisis?: string) => read<PublicState>(`/api/state${crisis ? `?crisis=${crisis}` : ''}`);
const detail = (id: string) => read<ReportDetail>(`/api/reports/${id}`);
const post = async (text: string, dateline = '2022-01-19') =>
  ((await (await postReport(app.url, { text, dateline })).json()) as { id: string }).id;
const done = (id: string) => waitFor(async () => (await detail(id)).status === 'done' && detail(id), 10_000, 'done');
const reassigned = (version: number) =>
  waitFor(
    async () => {
      const { reassignment } = await read<{ reassignment: ReassignmentProgress | null }>('/api/crises');
      return reassignment && reassignment.version >= version && reassignment.state === 'done' && reassignment;
    },
    15_000,
    're-assignment',
  );
const crisesVersion = async () => Number(await probe.get(`{${app.prefix}}:crises:version`));

const UKRAINE_TEXT =
  'Officials in Washington said Russia has about 127,000 troops near the border with Ukraine, and warned that Moscow could invade.';
const KASHMIR_TEXT =
  'India has moved about 10,000 paramilitary troops into Kashmir after clashes along the Line of Control, officials in New Delhi said. Pakistan condemned the move.';

describe('crises as things of their own', () => {
  it('lists the sample crisis; an editor makes, changes and removes one; each change is audited', async () => {
    const listed = await read<{ crises: Crisis[] }>('/api/crises');
    expect(listed.crises.map((c) => c.slug)).toEqual(['russia-ukraine']);
    expect(listed.crises[0]).toMatchObject({
      name: 'Russia–Ukraine',
      principal: { force: 'Russia', theatre: 'Ukraine' },
    });

    const made = await call(app.url, 'POST', '/api/crises', { cookie: editor }, { slug: 'test-made', name: 'Made' });
    expect(made.status).toBe(201);
    // No rules: it gathers nothing, and says so.
    expect(await made.json()).toMatchObject({
      crisis: { slug: 'test-made', actors: [] },
      notice: /^No rules/,
      version: expect.any(Number),
    });
    const taken = await call(app.url, 'POST', '/api/crises', { cookie: editor }, { slug: 'test-made', name: 'Again' });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { message: string } }).error.message).toContain('test-made');

    const patched = await call(app.url, 'PATCH', '/api/crises/test-made', { cookie: editor }, { keywords: ['Weimar'] });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toEqual({
      crisis: expect.objectContaining({ keywords: ['Weimar'] }),
      version: expect.any(Number),
    });

    expect((await call(app.url, 'DELETE', '/api/crises/test-made', { cookie: editor })).status).toBe(200);
    expect((await call(app.url, 'GET', '/api/crises/test-made', { token: DISPLAY_TOKEN })).status).toBe(404);
    const res = await call(app.url, 'GET', '/api/crises/test-made/audit', { cookie: editor });
    const { entries } = (await res.json()) as { entries: AuditEntry[] };
    expect(entries.map((e) => [e.action, e.by])).toEqual([
      ['crisis.created', 'edna'],
      ['crisis.updated', 'edna'],
      ['crisis.removed', 'edna'],
    ]);
  });

  it('answers bad input with a 4xx a person can act on, naming the field or the slug', async () => {
    const bad = await call(app.url, 'POST', '/api/crises', { cookie: editor }, { slug: 'Not A Slug!', name: 'x' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^slug: /);
    const noName = await call(app.url, 'POST', '/api/crises', { cookie: editor }, { slug: 'fine-slug' });
    expect(((await noName.json()) as { error: { message: string } }).error.message).toMatch(/name/);
    expect((await call(app.url, 'POST', '/api/crises', { cookie: journalist }, KASHMIR)).status).toBe(403);
    expect((await call(app.url, 'POST', '/api/crises', { token: DISPLAY_TOKEN }, KASHMIR)).status).toBe(403);
    for (const path of ['/api/state?crisis=atlantis', '/api/reports?crisis=atlantis', '/api/crises/atlantis']) {
      const res = await call(app.url, 'GET', path, { token: DISPLAY_TOKEN });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('"atlantis"');
    }
    const patchUnknown = await call(app.url, 'PATCH', '/api/crises/atlantis', { cookie: editor }, { name: 'x' });
    expect(patchUnknown.status).toBe(404);
  });
});

describe('reports go to the crises they belong to, and only those', () => {
  let ukraineId: string;
  let kashmirId: string;

  it("a wire item about Kashmir leaves the Ukraine crisis' figures, meetings and tension untouched", async () => {
    ukraineId = await post(UKRAINE_TEXT);
    const ukraine = await done(ukraineId);
    expect(ukraine.crises).toEqual([{ slug: 'russia-ukraine', reason: expect.any(String), by: 'rule' }]);
    const before = await state('russia-ukraine');
    expect(before.troops.current?.value).toBe(127_000);

    kashmirId = await post(KASHMIR_TEXT, '2022-01-20');
    expect((await done(kashmirId)).crises).toEqual([]);
    const after = await state('russia-ukraine');
    expect({ tension: after.tension, troops: after.troops, meetings: after.meetings, seq: after.seq }).toEqual({
      tension: before.tension,
      troops: before.troops,
      meetings: before.meetings,
      seq: before.seq,
    });
    const none = await read<{ reports: ReportDetail[] }>('/api/reports?crisis=none');
    expect(none.reports.map((r) => r.id)).toEqual([kashmirId]);
    const inUkraine = await read<{ reports: ReportDetail[] }>('/api/reports?crisis=russia-ukraine');
    expect(inUkraine.reports.map((r) => r.id)).toEqual([ukraineId]);
  });

  it('a crisis made afterwards gathers the reports that belong to it, in the background, with progress', async () => {
    const made = await call(app.url, 'POST', '/api/crises', { cookie: editor }, KASHMIR);
    expect(made.status).toBe(201);
    const progress = await reassigned(await crisesVersion());
    expect(progress).toMatchObject({ state: 'done', changed: 1 });
    expect(progress.total).toBeGreaterThanOrEqual(2);
    expect((await detail(kashmirId)).crises).toEqual([{ slug: 'kashmir', reason: expect.any(String), by: 'rule' }]);
    const kashmir = await state('kashmir');
    expect(kashmir.troops).toMatchObject({ force: 'India', theatre: 'Kashmir', current: { value: 10_000 } });
    expect(kashmir.reports.map((r) => r.id)).toEqual([kashmirId]);
    expect((await state('russia-ukraine')).troops.current?.value).toBe(127_000);
    expect((await read<{ reports: ReportDetail[] }>('/api/reports?crisis=none')).reports).toEqual([]);
    // Without ?crisis, the first crisis made.
    expect((await state()).crisis).toBe('russia-ukraine');
  });

  it('a journalist moves a report between crises by hand: audited, live on the desk, and the folds follow', async () => {
    const desk = cookieSocket(app.url, journalist);
    const onDesk: Change[] = [];
    desk.on('change', (c) => onDesk.push(c));
    await new Promise((resolve) => desk.once('snapshot', resolve));

    const assigned = await call(
      app.url,
      'POST',
      `/api/reports/${kashmirId}/crises`,
      { cookie: journalist },
      { crisis: 'russia-ukraine', note: 'context piece' },
    );
    expect(assigned.status).toBe(202);
    await waitFor(async () => (await detail(kashmirId)).crises?.length === 2, 10_000, 'assigned');
    const signedIn = (await (
      await call(app.url, 'GET', `/api/reports/${kashmirId}`, { cookie: journalist })
    ).json()) as ReportDetail;
    expect(signedIn.crises).toContainEqual({ slug: 'russia-ukraine', reason: 'context piece', by: 'jules' });
    // A token (a wall, a script) is not told who assigned it, nor their note.
    expect((await detail(kashmirId)).crises).toContainEqual({
      slug: 'russia-ukraine',
      reason: 'assigned by a journalist',
      by: 'journalist',
    });
    await waitFor(
      async () =>
        onDesk.some((c) => c.type === 'report.updated' && c.id === kashmirId && c.report.crises?.length === 2),
      5000,
      'report.updated on the desk',
    );
    // India's figure now sits in the Ukraine crisis too, apart from its headline.
    const ukraine = await state('russia-ukraine');
    expect(ukraine.troops.current?.value).toBe(127_000);
    expect(ukraine.troops.others.map((o) => [o.force, o.current?.value])).toEqual([['India', 10_000]]);

    const removed = await call(app.url, 'DELETE', `/api/reports/${kashmirId}/crises/russia-ukraine`, {
      cookie: journalist,
    });
    expect(removed.status).toBe(202);
    await waitFor(async () => (await detail(kashmirId)).crises?.length === 1, 10_000, 'removed');
    expect((await state('russia-ukraine')).troops.others).toEqual([]);
    // A removal by hand holds when the rules run again.
    const audit = await read<{ entries: AuditEntry[] }>(`/api/reports/${kashmirId}/audit`).catch(() => null);
    const entries =
      audit?.entries ??
      (
        (await (await call(app.url, 'GET', `/api/reports/${kashmirId}/audit`, { cookie: journalist })).json()) as {
          entries: AuditEntry[];
        }
      ).entries;
    expect(entries.map((e) => [e.action, e.by])).toEqual([
      ['report.assigned', 'jules'],
      ['report.unassigned', 'jules'],
    ]);
    desk.close();
  });

  it('a decision made by hand goes back to the rules when a journalist says so, and only then', async () => {
    expect((await detail(kashmirId)).overrides).toMatchObject({ 'russia-ukraine': { in: false, by: 'jules' } });
    await call(
      app.url,
      'POST',
      `/api/reports/${kashmirId}/crises`,
      { cookie: journalist },
      { crisis: 'russia-ukraine' },
    );
    await waitFor(async () => (await detail(kashmirId)).crises?.length === 2, 10_000, 'assigned again');
    const back = await call(app.url, 'DELETE', `/api/reports/${kashmirId}/crises/russia-ukraine/override`, {
      cookie: journalist,
    });
    expect(back.status).toBe(202);
    // The rules do not put a Kashmir report in the Ukraine crisis: it leaves, and nothing holds it.
    await waitFor(async () => (await detail(kashmirId)).crises?.length === 1, 10_000, 'back to the rules');
    expect((await detail(kashmirId)).overrides).toBeUndefined();
    expect((await state('russia-ukraine')).troops.others).toEqual([]);
    const again = await call(app.url, 'DELETE', `/api/reports/${kashmirId}/crises/russia-ukraine/override`, {
      cookie: journalist,
    });
    expect(again.status).toBe(404);
    const audit = (await (
      await call(app.url, 'GET', `/api/reports/${kashmirId}/audit`, { cookie: journalist })
    ).json()) as {
      entries: AuditEntry[];
    };
    expect(audit.entries.at(-1)).toMatchObject({ action: 'report.rules-restored', by: 'jules', after: { by: 'rule' } });
  });

  it('a changed principal folds the crisis again: its headline is the new force, the old one apart', async () => {
    const principal = { force: 'Pakistan', theatre: 'Kashmir' };
    const res = await call(app.url, 'PATCH', '/api/crises/kashmir', { cookie: editor }, { principal });
    expect(res.status).toBe(200);
    await reassigned(await crisesVersion());
    // The stored picture is folded anew (a view kept from before would still lead with India).
    const kashmir = await state('kashmir');
    expect(kashmir.troops).toMatchObject({ ...principal, current: null });
    expect(kashmir.troops.others.map((o) => [o.force, o.current?.value])).toEqual([['India', 10_000]]);
    expect(kashmir.reports.map((r) => r.id)).toEqual([kashmirId]);
  });
});

describe('sockets follow one crisis each', () => {
  let ukraine: RecordingClient;
  let kashmir: RecordingClient;

  it('each socket gets its own crisis, every change says which, and no other crisis reaches it', async () => {
    ukraine = connectClient(app.url, { token: DISPLAY_TOKEN, crisis: 'russia-ukraine' });
    kashmir = connectClient(app.url, { token: DISPLAY_TOKEN, crisis: 'kashmir' });
    await Promise.all([connected(ukraine), connected(kashmir)]);
    await waitFor(async () => ukraine.snapshots.length > 0 && kashmir.snapshots.length > 0, 5000, 'snapshots');
    expect([ukraine.snapshots[0].crisis, kashmir.snapshots[0].crisis]).toEqual(['russia-ukraine', 'kashmir']);

    const id = await post(
      'Indian officials said about 12,000 troops were now deployed in Kashmir near the Line of Control.',
      '2022-01-21',
    );
    await waitFor(async () => kashmir.changes.some((c) => c.type === 'report.added' && c.id === id), 10_000, 'added');
    expect(kashmir.changes.every((c) => c.crisis === 'kashmir')).toBe(true);
    expect(kashmir.changes.some((c) => c.type === 'troops.updated')).toBe(true);
    // The same report, folded and announced: proof the Ukraine socket was listening and got nothing of it.
    const ukraineId = await post(`${UKRAINE_TEXT} Talks are planned in Geneva.`, '2022-01-21');
    await waitFor(
      async () => ukraine.changes.some((c) => c.type === 'report.added' && c.id === ukraineId),
      10_000,
      'ukraine added',
    );
    expect(ukraine.changes.every((c) => c.crisis === 'russia-ukraine')).toBe(true);
    expect(ukraine.changes.some((c) => 'id' in c && c.id === id)).toBe(false);
  });

  it('crisis.select switches a socket: a snapshot of the new crisis, then its changes only', async () => {
    const seen = ukraine.snapshots.length;
    ukraine.socket.emit('crisis.select', { crisis: 'kashmir' });
    await waitFor(async () => ukraine.snapshots.length > seen, 5000, 'snapshot after select');
    expect(ukraine.snapshots.at(-1)!.crisis).toBe('kashmir');
    const from = ukraine.changes.length;
    const id = await post(
      'Clashes along the Line of Control in Kashmir; India sent about 3,000 more troops.',
      '2022-01-22',
    );
    await waitFor(
      async () => ukraine.changes.slice(from).some((c) => c.type === 'report.added' && c.id === id),
      10_000,
      'kashmir change',
    );
    expect(ukraine.changes.slice(from).every((c) => c.crisis === 'kashmir')).toBe(true);
    const unknown = new Promise<{ crisis: string }>((resolve) => ukraine.socket.once('crisis.unknown', resolve));
    ukraine.socket.emit('crisis.select', { crisis: 'atlantis' });
    expect(await unknown).toMatchObject({ crisis: 'atlantis' });
  });

  it('resumes by seq on its own crisis with exactly what it missed', async () => {
    const last = kashmir.lastSeq()!;
    kashmir.close();
    const id = await post('India moved about 4,000 troops to Srinagar, officials in Kashmir said.', '2022-01-23');
    await done(id);
    const again = connectClient(app.url, { token: DISPLAY_TOKEN, crisis: 'kashmir', since: last });
    await connected(again);
    await waitFor(async () => again.changes.some((c) => c.type === 'report.added' && c.id === id), 5000, 'missed');
    expect(again.snapshots).toEqual([]);
    const stream = (await probe.xrange(`{${app.prefix}:kashmir}:changes`, `(${last}`, '+')).map(([seq]) => seq);
    expect(again.changes.map((c) => c.seq)).toEqual(stream);
    again.close();
    ukraine.close();
  });

  it('refuses a socket that asks for a crisis that does not exist', async () => {
    const lost = connectClient(app.url, { token: DISPLAY_TOKEN, crisis: 'atlantis' });
    await expect(connected(lost)).rejects.toThrow(/unknown crisis "atlantis"/);
    lost.close();
  });

  it("a crisis removed takes its keys with it, leaves its reports' records, and tells its sockets", async () => {
    const watching = connectClient(app.url, { token: DISPLAY_TOKEN, crisis: 'kashmir' });
    await connected(watching);
    const told = new Promise<{ crisis: string }>((resolve) => watching.socket.once('crisis.unknown', resolve));
    expect((await call(app.url, 'DELETE', '/api/crises/kashmir', { cookie: editor })).status).toBe(200);
    expect(await told).toMatchObject({ crisis: 'kashmir' });
    await reassigned(await crisesVersion());
    expect(await probe.keys(`{${app.prefix}:kashmir}*`)).toEqual([]);
    const none = await read<{ reports: ReportDetail[] }>('/api/reports?crisis=none');
    expect(none.reports.length).toBeGreaterThanOrEqual(3);
    expect(none.reports.every((r) => (r.crises ?? []).length === 0)).toBe(true);
    watching.close();
    expect((await read<{ crises: Crisis[] }>('/api/crises')).crises.map((c) => c.slug)).toEqual([RUSSIA_UKRAINE.slug]);
  });
});
