/**
 * Verification in real Chromium against the real app (api + worker, real Redis): the wall marks
 * unverified figures and meetings and `?verified=1` shows only verified ones; on the desk a
 * journalist takes a report and judges a fact with the keyboard, an editor gives her a fact
 * (she sees the alert and "My queue" change live) and locks a verdict (her menu goes). Screens
 * at 390×844, 1920×1080 and 3840×2160 go to test-results/screenshots/verification-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_TOKEN, postReport, startTestApp, waitFor, type TestApp } from '../helpers/app.js';
import { hasChromium, launchBrowser, screenshotDir } from '../helpers/browser.js';
import { ADMIN_PASSWORD, USER_PASSWORD, call, login, userWithRole } from '../helpers/desk.js';
import { startRedis, type TestRedis } from '../helpers/redisServer.js';

const clientDir = path.resolve('dist/client');
const TEXT =
  'Russia has massed about 90,000 troops near the border with Ukraine, officials said. US Secretary of State Antony Blinken will meet Russian Foreign Minister Sergei Lavrov in Geneva on Friday.';
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: '1080p', width: 1920, height: 1080 },
  { name: '4k', width: 3840, height: 2160 },
] as const;

describe.skipIf(!hasChromium)('verification on the wall and the desk (Chromium)', () => {
  let redis: TestRedis;
  let app: TestApp;
  let browser: Browser;
  let editorCookie: string;
  let reportId: string;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const dir = screenshotDir();

  async function newPage(width: number, height: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    return page;
  }

  async function deskAs(username: string, width = 1920, height = 1080): Promise<Page> {
    const page = await newPage(width, height);
    await page.goto(`${app.url}/desk?report=${reportId}`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(USER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-testid=connection][data-status=live]').waitFor({ timeout: 10_000 });
    return page;
  }

  async function wallShots(query: string, label: string, ready?: (page: Page) => Promise<unknown>): Promise<Page> {
    const page = await newPage(1920, 1080);
    await page.goto(`${app.url}/wall?token=${DISPLAY_TOKEN}${query}`);
    await page.locator('[data-testid=troops-panel]').waitFor({ timeout: 10_000 });
    await ready?.(page);
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.waitForTimeout(600); // layout and flashes settle before the picture
      await page.screenshot({ path: path.join(dir, `verification-wall-${label}-${size.name}.png`) });
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
    return page;
  }

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    redis = await startRedis();
    app = await startTestApp(redis.url, { clientDir, env: { ADMIN_PASSWORD } });
    const admin = await login(app.url, 'admin', ADMIN_PASSWORD);
    await userWithRole(app.url, admin, 'anna', 'journalist');
    editorCookie = await userWithRole(app.url, admin, 'eddie', 'editor');
    // Dated today, so Friday's meeting is ahead and stays on the wall's schedule.
    const today = new Date().toISOString().slice(0, 10);
    const res = await postReport(app.url, { text: TEXT, dateline: today, title: 'Troops massed; Geneva talks' });
    reportId = ((await res.json()) as { id: string }).id;
    await waitFor(
      async () =>
        (
          (await (await call(app.url, 'GET', `/api/reports/${reportId}`, { token: DISPLAY_TOKEN })).json()) as {
            status: string;
          }
        ).status === 'done',
      15_000,
      'report processed',
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
    await redis?.stop();
  });

  it('the wall marks what is not verified, and ?verified=1 shows nothing until something is', async () => {
    const wall = await wallShots('', 'unverified', (p) =>
      p.locator('[data-testid=troops-current]', { hasText: '90,000' }).waitFor({ timeout: 5_000 }),
    );
    expect(await wall.locator('[data-testid=troops-panel] [data-testid=unverified-mark]').count()).toBeGreaterThan(0);
    const meeting = wall.locator('[data-testid=meeting]', { hasText: 'Geneva' });
    await meeting.locator('[data-testid=unverified-mark]').waitFor({ timeout: 5_000 });

    const verifiedOnly = await wallShots('&verified=1', 'verified-only-empty');
    await verifiedOnly.getByText('No troop figure reported yet').waitFor({ timeout: 5_000 });
    await verifiedOnly.getByText('No verified meetings yet').waitFor({ timeout: 5_000 });
    expect(await verifiedOnly.locator('.troops-panel .panel-title').textContent()).toContain('verified only');
  });

  it('a journalist takes the report and verifies a figure with the keyboard; an editor gives her the meeting and locks', async () => {
    const anna = await deskAs('anna');
    const panel = anna.locator(`[data-testid=report-panel][data-report-id="${reportId}"]`);
    await panel.locator('[data-testid=fact-checks] [data-testid=verdict-troops-0]').waitFor({ timeout: 10_000 });

    await panel.locator('[data-testid=verdict-report] [data-testid=verdict-take]').click();
    await panel
      .locator('[data-testid=verdict-report] [data-testid=verdict-chip][data-status=in-progress]')
      .waitFor({ timeout: 5_000 });
    expect(await panel.locator('[data-testid=verdict-report] [data-testid=verdict-assignee]').textContent()).toBe(
      'checking: anna',
    );

    // Keyboard only: focus the figure's verdict menu and type "v" for "Verified".
    const troopMenu = panel.locator('[data-testid=verdict-troops-0] [data-testid=verdict-status]');
    await troopMenu.focus();
    await anna.keyboard.press('v');
    await panel
      .locator('[data-testid=verdict-troops-0] [data-testid=verdict-chip][data-status=verified]')
      .waitFor({ timeout: 5_000 });

    // The editor gives her the meeting: the alert and her queue arrive without a reload.
    await anna.getByTestId('view-queue').click();
    await anna.locator('[data-testid=queue-item]').first().waitFor({ timeout: 5_000 });
    expect(await anna.locator('[data-testid=queue-item]').count()).toBe(1);
    const given = await call(
      app.url,
      'PUT',
      `/api/reports/${reportId}/facts/meetings/0/verification`,
      { cookie: editorCookie },
      { status: 'in-progress', assignee: 'anna' },
    );
    expect(given.status).toBe(200);
    await anna.getByTestId('assignment-notice').getByText('eddie gave you a check').waitFor({ timeout: 5_000 });
    await waitFor(async () => (await anna.locator('[data-testid=queue-item]').count()) === 2, 5_000, 'queue of two');
    expect(await anna.locator('[data-testid=queue-item]', { hasText: 'Meeting #1' }).count()).toBe(1);
    for (const size of SIZES) {
      await anna.setViewportSize({ width: size.width, height: size.height });
      await anna.waitForTimeout(300);
      await anna.screenshot({ path: path.join(dir, `verification-queue-${size.name}.png`) });
    }
    await anna.setViewportSize({ width: 1920, height: 1080 });

    // Open the meeting from the queue and verify it.
    await anna.locator('[data-testid=queue-item]', { hasText: 'Meeting #1' }).getByRole('button').click();
    const meetingMenu = panel.locator('[data-testid=verdict-meetings-0] [data-testid=verdict-status]');
    await meetingMenu.waitFor({ timeout: 5_000 });
    await meetingMenu.selectOption('verified');
    await panel
      .locator('[data-testid=verdict-meetings-0] [data-testid=verdict-chip][data-status=verified]')
      .waitFor({ timeout: 5_000 });

    // An editor locks the report's verdict: her menu for it goes, live.
    const eddie = await deskAs('eddie');
    const eddiePanel = eddie.locator(`[data-testid=report-panel][data-report-id="${reportId}"]`);
    // The picker offers journalists and above.
    await waitFor(
      async () =>
        (await eddiePanel
          .locator('[data-testid=verdict-report] datalist option')
          .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).join(','))) === 'admin,anna,eddie',
      5_000,
      'assignee suggestions',
    );
    await eddiePanel.locator('[data-testid=verdict-report] [data-testid=verdict-lock]').click();
    await eddiePanel
      .locator('[data-testid=verdict-report] [data-testid=verdict-lock][aria-pressed=true]')
      .waitFor({ timeout: 5_000 });
    await panel.locator('[data-testid=verdict-report] [data-testid=verdict-status]').waitFor({
      state: 'detached',
      timeout: 5_000,
    });
    expect(await panel.locator('[data-testid=verdict-report] [data-testid=verdict-chip]').textContent()).toBe(
      'Checking · locked',
    );

    // User text is text: a note or title with markup never becomes elements.
    expect(await panel.locator('[data-testid=fact-checks] script, [data-testid=fact-checks] img').count()).toBe(0);

    for (const size of SIZES) {
      for (const [who, page] of [
        ['journalist', anna],
        ['editor', eddie],
      ] as const) {
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(dir, `verification-desk-${who}-${size.name}.png`) });
      }
    }
  });

  it('the wall drops the marks of verified facts and ?verified=1 shows them', async () => {
    const meetingMarks = (p: Page) =>
      p.locator('[data-testid=meeting]', { hasText: 'Geneva' }).locator('[data-testid=unverified-mark]').count();
    const wall = await wallShots('', 'verified', (p) =>
      waitFor(async () => (await meetingMarks(p)) === 0, 10_000, 'meeting mark gone'),
    );
    // The figure's own claim is verified: its row has no mark.
    expect(await wall.locator('.troop-claim [data-testid=unverified-mark]').count()).toBe(0);
    const verifiedOnly = await wallShots('&verified=1', 'verified-only', async (p) => {
      await p.locator('[data-testid=troops-current]', { hasText: '90,000' }).waitFor({ timeout: 10_000 });
      await p.locator('[data-testid=meeting]', { hasText: 'Geneva' }).waitFor({ timeout: 5_000 });
    });
    expect(await verifiedOnly.locator('[data-testid=unverified-mark]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
