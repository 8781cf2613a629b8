/**
 * The desk's search box in real Chromium against the real app: it asks the server, so it finds a
 * report older than every page the desk loaded; matches are marked from the server's offsets and
 * report text stays text; "load more" follows the cursor to the last match; a search that finds
 * nothing says so; a filter changed while searching narrows the results.
 */
import path from 'node:path';
import { Redis } from 'ioredis';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyExtraction } from '../../shared/extraction.js';
import { appendChange } from '../../server/storage/changeStream.js';
import { DISPLAY_TOKEN, startTestApp, waitFor, type TestApp } from '../helpers/app.js';
import { hasChromium, launchBrowser, screenshotDir } from '../helpers/browser.js';
import { ADMIN_PASSWORD, USER_PASSWORD, userWithRole, login } from '../helpers/desk.js';
import { startRedis, type TestRedis } from '../helpers/redisServer.js';

const clientDir = path.resolve('dist/client');
/** More than the desk's first page (200), so the oldest report is not loaded. */
const FILLERS = 230;
const CONVOYS = 60;
const OLDEST = 'f'.repeat(32);

describe.skipIf(!hasChromium)('desk search box (Chromium)', () => {
  let redis: TestRedis;
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  /** Stores folded reports as the worker leaves them and tells the desk stream, oldest first. */
  async function store(probe: Redis, reports: { id: string; text: string; title: string; source: string }[]) {
    const k = app.ctx.keys;
    const t0 = Date.now() - 3600_000;
    const multi = probe.multi();
    reports.forEach((r, i) => {
      const receivedAt = new Date(t0 + i * 1000).toISOString();
      const report = { ...r, dateline: '2022-01-19', receivedAt };
      const summary = {
        id: r.id,
        title: r.title,
        source: r.source,
        dateline: '2022-01-19',
        receivedAt,
        status: 'done',
        excerpt: r.text,
        flags: [],
        crises: [],
      };
      multi.hset(k.report(r.id), {
        report: JSON.stringify(report),
        status: 'done',
        extraction: JSON.stringify(emptyExtraction()),
        fp: `fp-${r.id}`,
        crises: '[]',
      });
      multi.zadd(k.reportIndex, t0 + i * 1000, r.id).zadd(k.unassigned, t0 + i * 1000, r.id);
      appendChange(multi, k.changes, { type: 'report.added', id: r.id, report: summary as never }, 100_000);
    });
    await multi.exec();
  }

  beforeAll(async () => {
    redis = await startRedis();
    app = await startTestApp(redis.url, { clientDir, env: { ADMIN_PASSWORD } });
    const admin = await login(app.url, 'admin', ADMIN_PASSWORD);
    await userWithRole(app.url, admin, 'sasha', 'journalist');
    const probe = new Redis(redis.url);
    const hex = (n: number) => n.toString(16).padStart(32, '0');
    await store(probe, [
      {
        id: OLDEST,
        title: 'Zebrafish <b>convoy</b>',
        text: 'A zebrafish research convoy reached Odesa.',
        source: 'Lab wire',
      },
      ...Array.from({ length: CONVOYS }, (_, i) => ({
        id: hex(1000 + i),
        title: `Convoy ${i}`,
        text: `Convoy number ${i} of trucks crossed near Kyiv at night.`,
        source: i % 2 ? 'Wire One' : 'Wire Two',
      })),
      ...Array.from({ length: FILLERS }, (_, i) => ({
        id: hex(5000 + i),
        title: `Weather ${i}`,
        text: `The weather in Lviv was mild on day ${i}.`,
        source: 'Wire One',
      })),
    ]);
    probe.disconnect();
    // The index has them once the server's own search does.
    await waitFor(
      async () => {
        const res = await fetch(`${app.url}/api/reports?q=zebrafish`, {
          headers: { authorization: `Bearer ${DISPLAY_TOKEN}` },
        });
        return res.ok && ((await res.json()) as { reports: unknown[] }).reports.length === 1;
      },
      20_000,
      'reports indexed',
    );
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${app.url}/desk`);
    await page.getByLabel('Username').fill('sasha');
    await page.getByLabel('Password').fill(USER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-testid=desk-list][data-count="200"]').waitFor({ timeout: 15_000 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await redis?.stop();
  });

  const hits = (p: Page) => p.getByTestId('search-hit');

  it('finds a report the desk never loaded, marks the match, and keeps report text as text', async () => {
    expect(await page.locator(`[data-testid=desk-row][data-report-id="${OLDEST}"]`).count()).toBe(0);
    await page.getByTestId('desk-search').fill('zebrafish');
    const hit = page.locator(`[data-testid=search-hit][data-report-id="${OLDEST}"]`);
    await hit.waitFor({ timeout: 10_000 });
    expect(await hits(page).count()).toBe(1);
    expect(await hit.locator('h2 mark').textContent()).toBe('Zebrafish');
    expect(await hit.locator('p mark').textContent()).toBe('zebrafish');
    // The title's "<b>" is shown as characters, not made bold.
    expect(await hit.locator('h2').textContent()).toBe('Zebrafish <b>convoy</b>');
    expect(await hit.locator('h2 b').count()).toBe(0);
    await hit.click();
    await page.locator(`[data-testid=report-panel][data-report-id="${OLDEST}"]`).waitFor({ timeout: 5_000 });
    // A flag set from the panel shows on the result at once.
    await page.getByTestId('flag-breaking').click();
    await hit.locator('[data-flag=breaking]').waitFor({ timeout: 5_000 });
  });

  it('"load more" follows the server\'s cursor to the last match', async () => {
    await page.getByTestId('desk-search').fill('convoy');
    // The zebrafish report's title holds the word too: 61 matches, 50 a page.
    await page.locator('[data-testid=search-hit]').nth(49).waitFor({ timeout: 10_000 });
    expect(await hits(page).count()).toBe(50);
    await page.getByTestId('search-more').click();
    await page.locator(`[data-testid=search-hit][data-report-id="${OLDEST}"]`).waitFor({ timeout: 10_000 });
    expect(await hits(page).count()).toBe(CONVOYS + 1);
    expect(await page.getByTestId('search-more').count()).toBe(0);
    await page.screenshot({ path: path.join(screenshotDir(), 'desk-search.png') });
  });

  it('a filter changed while searching narrows the results; nothing found says so', async () => {
    await page.getByLabel('Source').selectOption('Wire Two');
    await waitFor(async () => (await hits(page).count()) === CONVOYS / 2, 10_000, 'only Wire Two');
    await page.getByLabel('Source').selectOption('');
    await page.getByTestId('desk-search').fill('convoy quokka');
    await page.getByTestId('search-empty').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('search-empty').textContent()).toContain('No report matches “convoy quokka”');
    // Emptying the box brings back the live list.
    await page.getByTestId('desk-search').fill('');
    await page.locator('[data-testid=desk-list][data-count="200"]').waitFor({ timeout: 10_000 });
    expect(pageErrors).toEqual([]);
  });
});
