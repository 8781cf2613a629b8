/**
 * Debian's Chromium driven by playwright-core (no browser download). Flags as this
 * machine needs them: no sandbox as root, no background networking on a closed network.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Where tests write screenshots for review (gitignored). */
export function screenshotDir(): string {
  const dir = path.resolve('test-results/screenshots');
  return dir;
}

export function tempDir(label: string): string {
  return mkdtempSync(path.join(tmpdir(), `crisis-${label}-`));
}
