/**
 * Pictures of the past in real Chromium against the real app (api + worker roles, real Redis):
 * /wall?asOf= shows the crisis as it stood then, labelled "as of …", and opens no live socket;
 * the desk's as-of screen follows the crisis live, and its slider shows the wall as it was at
 * the chosen second, sources included, then goes back to live. Screenshots at 1920×1080 go to
 * test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_TOKEN, postReport, startTestApp, waitFor, type TestApp } from '../helpers/app.js';
import { ADMIN_PASSWORD } from '../helpers/desk.js';
import { hasChromium, launchBrowser, screenshotDir } from '../helpers/browser.js';
import { startRedis, type TestRedis } from '../helpers/redisServer.js';

const clientDir = path.resolve('dist/client');
const FIRST =
  'Russia has massed about 90,000 troops near the border with Ukraine, officials said on Wednesday in Washington.';
const SECOND =
  'Russia now has about 120,000 troops near the border with Ukraine, a senior Western intelligence official said.';

async function postAndWait(url: string, text: string, dateline: string): Promise<string> {
  const res = await postReport(url, { text, dateline, title: `Dispatch ${dateline}`, source: 'wire' });
  const { id } = (await res.json()) as { id: string };
  await waitFor(
    async () => {
      const r = await fetch(`${url}/api/reports/${id}`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } });
      return ((await r.json()) as { status: string }).status === 'done';
    },
    15_000,
    'report processed',
  );
  return id;
}

/** Sets a range input as a person dragging it would (React listens for the input event). */
async function slideTo(page: Page, ms: number): Promise<void> {
  await page.getByTestId('asof-slider').evaluate((el, value) => {
    const input = el as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(value));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, ms);
}

describe.skipIf(!hasChromium)('as-of pictures (Chromium)', () => {
  let redis: TestRedis;
  let app: TestApp;
  let browser: Browser;
  const pageErrors: string[] = [];
  /** A whole second after the first report was folded in and before the second was sent. */
  let between: number;

  beforeAll(async () => {
    redis = await startRedis();
    app = await startTestApp(redis.url, { clientDir, env: { ADMIN_PASSWORD } });
    await postAndWait(app.url, FIRST, '2022-01-19');
    between = Math.ceil(Date.now() / 1000) * 1000;
    await waitFor(async () => Date.now() > between + 20, 2000, 'the next second');
    await postAndWait(app.url, SECOND, '2022-01-20');
    browser = await launchBrowser();
    mkdirSync(screenshotDir(), { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await redis?.stop();
  });

  it('/wall?asOf= shows the crisis as it stood then, labelled, with no live connection', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const sockets: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes('/socket.io')) sockets.push(req.url());
    });
    const moment = new Date(between).toISOString();
    await page.goto(`${app.url}/wall?token=${DISPLAY_TOKEN}&asOf=${moment}`);
    await page.locator(`[data-testid=wall][data-as-of="${moment}"]`).waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByTestId('troops-current').textContent()).toBe('90,000');
    expect(await page.getByTestId('wall-as-of').textContent()).toMatch(/^As of .+ UTC.*not live/);
    expect(await page.getByTestId('troops-panel').textContent()).not.toContain('120,000');
    await page.screenshot({ path: path.join(screenshotDir(), 'wall-asof-1080p.png') });
    expect(sockets).toEqual([]);

    // A moment the server cannot read is said on screen, not shown as an empty wall.
    await page.goto(`${app.url}/wall?token=${DISPLAY_TOKEN}&asOf=last-tuesday`);
    await expect.poll(() => page.getByTestId('wall-as-of-error').textContent()).toMatch(/asOf must be an ISO-8601/);
    await page.close();
  });

  it("the desk's slider shows the wall as it was at the chosen moment, then goes back to live", async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${app.url}/desk?view=as-of`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-testid=desk-asof][data-mode=live]').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('asof-mode').textContent()).toContain('Live');
    await expect.poll(() => page.getByTestId('troops-current').textContent()).toBe('120,000');

    await slideTo(page, between);
    const moment = new Date(between).toISOString();
    await page.locator(`[data-testid=asof-mode][data-as-of="${moment}"]`).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('asof-mode').textContent()).toMatch(/^As of .+ UTC — not live/);
    await expect.poll(() => page.getByTestId('troops-current').textContent()).toBe('90,000');
    // The figure's sources then: the first dispatch only.
    const troops = await page.getByTestId('troops-panel').textContent();
    expect(troops).not.toContain('120,000');
    await page.screenshot({ path: path.join(screenshotDir(), 'desk-asof-1080p.png') });

    await page.getByTestId('asof-live').click();
    await page.locator('[data-testid=desk-asof][data-mode=live]').waitFor({ timeout: 5_000 });
    await expect.poll(() => page.getByTestId('troops-current').textContent()).toBe('120,000');
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
