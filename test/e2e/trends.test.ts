/**
 * The trends page in real Chromium against the real app (api + worker roles, real Redis), on the
 * sample Russia–Ukraine crisis: the three charts drawn by Recharts from the sample scenario, a
 * posted report reaching them live, the link from the feed, and screenshots at 1080p
 * and 4K for review (test-results/screenshots/trends-*.png).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReports } from '../../server/seed/sampleReports.js';
import { DISPLAY_TOKEN, postReport, startTestApp, waitFor, type TestApp } from '../helpers/app.js';
import { hasChromium, launchBrowser, screenshotDir } from '../helpers/browser.js';
import { startRedis, type TestRedis } from '../helpers/redisServer.js';

const clientDir = path.resolve('dist/client');
const DAY_MS = 86_400_000;

/** YYYY-MM-DD, `days` from today (UTC). */
const day = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
/** "20 November", `days` from today (UTC), as a report writes a date. */
const spoken = (days: number): string =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    Date.now() + days * DAY_MS,
  );

async function post(app: TestApp, body: Record<string, unknown>): Promise<string> {
  const res = await postReport(app.url, { source: 'Wire', ...body });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

async function waitDone(app: TestApp, ids: string[]): Promise<void> {
  for (const id of ids)
    await waitFor(
      async () => {
        const res = await fetch(`${app.url}/api/reports/${id}`, {
          headers: { authorization: `Bearer ${DISPLAY_TOKEN}` },
        });
        return res.ok && ((await res.json()) as { status: string }).status === 'done';
      },
      20_000,
      `report ${id} to be processed`,
    );
}

/** Earlier weeks of the crisis, in our own words, so the lines have a shape before the sample's days. */
const earlier = [
  {
    daysAgo: 40,
    title: 'NATO counts troops',
    text: 'NATO said Russia had deployed 90,000 troops near Ukraine, and warned of an invasion.',
  },
  {
    daysAgo: 33,
    title: 'Kyiv’s estimate',
    text: 'Ukraine’s defence ministry said Russia had massed 94,000 troops near the border with Ukraine.',
  },
  {
    daysAgo: 26,
    title: 'Washington’s estimate',
    text: 'U.S. officials said Russia has about 100,000 troops near Ukraine and could double that to 175,000.',
  },
  {
    daysAgo: 19,
    title: 'Shelling near Kharkiv',
    text: 'Russian forces shelled positions near Kharkiv, Ukraine said, as Moscow threatened retaliation against Kyiv.',
  },
  {
    daysAgo: 12,
    title: 'Kyiv revises its figure',
    text: 'Ukraine’s defence ministry said Russia had massed 112,000 troops near the border with Ukraine.',
  },
  {
    daysAgo: 9,
    title: 'Visit called off',
    text: `Talks on Ukraine between Scholz and Putin in Moscow planned for ${spoken(-7)} were cancelled, the Kremlin said.`,
  },
  {
    daysAgo: 6,
    title: 'Sanctions warning',
    text: 'Russia warned the United States it would respond to new sanctions.',
  },
];

describe.skipIf(!hasChromium)('trends page (Chromium)', () => {
  let redis: TestRedis;
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    app = await startTestApp(redis.url, { clientDir });
    const ids = [];
    for (const r of earlier) ids.push(await post(app, { title: r.title, text: r.text, dateline: day(-r.daysAgo) }));
    for (const r of sampleReports)
      ids.push(await post(app, { title: r.title, source: r.source, text: r.text, dateline: day(-r.daysAgo) }));
    await waitDone(app, ids);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${app.url}/trends?crisis=russia-ukraine&token=${DISPLAY_TOKEN}`);
    await page.locator('[data-testid=trends][data-crisis=russia-ukraine]').waitFor({ timeout: 15_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await redis?.stop();
  });

  it('draws troops by claimant, tension by pair and the meetings with Recharts', async () => {
    const claimants = page.getByTestId('trend-troops-claimants');
    await claimants.locator('svg.recharts-surface').waitFor({ timeout: 10_000 });
    // Claims side by side: one line per source, the desk's figure, and the hypothetical dashed.
    const legend = page.getByTestId('trend-troops').locator('.trend-legend li');
    const names = await legend.allTextContents();
    expect(names).toEqual(expect.arrayContaining(['Desk figure (most cited)', 'U.S. officials', 'ministry']));
    expect(names.some((n) => n.endsWith('(hypothetical)'))).toBe(true);
    expect(await claimants.locator('.recharts-line-curve[stroke-dasharray]').count()).toBeGreaterThan(0);
    expect(await claimants.getAttribute('aria-label')).toMatch(
      /^Troop figures of Russia’s forces · Ukraine by source, /,
    );

    const tension = page.getByTestId('trend-tension-chart');
    await tension.locator('svg.recharts-surface').waitFor({ timeout: 5_000 });
    expect(await tension.locator('.recharts-line-curve').count()).toBeGreaterThanOrEqual(2);
    expect(await tension.getAttribute('aria-label')).toContain('Russia and Ukraine');
    // The signals behind a rise are listed by name.
    expect(await page.getByTestId('trend-rises').textContent()).toContain('Russia – Ukraine');

    const meetings = page.getByTestId('trend-meetings-chart');
    await meetings.locator('svg.recharts-surface').waitFor({ timeout: 5_000 });
    const lanes = await page.getByTestId('trend-meetings').locator('.trend-legend li').allTextContents();
    const count = (lane: string) => Number(lanes.find((l) => l.startsWith(lane))?.match(/\((\d+)\)$/)?.[1]);
    expect([count('Held'), count('Cancelled'), count('Coming')]).toEqual([1, 1, 1]);
    const dated = lanes.reduce((sum, l) => sum + Number(l.match(/\((\d+)\)$/)?.[1]), 0);
    expect(await meetings.locator('.recharts-scatter-symbol').count()).toBe(dated);
    expect(await meetings.locator('.recharts-label-list').allTextContents()).toContain('Moscow');
    // The span crosses no year here, so ticks read "24 Nov"; every tick is a whole day.
    for (const t of await claimants.locator('.recharts-xAxis .recharts-cartesian-axis-tick-value').allTextContents())
      expect(t).toMatch(/^\d{1,2} \w{3}( \d{4})?$/);
  });

  it('updates live when a report arrives', async () => {
    const seq = await page.getByTestId('trends').getAttribute('data-seq');
    await post(app, {
      title: 'Estonia’s estimate',
      dateline: day(0),
      text: 'Estonian intelligence estimated that Russia has 150,000 soldiers around Ukraine.',
    });
    const legend = page.getByTestId('trend-troops').locator('.trend-legend li', { hasText: 'Estonian intelligence' });
    await legend.waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('trends').getAttribute('data-seq')).not.toBe(seq);
    // A pair the report names (Estonia–Russia) joins the tension chart.
    await page
      .getByTestId('trend-tension')
      .locator('.trend-legend li', { hasText: 'Estonia – Russia' })
      .waitFor({ timeout: 5_000 });
  });

  it('is linked from the feed, and writes screenshots at 1920×1080 and 3840×2160', async () => {
    const dir = screenshotDir();
    mkdirSync(dir, { recursive: true });
    const overflow = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth > window.innerWidth,
      y: document.documentElement.scrollHeight > window.innerHeight,
    }));
    expect(overflow).toEqual({ x: false, y: false });
    await page.screenshot({ path: path.join(dir, 'trends-1080p.png') });
    await page.setViewportSize({ width: 3840, height: 2160 });
    await page.waitForTimeout(500); // the charts redraw for the new size
    await page.screenshot({ path: path.join(dir, 'trends-4k.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });

    const feed = await browser.newPage();
    try {
      await feed.goto(`${app.url}/?crisis=russia-ukraine&token=${DISPLAY_TOKEN}`);
      await feed.locator('[data-testid=report-feed][data-crisis=russia-ukraine]').waitFor({ timeout: 10_000 });
      expect(await feed.getByRole('link', { name: 'Trends' }).getAttribute('href')).toBe(
        '/trends?crisis=russia-ukraine',
      );
    } finally {
      await feed.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
