/**
 * The editors' /feeds page in real Chromium against the real app: signed out it points to the
 * sign-in; an editor adds a loopback feed, watches its items and its error arrive, removes it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { launchBrowser, screenshotDir } from '../helpers/browser.js';
import { ADMIN_PASSWORD, login, userWithRole } from '../helpers/desk.js';
import { startFeedServer, type FeedServer } from '../helpers/feedServer.js';
import { startRedis, type TestRedis } from '../helpers/redisServer.js';

let redis: TestRedis;
let app: TestApp;
let feedServer: FeedServer;
let browser: Browser;
let editorCookie: string;

beforeAll(async () => {
  redis = await startRedis();
  app = await startTestApp(redis.url, {
    clientDir: path.resolve('dist/client'),
    env: { ADMIN_PASSWORD, OUTBOUND_ALLOWLIST: '127.0.0.1', FEED_MIN_INTERVAL_SECONDS: '1' },
  });
  feedServer = await startFeedServer();
  editorCookie = await userWithRole(app.url, await login(app.url, 'admin', ADMIN_PASSWORD), 'eve', 'editor');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await feedServer?.close();
  await app?.close();
  await redis?.stop();
});

describe('/feeds page (Chromium)', () => {
  it('signed out, it says where to sign in', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/feeds`);
    const hint = page.getByTestId('feeds-signin');
    await hint.waitFor({ timeout: 10_000 });
    expect(await hint.textContent()).toMatch(/Sign in at \/desk/);
    await page.close();
  });

  it('an editor adds a feed, sees its items and its error, and removes it', async () => {
    const served = feedServer.define('/page.xml', 'rss', [
      {
        guid: 'p1',
        title: 'One',
        link: 'https://news.example/p/1',
        date: new Date('2022-01-19T08:00:00Z'),
        html: '<p>First <b>item</b></p>',
      },
      {
        guid: 'p2',
        title: 'Two',
        link: 'https://news.example/p/2',
        date: new Date('2022-01-19T09:00:00Z'),
        html: '<p>Second item</p>',
      },
    ]);
    const context = await browser.newContext();
    const [name, value] = editorCookie.split('=');
    await context.addCookies([{ name, value, url: app.url }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${app.url}/feeds`);

    await page.getByLabel('RSS or Atom URL').fill(`${feedServer.url}/page.xml`);
    await page.getByLabel('Every (seconds)').fill('1');
    await page.getByRole('button', { name: 'Add feed' }).click();
    await page.getByRole('status').filter({ hasText: 'Added' }).waitFor({ timeout: 10_000 });

    const row = page.locator('tr[data-feed-id]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.locator('.feed-url').textContent()).toBe(`${feedServer.url}/page.xml`);
    // The page refreshes every 10 s; reload to see the poll's outcome sooner.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator('tr[data-feed-id] .feed-count').textContent();
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toMatch(/^2/);

    served.failWith = 500;
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator('tr[data-feed-id] .feed-error').textContent();
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toMatch(/HTTP 500/);

    mkdirSync(screenshotDir(), { recursive: true });
    await page.screenshot({ path: path.join(screenshotDir(), 'feeds.png') }); // for review, not compared

    await page.getByRole('button', { name: 'Remove' }).click();
    await page.getByText('No feeds yet.').waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
