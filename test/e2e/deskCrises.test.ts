/**
 * The desk's crises in real Chromium against the real app: an editor makes a crisis on the
 * crises screen (validation in the schema's words, a taken slug in the server's, the notice for a
 * crisis without rules), edits and removes one; every desk sees it appear and the re-assignment complete, live, and a
 * report in no crisis moves into it. On the "in no crisis" list a journalist assigns a report
 * and it leaves that list on every desk; the report panel says which crisis, why and who, and the
 * journalist takes it out again. A viewer sees all of it and can change none of it.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_TOKEN, postReport, startTestApp, waitFor, type TestApp } from '../helpers/app.js';
import { hasChromium, launchBrowser, screenshotDir } from '../helpers/browser.js';
import { ADMIN_PASSWORD, USER_PASSWORD, login, userWithRole } from '../helpers/desk.js';
import { startRedis, type TestRedis } from '../helpers/redisServer.js';

async function postDone(url: string, title: string, text: string): Promise<string> {
  const res = await postReport(url, { title, text, source: 'Wire', dateline: '2022-01-19' });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  await waitFor(
    async () => {
      const r = await fetch(`${url}/api/reports/${id}`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } });
      return ((await r.json()) as { status: string }).status === 'done';
    },
    15_000,
    `report ${id} processed`,
  );
  return id;
}

describe.skipIf(!hasChromium)('the desk’s crises (Chromium)', () => {
  let redis: TestRedis;
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let kashmirReport: string;

  async function deskAs(username: string, view: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${app.url}/desk?view=${view}`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(USER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-testid=connection][data-status=live]').waitFor({ timeout: 10_000 });
    return page;
  }

  const noCrisisRow = (page: Page, id: string) => page.locator(`[data-testid=no-crisis-row][data-report-id="${id}"]`);

  beforeAll(async () => {
    redis = await startRedis();
    app = await startTestApp(redis.url, { clientDir: path.resolve('dist/client'), env: { ADMIN_PASSWORD } });
    const admin = await login(app.url, 'admin', ADMIN_PASSWORD);
    for (const [name, role] of [
      ['edna', 'editor'],
      ['anna', 'journalist'],
      ['boris', 'journalist'],
      ['vera', 'viewer'],
    ])
      await userWithRole(app.url, admin, name, role);
    // Only Russia–Ukraine exists: this report is in no crisis until Kashmir is made.
    kashmirReport = await postDone(
      app.url,
      'Paramilitary reinforcements reach the valley',
      'India has moved about 10,000 paramilitary troops into Kashmir after a week of clashes along the Line of Control, officials in New Delhi said.',
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
    await redis?.stop();
  });

  it('an editor makes a crisis: every desk sees it and the re-assignment, and a report in no crisis moves into it', async () => {
    const anna = await deskAs('anna', 'no-crisis');
    await noCrisisRow(anna, kashmirReport).waitFor({ timeout: 10_000 });
    const vera = await deskAs('vera', 'crises');
    await vera.locator('[data-testid=crisis-row][data-slug=russia-ukraine]').waitFor({ timeout: 10_000 });
    expect(await vera.getByRole('button', { name: 'New crisis' }).count()).toBe(0);
    expect(await vera.getByRole('button', { name: 'Edit' }).count()).toBe(0);

    const edna = await deskAs('edna', 'crises');
    await edna.getByRole('button', { name: 'New crisis' }).click();
    const form = edna.getByRole('form', { name: 'New crisis' });
    await form.locator('input[name=slug]').fill('Kashmir Valley');
    await form.locator('input[name=name]').fill('Kashmir');
    await form.getByRole('button', { name: 'Make crisis' }).click();
    expect(await form.getByTestId('crisis-form-problems').textContent()).toContain(
      'slug: 2–40 lower-case letters, digits or "-"',
    );
    // A slug already taken: only the server knows, and says so in its own words.
    await form.locator('input[name=slug]').fill('russia-ukraine');
    await form.getByRole('button', { name: 'Make crisis' }).click();
    await form
      .getByTestId('crisis-form-problems')
      .getByText('The slug "russia-ukraine" is taken', { exact: false })
      .waitFor({ timeout: 5_000 });

    await form.locator('input[name=slug]').fill('kashmir');
    await form.locator('textarea[name=actors]').fill('India, Pakistan');
    await form.locator('textarea[name=places]').fill('Kashmir\nLine of Control\nSrinagar');
    await form.locator('input[name=force]').fill('India');
    await form.locator('input[name=theatre]').fill('Kashmir');
    await form.getByRole('button', { name: 'Make crisis' }).click();

    // Live on another desk (the viewer's): the crisis, its rules and principal, then the re-assignment done.
    const row = vera.locator('[data-testid=crisis-row][data-slug=kashmir]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('India’s forces · Kashmir');
    expect(await row.textContent()).toContain('2 actors: India, Pakistan');
    await vera.locator('[data-testid=reassignment][data-state=done]').waitFor({ timeout: 15_000 });
    await edna.locator('[data-testid=reassignment][data-state=done]').waitFor({ timeout: 15_000 });
    // The report in no crisis moved into Kashmir: it leaves the journalist's list without a reload.
    await noCrisisRow(anna, kashmirReport).waitFor({ state: 'detached', timeout: 15_000 });
    const detail = await (
      await fetch(`${app.url}/api/reports/${kashmirReport}`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } })
    ).json();
    expect((detail as { crises: { slug: string; by: string }[] }).crises).toMatchObject([
      { slug: 'kashmir', by: 'rule' },
    ]);

    // Edited: only what changed is sent, and every desk sees the new rules.
    await edna.locator('[data-testid=crisis-row][data-slug=kashmir]').getByRole('button', { name: 'Edit' }).click();
    const edit = edna.getByRole('form', { name: 'Edit Kashmir' });
    await edit.locator('textarea[name=keywords]').fill('Pahalgam attack');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await row.getByText('1 keyword: Pahalgam attack').waitFor({ timeout: 10_000 });

    // A crisis with no rules is made, and the desk says it gathers nothing.
    await edna.getByRole('button', { name: 'New crisis' }).click();
    await form.locator('input[name=slug]').fill('watch-list');
    await form.locator('input[name=name]').fill('Watch list');
    await form.getByRole('button', { name: 'Make crisis' }).click();
    // The message of this save (not the previous one's) says it gathers nothing.
    await edna
      .getByTestId('crises-message')
      .filter({ hasText: /no rules/i })
      .waitFor();
    await edna.locator('[data-testid=crisis-row][data-slug=watch-list] [data-testid=no-rules]').waitFor();
    await edna.screenshot({ path: path.join(screenshotDir(), 'desk-crises.png') });

    // Removing it: gone from every desk.
    const watch = edna.locator('[data-testid=crisis-row][data-slug=watch-list]');
    await watch.getByRole('button', { name: 'Remove' }).click();
    await watch.getByRole('button', { name: 'Remove crisis' }).click();
    await vera.locator('[data-testid=crisis-row][data-slug=watch-list]').waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('a journalist assigns a report in no crisis: it leaves the list on every desk, and the panel says why and who', async () => {
    const anna = await deskAs('anna', 'no-crisis');
    const boris = await deskAs('boris', 'no-crisis');
    const vera = await deskAs('vera', 'no-crisis');
    // Posted after the desks opened: it arrives on their lists live.
    const stray = await postDone(
      app.url,
      'Envoys meet in Vienna',
      'Envoys met in Vienna on Monday to discuss a prisoner exchange, diplomats said.',
    );
    await noCrisisRow(anna, stray).waitFor({ timeout: 10_000 });
    await noCrisisRow(boris, stray).waitFor({ timeout: 10_000 });
    await noCrisisRow(vera, stray).waitFor({ timeout: 10_000 });
    expect(await noCrisisRow(vera, stray).getByTestId('assign-crisis').count()).toBe(0);

    const assign = noCrisisRow(anna, stray).getByTestId('assign-crisis');
    await assign.getByLabel('Crisis to assign').selectOption('russia-ukraine');
    await assign.getByLabel('Why (optional)').fill('Part of the prisoner talks');
    await assign.getByRole('button', { name: 'Assign' }).click();
    await noCrisisRow(anna, stray).waitFor({ state: 'detached', timeout: 10_000 });
    await noCrisisRow(boris, stray).waitFor({ state: 'detached', timeout: 10_000 });

    // Boris finds it under the crisis, with the reason and who assigned it, and takes it out again.
    await boris.getByTestId('view-reports').click();
    await boris.getByTestId('crisis-filter').selectOption('russia-ukraine');
    const row = boris.locator(`[data-testid=desk-row][data-report-id="${stray}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.locator('.crisis-badge').first().textContent()).toBe('Russia–Ukraine');
    await row.click();
    const assigned = boris.locator('[data-testid=report-crisis][data-slug=russia-ukraine]');
    await assigned.waitFor();
    expect(await assigned.getAttribute('data-by')).toBe('anna');
    expect(await assigned.textContent()).toContain('Part of the prisoner talks');
    expect(await assigned.textContent()).toContain('assigned by anna');
    await assigned.getByRole('button', { name: 'Take out' }).click();
    // Out of the crisis: it leaves the crisis' list and is back in no crisis on every desk.
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    await noCrisisRow(anna, stray).waitFor({ timeout: 10_000 });
    await noCrisisRow(vera, stray).waitFor({ timeout: 10_000 });
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
