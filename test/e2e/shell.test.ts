/**
 * The app shell, provenance and source tiers in real Chromium against the real app (api +
 * worker, real Redis): the same header, navigation and connection badge on every page but the
 * wall; the keyboard help (`?`, Escape, focus kept inside and given back); an editor's source tier
 * shown beside claims on the desk and the wall; a figure clicked on the desk opens its sentence
 * highlighted in its report; a meeting's history step by step; the desk on a phone (the report
 * over the list, and back) and at 4K. Screenshots at 390×844, 1920×1080 and 3840×2160 go to
 * test-results/screenshots/shell-*.png for review by eye.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_TOKEN, postReport, startTestApp, waitFor, type TestApp } from '../helpers/app.js';
import { hasChromium, launchBrowser, screenshotDir } from '../helpers/browser.js';
import { ADMIN_PASSWORD, USER_PASSWORD, login, userWithRole } from '../helpers/desk.js';
import { startRedis, type TestRedis } from '../helpers/redisServer.js';

const clientDir = path.resolve('dist/client');
const TROOP_SENTENCE = 'Russia has massed about 100,000 troops near the border with Ukraine, officials said.';
const REPORTS = [
  {
    dateline: '2022-01-18',
    source: 'Reuters',
    title: 'Troops massed; Geneva talks set',
    text: `${TROOP_SENTENCE} US Secretary of State Antony Blinken will meet Russian Foreign Minister Sergei Lavrov in Geneva on January 21.`,
  },
  {
    dateline: '2022-01-20',
    source: 'Kyiv correspondent',
    title: 'Geneva talks pushed back',
    text: 'Talks on Ukraine between US Secretary of State Antony Blinken and Russian Foreign Minister Sergei Lavrov in Geneva have been postponed to January 24, diplomats in Moscow and Kyiv said.',
  },
  {
    dateline: '2022-01-24',
    source: 'Reuters',
    title: 'Blinken and Lavrov meet',
    text: 'Antony Blinken and Sergei Lavrov met in Geneva on Monday for talks on Ukraine. Kyiv warned that Russia was ready for an imminent invasion.',
  },
];
const PHONE = { width: 390, height: 844 };
const HD = { width: 1920, height: 1080 };
const UHD = { width: 3840, height: 2160 };

describe.skipIf(!hasChromium)('app shell, provenance and source tiers (Chromium)', () => {
  let redis: TestRedis;
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const ids: string[] = [];

  async function signedIn(viewport: { width: number; height: number }, username = 'edna'): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${app.url}/desk`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(username === 'admin' ? ADMIN_PASSWORD : USER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-testid=connection][data-status=live]').waitFor({ timeout: 10_000 });
    return page;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir(), `shell-${name}.png`) });

  beforeAll(async () => {
    mkdirSync(screenshotDir(), { recursive: true });
    redis = await startRedis();
    app = await startTestApp(redis.url, { clientDir, env: { ADMIN_PASSWORD } });
    const admin = await login(app.url, 'admin', ADMIN_PASSWORD);
    await userWithRole(app.url, admin, 'edna', 'editor');
    for (const r of REPORTS) ids.push(((await (await postReport(app.url, r)).json()) as { id: string }).id);
    // Folded into the crisis: the held meeting (the last report) is in the picture.
    await waitFor(
      async () => {
        const res = await fetch(`${app.url}/api/state`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } });
        const state = (await res.json()) as { meetings: { status: string; history: unknown[] }[] };
        return state.meetings.some((m) => m.status === 'held' && m.history.length === 3);
      },
      20_000,
      'reports folded',
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
    await redis?.stop();
  });

  it('every page but the wall has the same header, navigation and live connection badge', async () => {
    const page = await signedIn(HD, 'admin');
    const pages: [string, string][] = [
      ['/', 'home'],
      ['/desk', 'desk'],
      ['/desk?view=crises', 'crises'],
      ['/alerts', 'alerts'],
      ['/feeds', 'feeds'],
      ['/trends', 'trends'],
      ['/users', 'users'],
    ];
    for (const [url, id] of pages) {
      await page.goto(`${app.url}${url}`);
      await page.getByTestId('app-shell').waitFor({ timeout: 10_000 });
      const nav = page.getByTestId('app-nav');
      expect(await nav.locator('a').allTextContents(), url).toEqual([
        'Home',
        'Desk',
        'Crises',
        'Alerts',
        'Feeds',
        'Users',
        'Trends',
        'Wall',
      ]);
      expect(await nav.locator('a[aria-current=page]').getAttribute('data-nav'), url).toBe(id);
      await page.locator('header [data-testid=connection][data-status=live]').waitFor({ timeout: 10_000 });
      await page.getByTestId('help-open').waitFor();
    }
    await page.getByTestId('users').getByText('edna').waitFor();
    await shot(page, 'users-1920');
    await page.goto(`${app.url}/wall?token=${DISPLAY_TOKEN}`);
    await page.getByTestId('wall').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('app-shell').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('? opens the keyboard help as a modal dialog; Tab stays inside; Escape closes it and gives focus back', async () => {
    const page = await signedIn(HD);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor({ timeout: 5_000 });
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await dialog.textContent()).toMatch(/j \/ k.*Next \/ previous report/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('help-close');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role=dialog]'))).toBe(true);
    await shot(page, 'help-1920');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });
    // Opened from its button, focus comes back to the button.
    await page.getByTestId('help-open').click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('help-open');
    // A "?" typed into a field is the field's.
    await page.getByLabel('Search', { exact: true }).fill('?');
    expect(await dialog.count()).toBe(0);
  }, 60_000);

  it('an editor sets a tier on the feeds page; the desk labels each claim with it, the wall marks it', async () => {
    const page = await signedIn(HD);
    await page.goto(`${app.url}/feeds`);
    const tiers = page.getByTestId('source-tiers');
    await tiers.locator('input[name=source]').fill('Reuters');
    await tiers.locator('select[name=tier]').selectOption('wire');
    await tiers.getByRole('button', { name: 'Set tier' }).click();
    await tiers.locator('tr[data-source=Reuters]', { hasText: 'Wire' }).waitFor({ timeout: 5_000 });
    await shot(page, 'feeds-tiers-1920');

    await page.goto(`${app.url}/desk?view=picture`);
    const troops = page.getByTestId('picture-troops');
    const claim = troops.locator(`[data-testid=cited][data-report-id="${ids[0]}"]`);
    await claim.waitFor({ timeout: 10_000 });
    const mark = claim.locator('xpath=..').locator('[data-testid=source-mark][data-tier=wire]');
    await mark.waitFor({ timeout: 10_000 });
    expect(await mark.textContent()).toBe('ReutersWire');
    // The correspondent's report has no tier: it says so rather than look rated.
    const step = page.locator(`[data-testid=meeting-step][data-step=postponed]`);
    expect(await step.getByTestId('source-mark').textContent()).toBe('Kyiv correspondentno tier');

    const wallContext = await browser.newContext({ viewport: HD });
    contexts.push(wallContext);
    const wall = await wallContext.newPage();
    wall.on('pageerror', (err) => pageErrors.push(err.message));
    await wall.goto(`${app.url}/wall?token=${DISPLAY_TOKEN}`);
    const claims = wall.getByTestId('troops-panel').locator('.troop-claim [data-testid=source-mark][data-tier=wire]');
    await claims.first().waitFor({ timeout: 10_000 });
    expect(await claims.first().textContent()).toBe('ReutersW');
    // Tension drivers name theirs too (the Geneva meeting is long past: the wall's schedule leaves it out).
    await wall.getByTestId('tension-drivers').getByTestId('source-mark').first().waitFor({ timeout: 5_000 });
    await shot(wall, 'wall-sources-1920');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('a figure clicked on the desk opens its report beside the list with the sentence highlighted', async () => {
    for (const [viewport, name] of [
      [HD, '1920'],
      [UHD, '3840'],
    ] as const) {
      const page = await signedIn(viewport);
      await page.goto(`${app.url}/desk?view=picture`);
      await page.getByTestId('picture-troops').locator(`[data-testid=cited][data-report-id="${ids[0]}"]`).click();
      const sentence = page.getByTestId('source-report').getByTestId('provenance-sentence');
      await sentence.waitFor({ timeout: 10_000 });
      expect(await sentence.textContent()).toBe(TROOP_SENTENCE);
      expect(await sentence.locator('strong').textContent()).toMatch(/100,000 troops/);
      // Beside the list, not over it.
      const list = await page.locator('.picture-lists').boundingBox();
      const reader = await page.getByTestId('desk-reader').boundingBox();
      expect(reader!.x).toBeGreaterThanOrEqual(list!.x + list!.width - 1);
      await shot(page, `provenance-${name}`);
    }
  }, 60_000);

  it("a meeting's history reads announced, postponed, held, each step opening its report", async () => {
    const page = await signedIn(HD);
    await page.goto(`${app.url}/desk?view=picture`);
    const history = page.getByTestId('meeting-history').filter({ hasText: 'Geneva' });
    await history.waitFor({ timeout: 10_000 });
    expect(await history.getByTestId('meeting-step').evaluateAll((els) => els.map((e) => e.dataset.step))).toEqual([
      'announced',
      'postponed',
      'held',
    ]);
    await history.locator('[data-step=postponed] [data-testid=cited]').click();
    const report = page.locator(`[data-testid=source-report][data-report-id="${ids[1]}"]`);
    await report.waitFor({ timeout: 10_000 });
    expect(await report.getByTestId('provenance-sentence').textContent()).toBe(REPORTS[1].text);
    await shot(page, 'meeting-history-1920');
  }, 60_000);

  it('on a phone the desk is one column: a report opens over the list, and Back returns to it', async () => {
    const page = await signedIn(PHONE);
    const row = page.locator(`[data-testid=desk-row][data-report-id="${ids[0]}"]`);
    await row.waitFor({ timeout: 10_000 });
    const feed = await page.locator('.desk-feed').boundingBox();
    expect(feed!.width).toBeGreaterThan(PHONE.width - 40);
    // Nothing is cut off sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'desk-list-390');
    await row.click();
    const reader = page.getByTestId('desk-reader');
    await reader.waitFor();
    const box = await reader.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: PHONE.width });
    await page.getByTestId('report-panel').getByText(REPORTS[0].title).waitFor();
    await shot(page, 'desk-report-390');
    await page.getByTestId('report-back').click();
    await reader.waitFor({ state: 'detached' });
    await row.waitFor();
    expect(await row.isVisible()).toBe(true);

    // The provenance view works the same way on a phone.
    await page.goto(`${app.url}/desk?view=picture`);
    await page.getByTestId('picture-troops').locator('[data-testid=cited]').first().click();
    await page.getByTestId('provenance-sentence').waitFor({ timeout: 10_000 });
    await shot(page, 'provenance-390');
    await page.getByTestId('report-back').click();
    await page.getByTestId('picture-troops').waitFor();
    // The shell on a phone: the pages on a line of their own, nothing cut off sideways.
    await page.goto(`${app.url}/`);
    await page.locator('header [data-testid=connection][data-status=live]').waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'home-390');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('at 4K the desk fills the screen with larger type, the report beside the list', async () => {
    const page = await signedIn(UHD);
    await page.locator(`[data-testid=desk-row][data-report-id="${ids[0]}"]`).click();
    await page.getByTestId('report-panel').waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');
    const body = await page.locator('.desk-body').boundingBox();
    expect(body!.width).toBeGreaterThan(UHD.width * 0.9);
    await shot(page, 'desk-3840');
    const hd = await signedIn(HD);
    await hd.locator(`[data-testid=desk-row][data-report-id="${ids[0]}"]`).click();
    await hd.getByTestId('report-panel').waitFor();
    await shot(hd, 'desk-1920');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
