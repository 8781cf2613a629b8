/**
 * GET /api/state?crisis=&asOf= on the real app (api and worker, real Redis): the picture as it
 * stood before a report, after it, after a second one, after a journalist's correction and after
 * a journalist took a report out of the crisis, each with the evidence of its figures then; a malformed moment is a 400 a person can act on; the
 * crisis asked for is the one shown; a moment in the future is the live picture.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicState } from '../shared/state.js';
import { sampleCrises } from '../server/crises/sampleCrises.js';
import { DISPLAY_TOKEN, postReport, RUSSIA_UKRAINE, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { ADMIN_PASSWORD, call, login } from './helpers/desk.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';

type AsOfState = PublicState & { asOf: string };

let redis: TestRedis;
let app: TestApp;
let admin: string;
const moments: Record<'beforeAll' | 'afterFirst' | 'afterSecond' | 'afterCorrection', string> = {
  beforeAll: '',
  afterFirst: '',
  afterSecond: '',
  afterCorrection: '',
};
const ids = { first: '', second: '' };

const FIRST =
  'Russia has massed about 90,000 troops near the border with Ukraine, officials said on Wednesday in Washington.';
const SECOND =
  'Russia now has about 120,000 troops near the border with Ukraine, a senior Western intelligence official said.';

async function state(query: string, who = { token: DISPLAY_TOKEN }): Promise<Response> {
  return call(app.url, 'GET', `/api/state?${query}`, who);
}
async function asOf(moment: string, crisis = RUSSIA_UKRAINE.slug): Promise<AsOfState> {
  const res = await state(`crisis=${crisis}&asOf=${encodeURIComponent(moment)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as AsOfState;
}
const headline = async () => (await asOf(new Date(Date.now() + 3_600_000).toISOString())).troops.current?.value;

/** A moment strictly after everything committed so far (history ids are in milliseconds). */
async function momentNow(): Promise<string> {
  const at = Date.now();
  await waitFor(async () => Date.now() > at + 1, 1000, 'the clock to move');
  return new Date(at + 1).toISOString();
}

async function postAndWait(text: string, dateline: string): Promise<string> {
  const res = await postReport(app.url, { text, dateline, title: dateline, source: 'wire' });
  const { id } = (await res.json()) as { id: string };
  await waitFor(
    async () =>
      (
        (await (await call(app.url, 'GET', `/api/reports/${id}`, { token: DISPLAY_TOKEN })).json()) as {
          status: string;
        }
      ).status === 'done',
    15_000,
    'report done',
  );
  return id;
}

beforeAll(async () => {
  redis = await startRedis();
  const taiwan = sampleCrises().find((c) => c.slug === 'china-taiwan')!;
  app = await startTestApp(redis.url, { env: { ADMIN_PASSWORD }, crises: [RUSSIA_UKRAINE, taiwan] });
  admin = await login(app.url, 'admin', ADMIN_PASSWORD);
  moments.beforeAll = await momentNow();
  ids.first = await postAndWait(FIRST, '2022-01-19');
  moments.afterFirst = await momentNow();
  ids.second = await postAndWait(SECOND, '2022-01-20');
  moments.afterSecond = await momentNow();
  const fix = await call(
    app.url,
    'POST',
    `/api/reports/${ids.second}/corrections`,
    { cookie: admin },
    {
      correction: { kind: 'troop.set', index: 0, value: 150_000 },
      note: 'the official said 150,000',
    },
  );
  expect(fix.status).toBe(202);
  await waitFor(async () => (await headline()) === 150_000, 15_000, 'the correction folded');
  moments.afterCorrection = await momentNow();
});
afterAll(async () => {
  await app?.close();
  await redis?.stop();
});

describe('GET /api/state?asOf=', () => {
  it('before the first report: the empty picture of the crisis, no reports', async () => {
    const then = await asOf(moments.beforeAll);
    expect(then.crisis).toBe(RUSSIA_UKRAINE.slug);
    expect(then.asOf).toBe(moments.beforeAll);
    expect(then.troops.current).toBeNull();
    expect(then.reports).toEqual([]);
    expect(then.tension.history).toEqual([]);
  });

  it('after the first report: its figure, with its evidence, and only it among the reports', async () => {
    const then = await asOf(moments.afterFirst);
    expect(then.troops.current?.value).toBe(90_000);
    const claim = then.troops.current!.claims[0];
    expect(claim.reportId).toBe(ids.first);
    expect(claim.evidence.text).toContain('90,000');
    expect(then.reports.map((r) => r.id)).toEqual([ids.first]);
  });

  it('after the second report: the newer figure and both reports, newest first', async () => {
    const then = await asOf(moments.afterSecond);
    expect(then.troops.current?.value).toBe(120_000);
    expect(then.troops.current!.claims.map((c) => c.reportId)).toContain(ids.second);
    expect(then.troops.current!.claims.find((c) => c.reportId === ids.second)!.evidence.text).toContain('120,000');
    expect(then.reports.map((r) => r.id)).toEqual([ids.second, ids.first]);
  });

  it("after the correction: the journalist's figure, and the same picture as live", async () => {
    const then = await asOf(moments.afterCorrection);
    expect(then.troops.current?.value).toBe(150_000);
    const live = (await (await state(`crisis=${RUSSIA_UKRAINE.slug}`)).json()) as PublicState;
    expect({ ...then, asOf: undefined, seq: undefined }).toEqual({ ...live, seq: undefined });
  });

  it('a moment in the future is answered as of now', async () => {
    const before = Date.now();
    const then = await asOf('2999-01-01T00:00:00Z');
    expect(Date.parse(then.asOf)).toBeGreaterThanOrEqual(before);
    expect(then.troops.current?.value).toBe(150_000);
  });

  it('a moment with an offset is the same moment in UTC', async () => {
    const utc = new Date(moments.afterFirst);
    const shifted = new Date(utc.getTime() + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
    const then = await asOf(shifted);
    expect(then.asOf).toBe(moments.afterFirst);
    expect(then.troops.current?.value).toBe(90_000);
  });

  it('the crisis asked for is the one shown: another crisis had none of these reports', async () => {
    const taiwan = await asOf(moments.afterCorrection, 'china-taiwan');
    expect(taiwan.crisis).toBe('china-taiwan');
    expect(taiwan.troops.current).toBeNull();
    expect(taiwan.reports).toEqual([]);
    const unknown = await state(`crisis=no-such-crisis&asOf=${moments.afterFirst}`);
    expect(unknown.status).toBe(404);
  });

  it.each(['yesterday', '2026-12-07', '2026-12-07T14:05:00', '2026-13-45T25:00:00Z', ''])(
    'a malformed asOf (%j) is a 400 that says the form expected',
    async (bad) => {
      const res = await state(`crisis=${RUSSIA_UKRAINE.slug}&asOf=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_input');
      expect(body.error.message).toMatch(/asOf.*ISO-8601 date-time with a zone/);
    },
  );

  it('a report taken out of the crisis by hand is in the pictures before, and out of those after', async () => {
    const out = await call(app.url, 'DELETE', `/api/reports/${ids.first}/crises/${RUSSIA_UKRAINE.slug}`, {
      cookie: admin,
    });
    expect(out.status).toBe(202);
    const live = async () =>
      ((await (await state(`crisis=${RUSSIA_UKRAINE.slug}`)).json()) as PublicState).reports.map((r) => r.id);
    await waitFor(async () => !(await live()).includes(ids.first), 15_000, 'the report taken out');
    const afterRemoval = await momentNow();

    const before = await asOf(moments.afterCorrection);
    expect(before.reports.map((r) => r.id)).toEqual([ids.second, ids.first]);
    expect(before.troops.current!.claims.map((c) => c.reportId)).toContain(ids.first);
    const after = await asOf(afterRemoval);
    expect(after.reports.map((r) => r.id)).toEqual([ids.second]);
    expect(after.troops.current!.claims.map((c) => c.reportId)).not.toContain(ids.first);
    expect(after.troops.current?.value).toBe(150_000);
  });

  it("report summaries carry the flags and verdicts the desk had given them at the moment, not today's", async () => {
    const before = await momentNow();
    const flag = await call(
      app.url,
      'POST',
      `/api/reports/${ids.second}/flags`,
      { cookie: admin },
      { flag: 'disputed' },
    );
    expect(flag.status).toBeLessThan(300);
    const verdict = await call(
      app.url,
      'PUT',
      `/api/reports/${ids.second}/verification`,
      { cookie: admin },
      { status: 'inconclusive', note: 'one source only' },
    );
    expect(verdict.status).toBe(200);
    const first = await momentNow();
    const fact = await call(
      app.url,
      'PUT',
      `/api/reports/${ids.second}/facts/troops/0/verification`,
      { cookie: admin },
      { status: 'verified' },
    );
    expect(fact.status).toBe(200);
    const after = await momentNow();

    const summary = async (moment: string) => (await asOf(moment)).reports.find((r) => r.id === ids.second)!;
    const then = await summary(before);
    expect(then.flags).toEqual([]);
    expect(then.verification).toBeUndefined();
    const between = await summary(first);
    expect(between.flags.map((f) => f.flag)).toEqual(['disputed']);
    expect(between.verification?.status).toBe('inconclusive');
    expect(between.verification?.facts).toBeUndefined();
    const now = await summary(after);
    expect(now.verification?.status).toBe('inconclusive');
    expect(now.verification?.facts?.['troops:0']?.status).toBe('verified');
  });

  it('needs a display token or a session, like the live picture', async () => {
    const res = await state(`crisis=${RUSSIA_UKRAINE.slug}&asOf=${moments.afterFirst}`, { token: undefined as never });
    expect(res.status).toBe(401);
  });
});
