/**
 * Sources' reliability tiers on real Redis and HTTP: editors set and clear them (validated,
 * audited), journalists may not, and the provenance of reports names each report's source and tier.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../shared/desk.js';
import type { ReportProvenance, SourceInfo } from '../shared/sources.js';
import { DISPLAY_TOKEN, postReport, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { ADMIN_PASSWORD, call, login, userWithRole } from './helpers/desk.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';

let redis: TestRedis;
let app: TestApp;
let editor: string;
let journalist: string;
let reportId: string;

beforeAll(async () => {
  redis = await startRedis();
  app = await startTestApp(redis.url, { env: { ADMIN_PASSWORD } });
  const admin = await login(app.url, 'admin', ADMIN_PASSWORD);
  editor = await userWithRole(app.url, admin, 'eddie', 'editor');
  journalist = await userWithRole(app.url, admin, 'jane', 'journalist');
  const res = await postReport(app.url, {
    text: 'Russia has massed about 90,000 troops near the border with Ukraine, officials said.',
    dateline: '2022-01-19',
    title: 'Tier test',
    source: 'Reuters',
  });
  reportId = ((await res.json()) as { id: string }).id;
  await waitFor(
    async () => (await call(app.url, 'GET', `/api/reports/${reportId}`, { token: DISPLAY_TOKEN })).status === 200,
    15_000,
    'report stored',
  );
});
afterAll(async () => {
  await app?.close();
  await redis?.stop();
});

async function provenance(): Promise<ReportProvenance[]> {
  const res = await call(app.url, 'GET', `/api/sources/of-reports?ids=${reportId}`, { token: DISPLAY_TOKEN });
  expect(res.status).toBe(200);
  return ((await res.json()) as { reports: ReportProvenance[] }).reports;
}

describe('source tiers', () => {
  it('an editor sets a tier: listed, matched without regard to case, shown in the provenance, audited', async () => {
    expect(await provenance()).toEqual([
      { id: reportId, source: 'Reuters', title: 'Tier test', dateline: '2022-01-19', tier: null },
    ]);
    const res = await call(app.url, 'PUT', '/api/sources/reuters/tier', { cookie: editor }, { tier: 'wire' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { source: SourceInfo }).source).toMatchObject({ name: 'reuters', tier: 'wire' });
    const list = (await (await call(app.url, 'GET', '/api/sources', { token: DISPLAY_TOKEN })).json()) as {
      sources: SourceInfo[];
    };
    expect(list.sources).toMatchObject([{ name: 'reuters', tier: 'wire', setBy: 'eddie' }]);
    expect((await provenance())[0].tier).toBe('wire');
    const trail = (await (await call(app.url, 'GET', '/api/sources/audit', { cookie: editor })).json()) as {
      entries: AuditEntry[];
    };
    expect(trail.entries.at(-1)).toMatchObject({
      action: 'source.tier-set',
      by: 'eddie',
      target: 'reuters',
      before: null,
      after: 'wire',
    });
  });

  it('an unknown tier is a 400 that lists the tiers; a journalist may not set one (403)', async () => {
    const bad = await call(app.url, 'PUT', '/api/sources/Reuters/tier', { cookie: editor }, { tier: 'rumour' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /wire, official, own-correspondent/,
    );
    const refused = await call(app.url, 'PUT', '/api/sources/Reuters/tier', { cookie: journalist }, { tier: 'wire' });
    expect(refused.status).toBe(403);
  });

  it('null clears the tier, and the trail keeps the change', async () => {
    const res = await call(app.url, 'PUT', '/api/sources/Reuters/tier', { cookie: editor }, { tier: null });
    expect(res.status).toBe(200);
    expect((await provenance())[0].tier).toBeNull();
    const trail = (await (await call(app.url, 'GET', '/api/sources/audit', { cookie: editor })).json()) as {
      entries: AuditEntry[];
    };
    expect(trail.entries.at(-1)).toMatchObject({ before: 'wire', after: null });
  });

  it('provenance asks for report ids: a malformed one is a 400 naming it', async () => {
    const res = await call(app.url, 'GET', '/api/sources/of-reports?ids=nope', { token: DISPLAY_TOKEN });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/report id is 32 hexadecimal/);
  });
});
