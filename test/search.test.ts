/**
 * Server-side search (GET /api/reports?q=…) on real parts: reports go through the real worker,
 * the api node's index follows the desk stream. Words, phrases, people, places, highlights as
 * data, every filter, pages and their cursors, the index following flags, moves between crises
 * and removals, and 400s that name the parameter.
 */
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDetail } from '../shared/report.js';
import type { SearchHit, SearchPage } from '../shared/search.js';
import { CrisisStore } from '../server/storage/crisisStore.js';
import { ReportCommit } from '../server/storage/reportCommit.js';
import { ReportStore } from '../server/storage/reportStore.js';
import { CrisisRegistry } from '../server/workers/crisisRegistry.js';
import { FoldBatcher } from '../server/workers/foldBatcher.js';
import { removeReportsBefore } from '../server/workers/retention.js';
import { DISPLAY_TOKEN, postReport, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { ADMIN_PASSWORD, call, login, userWithRole } from './helpers/desk.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';

let redis: TestRedis;
let app: TestApp;
let probe: Redis;
let journalist: string;
let viewer: string;
const ids: Record<string, string> = {};

const REPORTS = {
  geneva: {
    text: 'US Secretary of State Antony Blinken will meet Russian Foreign Minister Sergei Lavrov in Geneva on Friday. Russia has massed about 100,000 troops near the border with Ukraine.',
    title: 'Geneva talks set',
    source: 'Wire One',
    dateline: '2022-01-19',
  },
  collapse: {
    text: 'Talks in Geneva collapsed on Saturday after Sergei Lavrov left early; Russia said Ukraine must drop its bid to join NATO.',
    title: 'Talks collapse',
    source: 'Reuters',
    dateline: '2022-01-22',
  },
  kashmir: {
    text: 'Indian and Pakistani troops exchanged fire across the Line of Control in Kashmir overnight, officials in Srinagar said.',
    title: 'Kashmir firing',
    source: 'Wire One',
    dateline: '2022-01-21',
  },
};
const CONVOYS = 7;

async function search(query: string, who: { token?: string; cookie?: string } = { token: DISPLAY_TOKEN }) {
  const res = await call(app.url, 'GET', `/api/reports?${query}`, who);
  return { status: res.status, body: (await res.json()) as SearchPage & { error?: { code: string; message: string } } };
}
const idsOf = (page: SearchPage) => page.reports.map((r) => r.id);
const detail = async (id: string) =>
  (await (await call(app.url, 'GET', `/api/reports/${id}`, { token: DISPLAY_TOKEN })).json()) as ReportDetail;

async function post(body: object): Promise<string> {
  const { id } = (await (await postReport(app.url, body)).json()) as { id: string };
  await waitFor(async () => (await detail(id)).status === 'done', 20_000, `report ${id} done`);
  return id;
}

beforeAll(async () => {
  redis = await startRedis();
  app = await startTestApp(redis.url, { env: { ADMIN_PASSWORD } });
  probe = new Redis(redis.url);
  const admin = await login(app.url, 'admin', ADMIN_PASSWORD);
  journalist = await userWithRole(app.url, admin, 'jo', 'journalist');
  viewer = await userWithRole(app.url, admin, 'vi', 'viewer');
  for (const [name, body] of Object.entries(REPORTS)) ids[name] = await post(body);
  for (let i = 0; i < CONVOYS; i++)
    ids[`convoy${i}`] = await post({ text: `A convoy of trucks, number ${i}, crossed near Kyiv at night.` });
}, 120_000);
afterAll(async () => {
  probe?.disconnect();
  await app?.close();
  await redis?.stop();
});

describe('words, phrases, people and places', () => {
  it('all words must be present, in title, text or source; newest first', async () => {
    const { status, body } = await search('q=geneva%20lavrov');
    expect(status).toBe(200);
    expect(idsOf(body)).toEqual([ids.collapse, ids.geneva]);
    expect(idsOf((await search('q=GENEVA%20srinagar')).body)).toEqual([]);
    expect(idsOf((await search('q=reuters%20nato')).body)).toEqual([ids.collapse]);
  });

  it('a quoted phrase needs its words side by side, in order', async () => {
    expect(idsOf((await search(`q=${encodeURIComponent('"meet Russian Foreign Minister"')}`)).body)).toEqual([
      ids.geneva,
    ]);
    expect(idsOf((await search(`q=${encodeURIComponent('"Lavrov left"')}`)).body)).toEqual([ids.collapse]);
    expect(idsOf((await search(`q=${encodeURIComponent('"left Lavrov"')}`)).body)).toEqual([]);
    // A number written with punctuation is a phrase of its parts.
    expect(idsOf((await search('q=100%2C000')).body)).toEqual([ids.geneva]);
  });

  it('highlights are text and offsets, never markup, and mark what matched', async () => {
    const { body } = await search(`q=${encodeURIComponent('"Sergei Lavrov" geneva')}`);
    const hit = body.reports.find((r) => r.id === ids.geneva) as SearchHit;
    const snippet = hit.highlights!.snippets[0];
    const marked = snippet.marks.map(([s, e]) => snippet.text.slice(s, e));
    expect(marked).toEqual(['Sergei Lavrov', 'Geneva']);
    expect(REPORTS.geneva.text.slice(snippet.at, snippet.at + snippet.text.length)).toBe(snippet.text);
    expect(hit.highlights!.title).toEqual({ text: 'Geneva talks set', marks: [[0, 6]], at: 0 });
    expect(JSON.stringify(hit.highlights)).not.toMatch(/<mark|<em|<b>/);
  });

  it('person: and place: match the names the extraction found', async () => {
    const byPerson = await Promise.all(
      [ids.geneva, ids.collapse, ids.kashmir].map(async (id) => [id, (await detail(id)).extraction!] as const),
    );
    const withLavrov = byPerson.filter(([, x]) => x.entities.people.some((p) => /lavrov/i.test(p))).map(([id]) => id);
    expect(withLavrov.length).toBeGreaterThan(0);
    expect(new Set(idsOf((await search('q=person%3Alavrov')).body))).toEqual(new Set(withLavrov));
    const inKashmir = byPerson.filter(([, x]) => x.entities.places.some((p) => /kashmir/i.test(p))).map(([id]) => id);
    expect(inKashmir).toEqual([ids.kashmir]);
    expect(idsOf((await search('q=place%3AKashmir')).body)).toEqual([ids.kashmir]);
    // The word alone is in the text, but no place of the extraction is called "Friday".
    expect(idsOf((await search('q=place%3Afriday')).body)).toEqual([]);
  });
});

describe('filters', () => {
  it('crisis, source, dates, flag and verification narrow the search', async () => {
    expect(idsOf((await search('q=troops&crisis=none')).body)).toEqual([ids.kashmir]);
    expect(idsOf((await search('q=troops&crisis=russia-ukraine')).body)).toEqual([ids.geneva]);
    expect(idsOf((await search('q=troops&source=wire%20one')).body)).toEqual([ids.kashmir, ids.geneva]);
    expect(idsOf((await search('q=geneva&from=2022-01-20&to=2022-01-22')).body)).toEqual([ids.collapse]);
    expect(idsOf((await search('source=Reuters')).body)).toEqual([ids.collapse]);
    expect(idsOf((await search('q=troops&verification=unverified')).body)).toEqual([ids.kashmir, ids.geneva]);
    expect(idsOf((await search('q=troops&verification=verified')).body)).toEqual([]);
    const flagged = await call(
      app.url,
      'POST',
      `/api/reports/${ids.kashmir}/flags`,
      { cookie: journalist },
      { flag: 'breaking' },
    );
    expect(flagged.status).toBe(200);
    expect(idsOf((await search('q=troops&flag=breaking')).body)).toEqual([ids.kashmir]);
    expect(idsOf((await search('q=troops&flag=none')).body)).toEqual([ids.geneva]);
  });

  it('an unknown crisis is a 404; any signed-in role or token may search; nobody else', async () => {
    expect((await search('q=troops&crisis=atlantis')).status).toBe(404);
    expect((await search('q=troops', { cookie: viewer })).status).toBe(200);
    expect((await search('q=troops', {})).status).toBe(401);
  });
});

describe('pages', () => {
  it('cursor pages cover every match once, and stay put while newer reports arrive', async () => {
    const seen: string[] = [];
    let page = (await search('q=convoy&limit=3')).body;
    seen.push(...idsOf(page));
    // A newer match arriving between pages does not shift the pages that follow.
    ids.convoyLate = await post({ text: 'Another convoy was seen near Kyiv at dawn.' });
    while (page.next) {
      page = (await search(`q=convoy&limit=3&cursor=${page.next}`)).body;
      seen.push(...idsOf(page));
    }
    const convoys = Array.from({ length: CONVOYS }, (_, i) => ids[`convoy${i}`]);
    expect(seen).toEqual([...convoys].reverse());
    expect(idsOf((await search('q=convoy&limit=50')).body)[0]).toBe(ids.convoyLate);
  });

  it('the list without a query keeps its receivedAt cursor', async () => {
    const { body } = await search('limit=2');
    expect(body.reports).toHaveLength(2);
    expect(Number.isNaN(Date.parse(body.next!))).toBe(false);
  });
});

describe('the index follows changes', () => {
  it('a report moved between crises is found under its new crisis', async () => {
    const moved = await call(app.url, 'DELETE', `/api/reports/${ids.geneva}/crises/russia-ukraine`, {
      cookie: journalist,
    });
    expect(moved.status).toBeLessThan(300);
    await waitFor(async () => (await detail(ids.geneva)).crises?.length === 0, 20_000, 'report out of its crisis');
    expect(idsOf((await search('q=troops&crisis=russia-ukraine')).body)).toEqual([]);
    expect(idsOf((await search('q=troops&crisis=none')).body)).toEqual([ids.kashmir, ids.geneva]);
  });

  it('a removed report is not found', async () => {
    const k = app.ctx.keys;
    await probe.zadd(k.reportIndex, Date.now() - 40 * 24 * 3600_000, ids.collapse);
    const reports = new ReportStore(probe, k);
    const crises = new CrisisRegistry(new CrisisStore(probe, k, 100_000), probe, k, 100_000);
    const batcher = new FoldBatcher(crises, new ReportCommit(probe, k, 100_000), reports);
    const removed = await removeReportsBefore(
      { redis: probe, keys: k, maxLen: 100_000, reports, crises, batcher, log: pino({ level: 'silent' }) },
      Date.now() - 30 * 24 * 3600_000,
    );
    expect(removed).toBe(1);
    expect(idsOf((await search('q=geneva')).body)).toEqual([ids.geneva]);
  });
});

describe('400s name the parameter', () => {
  it.each([
    ['limit=0', 'limit'],
    ['q=x&limit=501', 'limit'],
    ['flag=urgent', 'flag'],
    ['verification=maybe', 'verification'],
    ['cursor=yesterday', 'cursor'],
    ['from=2022-13-40', 'from'],
    ['from=2022-02-01&to=2022-01-01', 'from'],
    [`q=${encodeURIComponent('"" ...')}`, 'q'],
    [`q=${'a'.repeat(501)}`, 'q'],
    [`q=${Array.from({ length: 17 }, (_, i) => `w${i}`).join('%20')}`, 'q'],
    ['crisis=Not%20A%20Slug', 'crisis'],
  ])('%s', async (query, param) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    expect(body.error!.message).toMatch(new RegExp(`^${param}:|; ${param}:`));
  });
});
