/**
 * `npm run import` as a child process against the real app, on a folder of mixed files;
 * and IPTC ninjs over HTTP (mapping, kept fields, identity by uri).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDetail } from '../shared/report.js';
import type { Summary } from '../scripts/import/summary.js';
import { DISPLAY_TOKEN, INGEST_TOKEN, startTestApp, type TestApp } from './helpers/app.js';
import { freePort, startRedis, type TestRedis } from './helpers/redisServer.js';

const run = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');

let redis: TestRedis;
let app: TestApp;
let dir: string;
const tag = Math.random().toString(36).slice(2, 8);

beforeAll(async () => {
  redis = await startRedis();
  app = await startTestApp(redis.url);
  dir = mkdtempSync(path.join(tmpdir(), 'crisis-import-'));
  mkdirSync(path.join(dir, 'nested'));
  const files: Record<string, string> = {
    'dated.txt': `date 2022-01-19\nBlinken will meet Lavrov in Geneva on Friday (${tag}).`,
    'undated.txt': `Russia has over 100,000 troops near the border (${tag}).`,
    'one.json': JSON.stringify({
      text: `Talks on January 10 faltered (${tag}).`,
      dateline: '2022-01-12',
      title: 'Talks',
      source: 'wire',
    }),
    'many.json': JSON.stringify([
      { text: `First of two (${tag}).` },
      { text: `Second of two (${tag}).`, dateline: '2022-01-18' },
    ]),
    'nested/wire.ninjs.json': JSON.stringify({
      uri: `https://wire.example/${tag}/1`,
      headline: 'Scholz in Kyiv',
      body_html: `<p>Scholz travels to <b>Kyiv</b> &amp; Moscow (${tag}).</p>`,
      versioncreated: '2022-02-14T09:00:00Z',
      located: 'Berlin',
      subject: [{ name: 'diplomacy' }],
    }),
    'nested/lines.jsonl': [
      JSON.stringify({ text: `Line one (${tag}).` }),
      JSON.stringify({ text: `Line two (${tag}).`, url: 'https://news.example/2' }),
      JSON.stringify({ text: '   ' }),
    ].join('\n'),
    'broken.json': '{"text": "never closed',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await app?.close();
  await redis?.stop();
});

async function importDir(...extra: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(
      TSX,
      ['scripts/import.ts', '--url', app.url, '--token', INGEST_TOKEN, ...extra, dir],
      { timeout: 60_000 },
    );
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

async function detail(id: string): Promise<ReportDetail> {
  return (await (
    await fetch(`${app.url}/api/reports/${id}`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } })
  ).json()) as ReportDetail;
}

describe('npm run import', () => {
  it('imports a folder of mixed files, then a second run finds only duplicates', async () => {
    const first = await importDir();
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Imported 10 items from 7 files');
    expect(first.stdout).toMatch(/accepted: {2}8\n/);
    expect(first.stdout).toMatch(/duplicate: 0\n/);
    expect(first.stdout).toMatch(/rejected: {2}2\n/);
    expect(first.stdout).toMatch(/broken\.json: invalid JSON/);
    expect(first.stdout).toMatch(/lines\.jsonl:3: text: text must not be empty/);
    expect(first.stdout).toMatch(/failed: {4}0/);
    // Not a TTY: plain progress lines, whose last counts are the summary's (items refused before sending included).
    expect(first.stderr.trim().split('\n').at(-1)).toMatch(
      /^import: 10\/10 items \(100%\), 7\/7 files read, \d+ items\/s/,
    );

    const again = await importDir('--json');
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout) as Summary;
    expect(summary).toMatchObject({ files: 7, items: 10, accepted: 0, duplicate: 8, failed: [] });
    expect(summary.rejected).toHaveLength(2);

    const res = await fetch(`${app.url}/api/reports?limit=100`, {
      headers: { authorization: `Bearer ${DISPLAY_TOKEN}` },
    });
    const reports = ((await res.json()) as { reports: ReportDetail[] }).reports.filter((r) =>
      r.report.text.includes(tag),
    );
    expect(reports).toHaveLength(8);
    expect(reports.find((r) => r.report.text.startsWith('Blinken'))?.report.dateline).toBe('2022-01-19');
    const ninjs = reports.find((r) => r.report.title === 'Scholz in Kyiv');
    expect(ninjs?.report).toMatchObject({
      text: `Scholz travels to Kyiv & Moscow (${tag}).`,
      dateline: '2022-02-14T09:00:00Z',
      url: `https://wire.example/${tag}/1`,
      meta: { format: 'ninjs', ninjs: { located: 'Berlin', subject: [{ name: 'diplomacy' }] } },
    });
  });

  it('takes RSS and Atom files too, each item a report, read as the feed poller reads them', async () => {
    const feeds = mkdtempSync(path.join(tmpdir(), 'crisis-import-feeds-'));
    const latin1 = Buffer.from(
      `\n<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Agência (${tag})</title>` +
        `<item><title>Reunião em Genebra</title><link>https://news.example/${tag}/1</link>` +
        `<pubDate>Seg, 24 Set 2018 19:42:40 -0300</pubDate><description>&lt;p&gt;Os ministros reúnem-se em Genebra (${tag}).&lt;/p&gt;</description></item>` +
        `<item><title>Sem data</title><description>Uma nota sem data (${tag}).</description></item>` +
        `</channel></rss>`,
      'latin1',
    );
    writeFileSync(path.join(feeds, 'wire.rss'), latin1);
    writeFileSync(
      path.join(feeds, 'desk.atom'),
      `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom (${tag})</title>` +
        `<updated>2022-01-12T10:00:00Z</updated>` +
        `<entry><id>urn:${tag}:a</id><title>Talks</title><updated>2022-01-10T18:00:00+01:00</updated>` +
        `<content type="html">&lt;p&gt;Talks on January 10 faltered (${tag}, atom).&lt;/p&gt;</content></entry></feed>`,
    );
    writeFileSync(path.join(feeds, 'broken.xml'), '<rss><channel><item>');
    const run1 = await run(TSX, ['scripts/import.ts', '--url', app.url, '--token', INGEST_TOKEN, '--json', feeds], {
      timeout: 60_000,
    });
    const summary = JSON.parse(run1.stdout) as Summary;
    expect(summary).toMatchObject({ files: 3, items: 4, accepted: 3, failed: [] });
    expect(summary.rejected).toEqual([{ origin: expect.stringMatching(/broken\.xml$/), reason: expect.any(String) }]);
    expect(run1.stderr.trim().split('\n').at(-1)).toMatch(/^import: 4\/4 items \(100%\), 3\/3 files read/);
    const res = await fetch(`${app.url}/api/reports?limit=200`, {
      headers: { authorization: `Bearer ${DISPLAY_TOKEN}` },
    });
    const mine = ((await res.json()) as { reports: ReportDetail[] }).reports.filter((r) => r.report.text.includes(tag));
    const byTitle = (t: string) => mine.find((r) => r.report.title === t)?.report;
    expect(byTitle('Reunião em Genebra')).toMatchObject({
      text: `Os ministros reúnem-se em Genebra (${tag}).`,
      dateline: '2018-09-24T19:42:40-03:00',
      url: `https://news.example/${tag}/1`,
      source: `Agência (${tag})`,
    });
    expect(byTitle('Talks')).toMatchObject({ dateline: '2022-01-10T18:00:00+01:00', source: `Atom (${tag})` });
    // No date of its own, none in the feed: the file's last change, never silently today.
    const undated = byTitle('Sem data')!;
    expect(undated.dateline.slice(0, 10)).toBe(
      new Date(statSync(path.join(feeds, 'wire.rss')).mtimeMs).toISOString().slice(0, 10),
    );
    rmSync(feeds, { recursive: true, force: true });
  });

  it('a wrong token stops at once with exit code 2; an unreachable server is a failure (exit 1)', async () => {
    const { code, stderr } = await run(TSX, [
      'scripts/import.ts',
      '--url',
      app.url,
      '--token',
      'not-a-valid-token-at-all',
      dir,
    ]).then(
      (r) => ({ ...r, code: 0 }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/refused the token \(401\)/);

    const one = path.join(dir, 'dated.txt');
    const closedPort = await freePort(); // nothing listens there
    const down = await run(TSX, [
      'scripts/import.ts',
      '--url',
      `http://127.0.0.1:${closedPort}`,
      '--token',
      INGEST_TOKEN,
      '--attempts',
      '1',
      one,
    ]).then(
      (r) => ({ ...r, code: 0 }),
      (e: { code: number; stdout: string }) => e,
    );
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(/failed: {4}1 \(not delivered; run the same command again/);
    expect(down.stdout).toMatch(
      /dated\.txt: gave up after 1 attempts: could not reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/,
    );
  });
});

describe('IPTC ninjs on POST /api/reports', () => {
  const post = (body: unknown, contentType = 'application/json') =>
    fetch(`${app.url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${INGEST_TOKEN}` },
      body: JSON.stringify(body),
    });

  it('maps the item, keeps its fields, and answers the same uri again as a duplicate of the first', async () => {
    const uri = `urn:newsml:wire.example:${tag}:talks`;
    const item = {
      uri,
      headline: 'Geneva talks',
      body_text: `Ministers meet in Geneva on Friday (${tag}).`,
      versioncreated: '2022-01-19T07:00:00+01:00',
      copyrightholder: 'Example Wire',
    };
    const first = await post(item, 'application/ninjs+json');
    expect(first.status).toBe(202);
    const { id } = (await first.json()) as { id: string };
    const stored = await detail(id);
    expect(stored.report).toMatchObject({
      title: 'Geneva talks',
      dateline: '2022-01-19T07:00:00+01:00',
      source: 'Example Wire',
      meta: { ninjs: { uri } },
    });
    expect(stored.report.url).toBeUndefined(); // a urn is an identity, not a link

    const rewrapped = await post({ ...item, body_text: `Ministers  meet in\nGeneva on Friday (${tag}).` });
    expect(rewrapped.status).toBe(200);
    expect(await rewrapped.json()).toEqual({ id, status: 'duplicate' });
    const edited = await post({
      ...item,
      body_text: `UPDATED: ministers meet in Geneva on Saturday (${tag}).`,
      versioncreated: '2022-01-19T09:00:00Z',
    });
    expect(await edited.json()).toEqual({ id, status: 'duplicate' });
  });

  it('refuses a ninjs item without any text, naming what is missing', async () => {
    const res = await post({ headline: '   ', uri: 'urn:x:empty' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/body_text, body_html/);
  });
});
