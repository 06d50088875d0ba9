/**
 * The browser-test harness: builds the site if stale, serves it on a free
 * loopback port, launches /usr/bin/chromium through playwright-core, and
 * collects console errors and page errors. `stop()` closes the browser and
 * the server it started.
 */

import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DIST_DIR, ensureSite, WEB_DIR } from '../scripts/build-site.js';

export { DIST_DIR, WEB_DIR };

import { serveStatic } from '../scripts/static-server.js';

/** Where the test run saves its screenshots (gitignored). */
export const SCREENSHOTS = join(WEB_DIR, 'test', 'screenshots');

/** Flags for headless Chromium on a shared CI-like machine. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A served site and a browser. */
export interface Site {
  url: string;
  browser: Browser;
  /** Opens a page at `path` (e.g. `?preset=citrini-2028`), recording console errors into `errors`. */
  open(path?: string, viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }>;
  stop(): Promise<void>;
}

/** Builds (when stale), serves and launches Chromium. */
export async function startSite(): Promise<Site> {
  ensureSite();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const { server, url } = await serveStatic(DIST_DIR, 0);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    url,
    browser,
    async open(path = '', viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport, acceptDownloads: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') errors.push(`${msg.type()}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      await page.goto(`${url}${path}`);
      await waitForRun(page, 1);
      return { page, errors };
    },
    async stop() {
      await browser.close();
      await closeServer(server);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Waits until the page has drawn at least `seq` finished runs (its probe's drawnSeq). */
export async function waitForRun(page: Page, seq: number): Promise<void> {
  await page.waitForFunction((n) => (window.__endgame?.drawnSeq ?? 0) >= n, seq, { timeout: 60_000 });
}

/** The number of runs the page has drawn so far. */
export function drawnSeq(page: Page): Promise<number> {
  return page.evaluate(() => window.__endgame?.drawnSeq ?? 0);
}

/** Sets a range input to `value` as a user's drag does (fires `input`). */
export async function setSlider(page: Page, testId: string, value: number): Promise<void> {
  await page.locator(`[data-testid="${testId}"]`).evaluate((el, v) => {
    const input = el as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, String(v));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Like {@link setSlider}, and returns the page's clock (`performance.now()`) just before the `input` event. */
export function setSliderTimed(page: Page, testId: string, value: number): Promise<number> {
  return page.locator(`[data-testid="${testId}"]`).evaluate((el, v) => {
    const input = el as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, String(v));
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return t0;
  }, value);
}

/** The page's probe: when it last drew a run (page clock) and the worker's milliseconds for that run. */
export function pageProbe(page: Page): Promise<{ drawnAt: number; workerMs: number }> {
  return page.evaluate(() => ({
    drawnAt: window.__endgame?.drawnAt ?? Number.NaN,
    workerMs: window.__endgame?.workerMs ?? Number.NaN,
  }));
}
