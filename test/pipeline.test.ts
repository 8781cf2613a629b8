/**
 * The backbone end to end on real parts: HTTP → BullMQ → worker → Redis → change stream → Socket.IO.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../shared/events.js';
import { DISPLAY_TOKEN, INGEST_TOKEN, postReport, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';
import { connectClient, connected } from './helpers/socketClient.js';

let redis: TestRedis;
let app: TestApp;
let probe: Redis;

beforeAll(async () => {
  redis = await startRedis();
  app = await startTestApp(redis.url);
  probe = new Redis(redis.url);
});
afterAll(async () => {
  probe.disconnect();
  await app.close();
  await redis.stop();
});

const uniqueText = (label: string) =>
  `${label} ${Math.random().toString(36).slice(2)}: Officials said Russia has about 90,000 troops near the border with Ukraine, and ministers will hold talks in Vienna on Thursday.`;

async function reportStatus(id: string): Promise<string> {
  const res = await fetch(`${app.url}/api/reports/${id}`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } });
  return ((await res.json()) as { status: string }).status;
}

describe('ingest to socket', () => {
  it('a posted report is extracted, stored and announced to a connected socket', async () => {
    const client = connectClient(app.url, { token: DISPLAY_TOKEN });
    await connected(client);
    await waitFor(async () => client.snapshots.length > 0, 5000, 'snapshot');

    const res = await postReport(app.url, {
      text: uniqueText('first'),
      dateline: '2022-01-19',
      title: 'A test report',
    });
    expect(res.status).toBe(202);
    const { id, status } = (await res.json()) as { id: string; status: string };
    expect(status).toBe('queued');
    expect(id).toMatch(/^[0-9a-f]{32}$/);

    const added = await waitFor(
      async () => client.changes.find((c) => c.type === 'report.added' && c.id === id),
      10_000,
      'report.added',
    );
    expect(added.seq).toMatch(/^\d+-\d+$/);
    const detail = await (
      await fetch(`${app.url}/api/reports/${id}`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } })
    ).json();
    expect(detail.status).toBe('done');
    expect(detail.report.dateline).toBe('2022-01-19');
    expect(detail.report.title).toBe('A test report');
    expect(detail.extraction).toHaveProperty('troops');
    // Changes arrive in seq order.
    const seqs = client.changes.map((c) => c.seq);
    expect([...seqs].sort(compare)).toEqual(seqs);
    client.close();
  });

  it('accepts text/plain with an optional first line "date YYYY-MM-DD"', async () => {
    const res = await fetch(`${app.url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${INGEST_TOKEN}` },
      body: `date 2022-02-11\n${uniqueText('plain')}`,
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    await waitFor(async () => (await reportStatus(id)) === 'done', 10_000, 'done');
    const detail = await (
      await fetch(`${app.url}/api/reports/${id}`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } })
    ).json();
    expect(detail.report.dateline).toBe('2022-02-11');
    expect(detail.report.text.startsWith('plain')).toBe(true);
  });

  it('the same report twice is one report: 200 duplicate with the same id, also after it is done', async () => {
    const text = uniqueText('dup');
    const first = await postReport(app.url, { text, dateline: '2022-01-20' });
    const { id } = (await first.json()) as { id: string };
    const again = await postReport(app.url, { text: `  ${text.replace(/ /g, '  ')}\n`, dateline: '2022-01-20' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id, status: 'duplicate' });
    await waitFor(async () => (await reportStatus(id)) === 'done', 10_000, 'done');
    // Completed jobs are removed by BullMQ; the permanent record still answers duplicate.
    await probe.del(`{${app.prefix}}:ingest:${id}`);
    const later = await postReport(app.url, { text, dateline: '2022-01-20' });
    expect(later.status).toBe(200);
    expect(((await later.json()) as { id: string }).id).toBe(id);
    const added = (await probe.xrange(`{${app.prefix}}:changes`, '-', '+')).filter(([, f]) =>
      f[1].includes(`"report.added","id":"${id}"`),
    );
    expect(added).toHaveLength(1);
    // A different dateline is a different report.
    const other = await postReport(app.url, { text, dateline: '2022-01-21' });
    expect(other.status).toBe(202);
  });
});

describe('bad input gets a clear error and changes nothing', () => {
  const reportCount = () => probe.zcard(`{${app.prefix}}:reports`);
  const cases: [string, () => Promise<Response>, number, string][] = [
    [
      'missing token',
      () =>
        fetch(`${app.url}/api/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: 'x' }),
        }),
      401,
      'unauthorized',
    ],
    ['wrong token', () => postReport(app.url, { text: 'hello' }, 'not-a-valid-token-at-all'), 401, 'unauthorized'],
    ['display token cannot ingest', () => postReport(app.url, { text: 'hello' }, DISPLAY_TOKEN), 403, 'forbidden'],
    ['empty text', () => postReport(app.url, { text: '   ' }), 400, 'invalid_input'],
    ['missing text', () => postReport(app.url, { title: 'no text' }), 400, 'invalid_input'],
    ['text over 100,000 characters', () => postReport(app.url, { text: 'a'.repeat(100_001) }), 400, 'invalid_input'],
    ['bad dateline', () => postReport(app.url, { text: 'hello there', dateline: '2022-13-45' }), 400, 'invalid_input'],
    [
      'dateline not a date',
      () => postReport(app.url, { text: 'hello there', dateline: 'last Friday' }),
      400,
      'invalid_input',
    ],
    ['text of the wrong type', () => postReport(app.url, { text: 42 }), 400, 'invalid_input'],
    [
      'broken JSON',
      () =>
        fetch(`${app.url}/api/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${INGEST_TOKEN}` },
          body: '{"text": "unterminated',
        }),
      400,
      'invalid_json',
    ],
    [
      'another content type',
      () =>
        fetch(`${app.url}/api/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/xml', authorization: `Bearer ${INGEST_TOKEN}` },
          body: '<report/>',
        }),
      415,
      'unsupported_media_type',
    ],
    [
      'a body over 1 MB',
      () =>
        fetch(`${app.url}/api/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${INGEST_TOKEN}` },
          body: JSON.stringify({ text: 'a'.repeat(1_100_000) }),
        }),
      413,
      'too_large',
    ],
  ];
  it.each(cases)('%s', async (_name, send, status, code) => {
    const before = await reportCount();
    const res = await send();
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(5);
    expect(await reportCount()).toBe(before);
    // The process keeps running.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it('names the field that is wrong', async () => {
    const res = await postReport(app.url, { text: 'fine text', dateline: 'tomorrow' });
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/dateline/);
  });

  it('state and reports need a token', async () => {
    expect((await fetch(`${app.url}/api/state`)).status).toBe(401);
    const ok = await fetch(`${app.url}/api/state`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } });
    expect(ok.status).toBe(200);
    const state = await ok.json();
    expect(Object.keys(state).sort()).toEqual(['crisis', 'meetings', 'reports', 'seq', 'tension', 'troops']);
    expect(state.crisis).toBe('russia-ukraine');
    expect(state.tension.value).toBeGreaterThanOrEqual(0);
    expect(state.tension.value).toBeLessThanOrEqual(100);
  });

  it('sockets need the display token', async () => {
    const anonymous = connectClient(app.url, {});
    await expect(connected(anonymous)).rejects.toThrow(/unauthorized/);
    anonymous.close();
    const wrong = connectClient(app.url, { token: 'definitely-not-the-token' });
    await expect(connected(wrong)).rejects.toThrow(/unauthorized/);
    wrong.close();
    const badSince = connectClient(app.url, { token: DISPLAY_TOKEN, since: 'yesterday' });
    await expect(connected(badSince)).rejects.toThrow(/since/);
    badSince.close();
  });
});

describe('resume by seq', () => {
  it('a client that reconnects with since gets exactly what it missed, no more, no less', async () => {
    const steady = connectClient(app.url, { token: DISPLAY_TOKEN });
    const flaky = connectClient(app.url, { token: DISPLAY_TOKEN });
    await Promise.all([connected(steady), connected(flaky)]);
    await waitFor(async () => steady.snapshots.length && flaky.snapshots.length, 5000, 'snapshots');

    const post = async (n: number, label: string) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++)
        ids.push(
          ((await (await postReport(app.url, { text: uniqueText(`${label}${i}`) })).json()) as { id: string }).id,
        );
      return ids;
    };
    const firstIds = await post(3, 'before');
    await waitFor(
      async () => firstIds.every((id) => flaky.changes.some((c) => c.type === 'report.added' && c.id === id)),
      10_000,
      'first batch',
    );
    const since = flaky.lastSeq()!;
    flaky.close();

    const missedIds = await post(5, 'during');
    await waitFor(
      async () => missedIds.every((id) => steady.changes.some((c) => c.type === 'report.added' && c.id === id)),
      10_000,
      'missed batch on steady',
    );

    const resumed = connectClient(app.url, { token: DISPLAY_TOKEN, since });
    await connected(resumed);
    const afterIds = await post(2, 'after');
    await waitFor(
      async () => afterIds.every((id) => resumed.changes.some((c) => c.type === 'report.added' && c.id === id)),
      10_000,
      'resumed gets new',
    );
    await waitFor(
      async () => afterIds.every((id) => steady.changes.some((c) => c.type === 'report.added' && c.id === id)),
      10_000,
      'steady gets new',
    );

    expect(resumed.snapshots).toHaveLength(0);
    const expected = steady.changes.filter((c) => compare(c.seq, since) > 0).map((c) => c.seq);
    expect(resumed.changes.map((c) => c.seq)).toEqual(expected);
    steady.close();
    resumed.close();
  });

  it('a since the stream no longer reaches gets a fresh snapshot', async () => {
    const id = ((await (await postReport(app.url, { text: uniqueText('trim') })).json()) as { id: string }).id;
    await waitFor(async () => (await reportStatus(id)) === 'done', 10_000, 'done');
    const stream = `{${app.prefix}:russia-ukraine}:changes`;
    const [[oldSeq]] = await probe.xrange(stream, '-', '+', 'COUNT', 1);
    await probe.xtrim(stream, 'MAXLEN', 1);
    const client = connectClient(app.url, { token: DISPLAY_TOKEN, since: oldSeq });
    await connected(client);
    await waitFor(async () => client.snapshots.length === 1, 5000, 'snapshot after trim');
    expect(client.snapshots[0].reports.some((r) => r.id === id)).toBe(true);
    client.close();
  });
});

describe('health and metrics', () => {
  it('/healthz, /readyz and /metrics answer', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect((await ready.json()).checks.workers).toMatch(/^ok/);
    const text = await (await fetch(`${app.url}/metrics`)).text();
    for (const name of [
      'crisis_queue_jobs',
      'crisis_jobs_processed_total',
      'crisis_jobs_failed_total',
      'crisis_sockets_connected',
      'crisis_report_e2e_seconds_bucket',
    ]) {
      expect(text).toContain(name);
    }
    expect(Number(/crisis_jobs_processed_total (\d+)/.exec(text)?.[1])).toBeGreaterThan(0);
  });
});

function compare(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  return am === bm ? Number(as - bs) : am < bm ? -1 : 1;
}
export type { Change };
