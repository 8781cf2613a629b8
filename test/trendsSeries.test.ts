/**
 * The trends' series apart from the live picture, on the real app (api and worker, real Redis,
 * a real Socket.IO client): tension and troop changes and snapshots carry no day-by-day pair
 * series nor claimants, GET /api/trends carries them for the same crisis (now and as of a past
 * moment), and bad requests get errors a person can act on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../shared/events.js';
import type { CrisisSeries, PublicState } from '../shared/state.js';
import { DISPLAY_TOKEN, postReport, RUSSIA_UKRAINE, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { call } from './helpers/desk.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';
import { connectClient, connected, type RecordingClient } from './helpers/socketClient.js';

let redis: TestRedis;
let app: TestApp;
let wall: RecordingClient;
let betweenReports = '';

// In our own words: two sources' figures for one force on two days, and signals between two pairs.
const REPORTS = [
  {
    dateline: '2022-01-10',
    text: 'Western officials said Russia had massed 80,000 troops near the border with Ukraine, and Moscow threatened retaliation.',
  },
  {
    dateline: '2022-01-12',
    text: 'Ukraine’s defence ministry said Russia had massed 95,000 troops near the border with Ukraine. The United States warned Russia of severe sanctions.',
  },
];

const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
  const res = await call(app.url, 'GET', path, { token: DISPLAY_TOKEN });
  return { status: res.status, body: (await res.json()) as T };
};

async function postAndWait(text: string, dateline: string): Promise<void> {
  const res = await postReport(app.url, { text, dateline, title: dateline, source: 'wire' });
  const { id } = (await res.json()) as { id: string };
  await waitFor(
    async () => (await get<{ status: string }>(`/api/reports/${id}`)).body.status === 'done',
    15_000,
    'report done',
  );
}

beforeAll(async () => {
  redis = await startRedis();
  app = await startTestApp(redis.url, { crises: [RUSSIA_UKRAINE] });
  wall = connectClient(app.url, { token: DISPLAY_TOKEN, crisis: RUSSIA_UKRAINE.slug });
  await connected(wall);
  await postAndWait(REPORTS[0].text, REPORTS[0].dateline);
  const at = Date.now();
  await waitFor(async () => Date.now() > at + 1, 1000, 'the clock to move');
  betweenReports = new Date(at + 1).toISOString();
  await postAndWait(REPORTS[1].text, REPORTS[1].dateline);
  await waitFor(
    async () => wall.changes.filter((c) => c.type === 'troops.updated').length >= 2,
    10_000,
    'both troop changes on the socket',
  );
});
afterAll(async () => {
  wall?.close();
  await app?.close();
  await redis?.stop();
});

const of = <T extends Change['type']>(type: T) =>
  wall.changes.filter((c): c is Extract<Change, { type: T }> => c.type === type);

describe('live changes and snapshots stay lean', () => {
  it('tension and troop changes carry the picture without the series', () => {
    const tension = of('tension.updated').at(-1)!.tension;
    expect(tension.pairs.length).toBeGreaterThan(0);
    for (const p of tension.pairs) expect(p).not.toHaveProperty('history');
    const troops = of('troops.updated').at(-1)!.troops;
    expect(troops.current?.value).toBe(95_000);
    expect(troops.history.length).toBe(2); // the wall's own chart keeps its line
    for (const f of [troops, ...troops.others]) expect(f).not.toHaveProperty('claimants');
  });

  it('GET /api/state and a new socket’s snapshot leave the series out too', async () => {
    const { body: state } = await get<PublicState>(`/api/state?crisis=${RUSSIA_UKRAINE.slug}`);
    const late = connectClient(app.url, { token: DISPLAY_TOKEN, crisis: RUSSIA_UKRAINE.slug });
    try {
      await waitFor(async () => late.snapshots.length > 0, 5_000, 'the snapshot');
      for (const picture of [state, late.snapshots[0]]) {
        expect(picture.troops.current?.value).toBe(95_000);
        for (const p of picture.tension.pairs) expect(p).not.toHaveProperty('history');
        expect(picture.troops).not.toHaveProperty('claimants');
      }
    } finally {
      late.close();
    }
  });
});

describe('GET /api/trends', () => {
  it('gives each pair’s days and each force’s claimants, in the picture’s order, at its seq', async () => {
    const { status, body } = await get<CrisisSeries>(`/api/trends?crisis=${RUSSIA_UKRAINE.slug}`);
    expect(status).toBe(200);
    const { body: state } = await get<PublicState>(`/api/state?crisis=${RUSSIA_UKRAINE.slug}`);
    expect(body.crisis).toBe(RUSSIA_UKRAINE.slug);
    expect(body.seq).toBe(state.seq);
    expect(body.pairs.map((p) => p.actors)).toEqual(state.tension.pairs.map((p) => p.actors));
    const ruUa = body.pairs.find((p) => p.actors.join() === 'Russia,Ukraine')!;
    expect(ruUa.history.map((p) => p.at)).toEqual(['2022-01-10', '2022-01-12']);
    expect(body.forces[0]).toMatchObject({ force: state.troops.force, theatre: state.troops.theatre });
    const claimed = body.forces[0].claimants.map((c) => [c.claimedBy, c.points.map((p) => p.value)]);
    expect(claimed).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/officials/), [80_000]],
        [expect.stringMatching(/ministry/), [95_000]],
      ]),
    );
  });

  it('as of a past moment: the series as they stood then', async () => {
    const { status, body } = await get<CrisisSeries & { asOf: string }>(
      `/api/trends?crisis=${RUSSIA_UKRAINE.slug}&asOf=${encodeURIComponent(betweenReports)}`,
    );
    expect(status).toBe(200);
    expect(body.asOf).toBe(betweenReports);
    expect(body.forces[0].claimants.flatMap((c) => c.points.map((p) => p.value))).toEqual([80_000]);
    const ruUa = body.pairs.find((p) => p.actors.join() === 'Russia,Ukraine');
    expect(ruUa?.history.map((p) => p.at)).toEqual(['2022-01-10']);
  });

  it('names an unknown crisis and a malformed moment', async () => {
    const unknown = await get<{ error: { message: string } }>('/api/trends?crisis=atlantis');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/atlantis/);
    const bad = await get<{ error: { message: string } }>(`/api/trends?crisis=${RUSSIA_UKRAINE.slug}&asOf=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/asOf must be an ISO-8601 date-time/);
  });

  it('asks for credentials like the picture does', async () => {
    const res = await fetch(`${app.url}/api/trends?crisis=${RUSSIA_UKRAINE.slug}`);
    expect(res.status).toBe(401);
  });
});
