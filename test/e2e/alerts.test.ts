/**
 * /alerts in real Chromium against the real app: create an in-app subscription with the form,
 * see it listed, get a toast when a matching report comes in (user text shown as text, never
 * HTML), open its delivery log, and delete it.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_TOKEN, postReport, startTestApp, type TestApp } from '../helpers/app.js';
import { hasChromium, launchBrowser } from '../helpers/browser.js';
import { startRedis, type TestRedis } from '../helpers/redisServer.js';

describe.skipIf(!hasChromium)('alerts page (Chromium)', () => {
  let redis: TestRedis;
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    app = await startTestApp(redis.url, { clientDir: path.resolve('dist/client') });
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${app.url}/alerts?token=${DISPLAY_TOKEN}`);
    await page.locator('[data-testid=connection][data-status=live]').waitFor({ timeout: 10_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await redis?.stop();
  });

  it('subscribes with the form, shows a toast for a matching report, lists deliveries, deletes', async () => {
    const word = `Qelvoria${randomBytes(3).toString('hex')}`;
    await page.locator('input[name=name]').fill('Watch Qelvoria');
    await page.locator('select[name=ruleType]').selectOption('mention');
    await page.locator('input[name=terms]').fill(word);
    await page.locator('input[name=throttleMinutes]').fill('0');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const row = page.locator('[data-testid=subscriptions] li', { hasText: 'Watch Qelvoria' });
    await row.waitFor();
    expect(await row.textContent()).toContain(`a report mentions "${word}"`);

    await postReport(app.url, { text: `Envoys met in ${word} on Monday.`, dateline: '2022-01-19', title: `<img src=x onerror=alert(1)> ${word}` });
    const toast = page.locator('[data-testid=toasts] .toast', { hasText: word });
    await toast.waitFor({ timeout: 10_000 });
    expect(await toast.locator('strong').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('[data-testid=toasts] img').count()).toBe(0);

    await row.getByRole('button', { name: 'Deliveries' }).click();
    await row.locator('[data-testid=delivery-log] tr.delivery-delivered').first().waitFor({ timeout: 10_000 });

    await row.getByRole('button', { name: 'Delete' }).click();
    await row.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });
});
