/**
 * A corrected in-app alert on /alerts in real Chromium against the real app: the subscriber's
 * toast for a troop figure, then a journalist corrects the figure; the toast shows the original
 * struck through with the correction under it, and the delivery log strikes the original through
 * and links the follow-up to it. Screenshot: test-results/screenshots/alerts-follow-up.png.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_ENV } from '../helpers/alertEnv.js';
import { postReport, startTestApp, type TestApp } from '../helpers/app.js';
import { hasChromium, launchBrowser, screenshotDir } from '../helpers/browser.js';
import { ADMIN_PASSWORD, USER_PASSWORD, call, login, userWithRole } from '../helpers/desk.js';
import { startRedis, type TestRedis } from '../helpers/redisServer.js';

describe.skipIf(!hasChromium)('a corrected alert on the alerts page (Chromium)', () => {
  let redis: TestRedis;
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let viewer: string;
  let journalist: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    app = await startTestApp(redis.url, {
      clientDir: path.resolve('dist/client'),
      env: { ...ALERT_ENV, ADMIN_PASSWORD },
    });
    const admin = await login(app.url, 'admin', ADMIN_PASSWORD);
    viewer = await userWithRole(app.url, admin, 'viola', 'viewer');
    journalist = await userWithRole(app.url, admin, 'jakob', 'journalist');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await redis?.stop();
  });

  it('the original is struck through with the correction, in the toast and in the delivery log', async () => {
    const created = await call(
      app.url,
      'POST',
      '/api/subscriptions',
      { cookie: viewer },
      {
        name: 'Troops past 50,000',
        throttleMinutes: 0,
        rule: { type: 'troops.above', threshold: 50_000 },
        channel: { type: 'inapp' },
      },
    );
    expect(created.status).toBe(201);
    await page.goto(`${app.url}/alerts`);
    await page.getByLabel('Username').fill('viola');
    await page.getByLabel('Password').fill(USER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-testid=connection][data-status=live]').waitFor({ timeout: 10_000 });

    const res = await postReport(app.url, {
      text: 'Officials said Russia has about 127,000 troops near the border with Ukraine.',
      dateline: '2022-01-19',
    });
    const { id } = (await res.json()) as { id: string };
    const toast = page.locator('[data-testid=toasts] .toast', { hasText: 'Troop estimate at 127,000' });
    await toast.waitFor({ timeout: 15_000 });
    expect(await toast.locator('s').count()).toBe(0);

    const fix = await call(
      app.url,
      'POST',
      `/api/reports/${id}/corrections`,
      { cookie: journalist },
      { correction: { kind: 'troop.set', index: 0, value: 12_700 } },
    );
    expect(fix.status).toBe(202);
    const correction = toast.locator('[data-testid=correction]');
    await correction.waitFor({ timeout: 15_000 });
    expect(await correction.textContent()).toMatch(/127,000 troops.*→ 12,700 troops/);
    const struck = toast.locator('[data-testid=corrected-original]');
    expect(await struck.textContent()).toContain('Troop estimate at 127,000');
    expect(await struck.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');
    expect(await page.locator('[data-testid=toasts] .toast').count()).toBe(1);

    const row = page.locator('[data-testid=subscriptions] li', { hasText: 'Troops past 50,000' });
    await row.getByRole('button', { name: 'Deliveries' }).click();
    const link = row.locator('.corrects-link');
    await link.waitFor({ timeout: 10_000 });
    expect(await link.textContent()).toContain('Troop estimate at 127,000');
    const target = (await link.getAttribute('href'))!.slice(1);
    const original = row.locator(`tr[id="${target}"]`);
    expect(await original.locator('s').textContent()).toContain('Troop estimate at 127,000');
    await page.screenshot({ path: path.join(screenshotDir(), 'alerts-follow-up.png') }); // for review, not compared
    expect(pageErrors).toEqual([]);
  });
});
