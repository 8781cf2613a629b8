/**
 * /alerts in real Chromium against the real app: signed out (a display token in the URL
 * changes nothing) the page asks to sign in; a viewer signs in with the desk's form, creates an
 * in-app subscription for all crises, sees it listed, gets a toast over the session-authenticated
 * socket (on the desk stream, where in-app alerts go) when a matching report comes in (user text
 * shown as text, never HTML), opens its delivery log, and deletes it; a subscription can name one
 * crisis, and the list says which.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_TOKEN, postReport, startTestApp, type TestApp } from '../helpers/app.js';
import { hasChromium, launchBrowser } from '../helpers/browser.js';
import { ADMIN_PASSWORD, USER_PASSWORD, login, userWithRole } from '../helpers/desk.js';
import { startRedis, type TestRedis } from '../helpers/redisServer.js';

describe.skipIf(!hasChromium)('alerts page (Chromium)', () => {
  let redis: TestRedis;
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    app = await startTestApp(redis.url, { clientDir: path.resolve('dist/client'), env: { ADMIN_PASSWORD } });
    await userWithRole(app.url, await login(app.url, 'admin', ADMIN_PASSWORD), 'valya', 'viewer');
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await redis?.stop();
  });

  it('signed out, even with the display token in the URL, the page shows the sign-in form and no subscriptions', async () => {
    await page.goto(`${app.url}/alerts?token=${DISPLAY_TOKEN}`);
    await page.getByRole('form', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('h1').textContent()).toBe('Alerts');
    expect(await page.locator('[data-testid=subscriptions]').count()).toBe(0);
    expect(await page.locator('input[name=name]').count()).toBe(0);
  });

  it('a viewer signs in, subscribes with the form, gets a toast for a matching report, lists deliveries, deletes', async () => {
    await page.goto(`${app.url}/alerts`);
    await page.getByLabel('Username').fill('valya');
    await page.getByLabel('Password').fill(USER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-testid=connection][data-status=live]').waitFor({ timeout: 10_000 });
    const word = `Qelvoria${randomBytes(3).toString('hex')}`;
    await page.locator('input[name=name]').fill('Watch Qelvoria');
    await page.locator('select[name=ruleType]').selectOption('mention');
    await page.locator('input[name=terms]').fill(word);
    await page.locator('input[name=throttleMinutes]').fill('0');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const row = page.locator('[data-testid=subscriptions] li', { hasText: 'Watch Qelvoria' });
    await row.waitFor();
    expect(await row.textContent()).toContain(`all crises: a report mentions "${word}"`);

    await postReport(app.url, {
      text: `Envoys met in ${word} on Monday.`,
      dateline: '2022-01-19',
      title: `<img src=x onerror=alert(1)> ${word}`,
    });
    const toast = page.locator('[data-testid=toasts] .toast', { hasText: word });
    await toast.waitFor({ timeout: 10_000 });
    expect(await toast.locator('strong').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('[data-testid=toasts] img').count()).toBe(0);

    await row.getByRole('button', { name: 'Deliveries' }).click();
    await row.locator('[data-testid=delivery-log] tr.delivery-delivered').first().waitFor({ timeout: 10_000 });

    await row.getByRole('button', { name: 'Delete' }).click();
    await row.waitFor({ state: 'detached' });

    // One crisis: picked from the crises there are, named in the list and kept by the server.
    await page.locator('input[name=name]').fill('Ukraine troops');
    await page.locator('select[name=crisis]').selectOption({ label: 'Russia–Ukraine' });
    await page.locator('select[name=ruleType]').selectOption('troops.above');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const one = page.locator('[data-testid=subscriptions] li', { hasText: 'Ukraine troops' });
    await one.waitFor();
    expect(await one.locator('.subscription-crisis').textContent()).toBe('Russia–Ukraine');
    const id = await one.getAttribute('data-subscription-id');
    const listed = await page.evaluate(async () => (await fetch('/api/subscriptions')).json());
    expect(
      (listed as { subscriptions: { id: string; crisis?: string }[] }).subscriptions.find((x) => x.id === id)?.crisis,
    ).toBe('russia-ukraine');
    expect(pageErrors).toEqual([]);
  });
});
