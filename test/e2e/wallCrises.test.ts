/**
 * Walls on several crises in real Chromium against the real app: two walls on two crises, where
 * a report about one changes only that wall (and the other, live, shows its own report, so its
 * silence means something); a playlist turning one screen from crisis to crisis; and a wall whose
 * crisis does not exist, or is removed while shown, saying so and falling back to the default.
 * The home feed follows a crisis too, and switches.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Crisis } from '../../shared/crisis.js';
import { DISPLAY_TOKEN, postReport, RUSSIA_UKRAINE, startTestApp, type TestApp } from '../helpers/app.js';
import { hasChromium, launchBrowser, screenshotDir } from '../helpers/browser.js';
import { ADMIN_PASSWORD, call, login } from '../helpers/desk.js';
import { startRedis, type TestRedis } from '../helpers/redisServer.js';

const KASHMIR: Crisis = {
  slug: 'kashmir',
  name: 'Kashmir',
  actors: ['India', 'Pakistan'],
  places: ['Kashmir', 'Line of Control', 'Srinagar'],
  keywords: [],
  principal: { force: 'India', theatre: 'Kashmir' },
  createdAt: '2026-01-02T00:00:00.000Z',
};

const today = () => new Date().toISOString().slice(0, 10);

async function post(url: string, title: string, text: string): Promise<string> {
  const res = await postReport(url, { title, text, source: 'Wire', dateline: today() });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

/** Records every report id the wall's ticker ever showed, so one that came and went is caught. */
async function recordTicker(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __seen: Set<string> };
    w.__seen = new Set();
    const note = () =>
      document.querySelectorAll('[data-testid=ticker] [data-report-id]').forEach((el) => {
        w.__seen.add(el.getAttribute('data-report-id')!);
      });
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true });
  });
}

/** Resolves once the crisis' panels have faded in (for a screenshot that shows them). */
const settled = (page: Page) =>
  page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => (a as CSSAnimation).animationName === 'wall-fade')
        .map((a) => a.finished),
    ).then(() => undefined),
  );

const seen = (page: Page) => page.evaluate(() => [...(window as unknown as { __seen: Set<string> }).__seen]);

describe.skipIf(!hasChromium)('walls on several crises (Chromium)', () => {
  let redis: TestRedis;
  let app: TestApp;
  let browser: Browser;
  const pageErrors: string[] = [];

  async function wallAt(query: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${app.url}/wall?${query}&token=${DISPLAY_TOKEN}`);
    await page.locator('[data-testid=connection][data-status=live]').waitFor({ timeout: 10_000 });
    return page;
  }

  const showing = (page: Page, slug: string) =>
    page.locator(`[data-testid=wall][data-crisis="${slug}"]`).waitFor({ timeout: 15_000 });

  beforeAll(async () => {
    redis = await startRedis();
    app = await startTestApp(redis.url, {
      clientDir: path.resolve('dist/client'),
      env: { ADMIN_PASSWORD },
      crises: [RUSSIA_UKRAINE, KASHMIR],
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await redis?.stop();
  });

  it('two walls on two crises: a report about one changes only that wall', async () => {
    const ukraine = await wallAt('crisis=russia-ukraine');
    const kashmir = await wallAt('crisis=kashmir');
    await showing(ukraine, 'russia-ukraine');
    await showing(kashmir, 'kashmir');
    expect(await ukraine.getByTestId('wall-crisis').textContent()).toBe('Russia–Ukraine');
    expect(await kashmir.getByTestId('wall-crisis').textContent()).toBe('Kashmir');
    await recordTicker(ukraine);
    await recordTicker(kashmir);

    const kashmirReport = await post(
      app.url,
      'Paramilitary reinforcements reach the valley',
      'India has moved about 10,000 paramilitary troops into Kashmir after a week of clashes along the Line of Control, officials in New Delhi said.',
    );
    await kashmir.locator(`[data-testid=ticker] [data-report-id="${kashmirReport}"]`).waitFor({ timeout: 10_000 });
    await kashmir.locator('[data-testid=troops-current]', { hasText: '10,000' }).waitFor({ timeout: 5_000 });
    expect(await kashmir.getByTestId('troops-headline').textContent()).toBe('India’s forces · Kashmir');
    const kashmirSeq = await kashmir.getByTestId('wall').getAttribute('data-seq');

    // Posted after the Kashmir report was on its wall: had that report leaked to the Ukraine
    // wall's socket, it would have arrived there before this one.
    const ukraineReport = await post(
      app.url,
      'Troops massed near the border',
      'Russia has massed about 120,000 troops near the border with Ukraine, officials in Kyiv said.',
    );
    await ukraine.locator(`[data-testid=ticker] [data-report-id="${ukraineReport}"]`).waitFor({ timeout: 10_000 });
    await ukraine.locator('[data-testid=troops-current]', { hasText: '120,000' }).waitFor({ timeout: 5_000 });

    expect(await seen(ukraine)).not.toContain(kashmirReport);
    expect(await seen(kashmir)).not.toContain(ukraineReport);
    // Nothing at all reached the Kashmir wall for the Ukraine report: its picture is where it was.
    expect(await kashmir.getByTestId('wall').getAttribute('data-seq')).toBe(kashmirSeq);
    expect(await kashmir.getByTestId('troops-current').textContent()).toBe('10,000');
    mkdirSync(screenshotDir(), { recursive: true });
    await kashmir.screenshot({ path: path.join(screenshotDir(), 'wall-kashmir-1080p.png') });
    await ukraine.close();
    await kashmir.close();
  }, 60_000);

  it('a playlist turns one screen from crisis to crisis, each with its own picture', async () => {
    const wall = await wallAt('crises=kashmir,russia-ukraine&rotateCrisesSeconds=5');
    await showing(wall, 'kashmir');
    expect(await wall.getByTestId('wall-crisis').textContent()).toBe('Kashmir');
    expect(await wall.getByTestId('wall-playlist').getAttribute('aria-label')).toBe(
      'Crisis 1 of 2; next: Russia–Ukraine',
    );
    await wall.locator('[data-testid=troops-current]', { hasText: '10,000' }).waitFor({ timeout: 5_000 });
    await showing(wall, 'russia-ukraine');
    expect(await wall.getByTestId('wall-crisis').textContent()).toBe('Russia–Ukraine');
    await wall.locator('[data-testid=troops-current]', { hasText: '120,000' }).waitFor({ timeout: 5_000 });
    await settled(wall);
    await wall.screenshot({ path: path.join(screenshotDir(), 'wall-playlist-1080p.png') });
    // Round again: back to the first.
    await showing(wall, 'kashmir');
    await wall.locator('[data-testid=troops-current]', { hasText: '10,000' }).waitFor({ timeout: 5_000 });
    await wall.close();
  }, 60_000);

  it('a change of headline force folds the crisis again; the wall reads the new picture without a reload', async () => {
    const wall = await wallAt('crisis=kashmir');
    await wall.locator('[data-testid=troops-current]', { hasText: '10,000' }).waitFor({ timeout: 10_000 });
    await wall.evaluate(() => ((window as unknown as { __marker: string }).__marker = 'same page'));
    const admin = await login(app.url, 'admin', ADMIN_PASSWORD);
    const res = await call(
      app.url,
      'PATCH',
      '/api/crises/kashmir',
      { cookie: admin },
      { principal: { force: 'Pakistan', theatre: 'Kashmir' } },
    );
    expect(res.status).toBe(200);
    // India's figure is now one of the other forces, with its own figure; the headline has none.
    const india = wall.locator('[data-testid=troops-other]', { hasText: 'India’s forces' });
    await india.waitFor({ timeout: 15_000 });
    expect(await india.getByTestId('troops-other-figure').textContent()).toBe('10,000');
    await wall.getByTestId('troops-headline').getByText('Pakistan’s forces · Kashmir').waitFor();
    expect(await wall.getByTestId('troops-current').count()).toBe(0);
    expect(await wall.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe('same page');
    // Put back as it was for the tests that follow.
    await call(
      app.url,
      'PATCH',
      '/api/crises/kashmir',
      { cookie: admin },
      { principal: { force: 'India', theatre: 'Kashmir' } },
    );
    await wall.locator('[data-testid=troops-current]', { hasText: '10,000' }).waitFor({ timeout: 15_000 });
    await wall.close();
  }, 60_000);

  it('a crisis that does not exist, or is removed while shown, is said so and the default is shown', async () => {
    const unknown = await wallAt('crisis=no-such-crisis');
    await showing(unknown, 'russia-ukraine');
    expect(await unknown.getByTestId('wall-notice').textContent()).toContain('no crisis “no-such-crisis”');
    await unknown.close();

    const admin = await login(app.url, 'admin', ADMIN_PASSWORD);
    const made = await call(
      app.url,
      'POST',
      '/api/crises',
      { cookie: admin },
      { slug: 'strait-drill', name: 'Strait drill', actors: ['China', 'Taiwan'] },
    );
    expect(made.status).toBe(201);
    const wall = await wallAt('crisis=strait-drill');
    await showing(wall, 'strait-drill');
    expect(await wall.getByTestId('wall-crisis').textContent()).toBe('Strait drill');
    expect((await call(app.url, 'DELETE', '/api/crises/strait-drill', { cookie: admin })).status).toBe(200);
    await showing(wall, 'russia-ukraine');
    expect(await wall.getByTestId('wall-notice').textContent()).toContain('“Strait drill” was removed');
    expect(await wall.getByTestId('wall-crisis').textContent()).toBe('Russia–Ukraine');
    await settled(wall);
    await wall.screenshot({ path: path.join(screenshotDir(), 'wall-crisis-removed-1080p.png') });
    await wall.close();
  }, 60_000);

  it('the home feed shows the crisis asked for, and switches to another on the same page', async () => {
    const feed = await browser.newPage();
    feed.on('pageerror', (err) => pageErrors.push(err.message));
    await feed.goto(`${app.url}/?crisis=kashmir&token=${DISPLAY_TOKEN}`);
    const list = feed.getByTestId('report-feed');
    await feed.locator('[data-testid=report-feed][data-crisis=kashmir] li', { hasText: 'valley' }).waitFor();
    expect(await list.textContent()).not.toContain('Troops massed near the border');
    await feed.getByTestId('feed-crisis').selectOption('russia-ukraine');
    await feed
      .locator('[data-testid=report-feed][data-crisis=russia-ukraine] li', { hasText: 'Troops massed near the border' })
      .waitFor();
    expect(await list.textContent()).not.toContain('valley');
    expect(feed.url()).toBe(`${app.url}/?crisis=russia-ukraine`);
    await feed.close();
    expect(pageErrors).toEqual([]);
  }, 30_000);
});
