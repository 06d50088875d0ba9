/**
 * The web simulator in real Chromium (/usr/bin/chromium via playwright-core):
 * load, drag a slider, switch preset, URL round-trip, bad URL, inspector,
 * Monte Carlo fan (and cancel), and the exported YAML re-run by the CLI to
 * the same numbers. Screenshots of the main views go to test/screenshots/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIR } from '../scripts/build-site.js';
import { drawnSeq, SCREENSHOTS, type Site, setSlider, startSite, waitForRun } from './harness.js';

const REPO = join(WEB_DIR, '..', '..');
let site: Site;

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.stop();
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const text = async (page: Page, id: string) => (await byTestId(page, id).textContent()) ?? '';

/** Onsets of the 13 chain links as the timeline shows them. */
async function onsets(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid^="chain-L"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-onset') ?? ''));
}

/** Sets a slider and waits for the page to draw the run it causes. */
async function drag(page: Page, id: string, value: number): Promise<void> {
  const before = await drawnSeq(page);
  await setSlider(page, id, value);
  await waitForRun(page, before + 1);
}

describe('web simulator', () => {
  it('loads the baseline with every headline chart, the chain and no console errors', async () => {
    const { page, errors } = await site.open();
    expect(await text(page, 'headline')).toMatch(/^baseline: unemployment peak \d/);
    expect(await page.locator('.chart-grid > *').count()).toBe(11);
    expect(await page.locator('[data-testid^="chain-L"]').count()).toBe(13);
    // Every headline series and every lever's param is in the model: no chart or lever is hidden.
    expect(await page.locator('.chart-cell .notice').allTextContents()).toEqual([]);
    expect(await page.locator('[data-testid="missing-levers"]').count()).toBe(0);
    expect(await page.locator('[data-testid="lever-ai_markup-help"]').count()).toBe(1);
    // Each slider's tooltip (also its accessible description): meaning, calibration source, default.
    const help = await text(page, 'lever-diffusion_lag-help');
    expect(help).toContain('Source: assumption');
    expect(help).toContain('Default: 12.0 yr');
    await page.screenshot({ path: join(SCREENSHOTS, 'main-1280.png') });
    // A production build: React's development build carries its warnings ("Invalid hook call", ...).
    const entry = await page.locator('script[type="module"]').getAttribute('src');
    const script = await (await fetch(new URL(entry as string, site.url))).text();
    expect(script).not.toContain('Invalid hook call');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('redraws the charts and the chain when a slider moves, by drag or by keyboard', async () => {
    const { page, errors } = await site.open('?preset=baseline');
    const chart = byTestId(page, 'chart-unemployment').locator('canvas');
    const pixels = () => chart.evaluate((c) => (c as HTMLCanvasElement).toDataURL());
    const [chainBefore, drawingBefore, headlineBefore] = [
      await onsets(page),
      await pixels(),
      await text(page, 'headline'),
    ];
    await drag(page, 'lever-diffusion_lag', 2);
    await drag(page, 'lever-new_tasks', 0.2);
    expect(await text(page, 'lever-diffusion_lag-value')).toBe('2.0 yr');
    expect(await text(page, 'headline')).not.toBe(headlineBefore);
    expect(await text(page, 'headline')).toContain('baseline (changed)');
    expect(await onsets(page)).not.toEqual(chainBefore);
    expect(await pixels()).not.toBe(drawingBefore);
    await page.waitForTimeout(450); // a new gesture, not the same drag: undo steps back to 0.2
    const before = await drawnSeq(page);
    await byTestId(page, 'lever-new_tasks').focus();
    await page.keyboard.press('ArrowRight');
    await waitForRun(page, before + 1);
    expect(Number(await byTestId(page, 'lever-new_tasks').inputValue())).toBeGreaterThan(0.2);
    await byTestId(page, 'undo').click();
    await waitForRun(page, before + 2);
    expect(await byTestId(page, 'lever-new_tasks').inputValue()).toBe('0.2');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('switches preset: levers take the preset values and the scorecard appears', async () => {
    const { page, errors } = await site.open();
    // Every preset file is offered, each with its description as the option's tooltip.
    const presetFiles = readdirSync(join(REPO, 'packages/model/presets')).filter((f) => f.endsWith('.yaml'));
    const options = page.locator('[data-testid="preset"] option');
    expect((await options.allTextContents()).sort()).toEqual(presetFiles.map((f) => f.replace(/\.yaml$/, '')).sort());
    const titles = await options.evaluateAll((els) => els.map((el) => el.getAttribute('title') ?? ''));
    expect(titles.filter((t) => t.length < 20)).toEqual([]);
    const before = await drawnSeq(page);
    await byTestId(page, 'preset').selectOption('citrini-2028');
    await waitForRun(page, before + 1);
    expect(await text(page, 'headline')).toMatch(/^citrini-2028: /);
    expect(await text(page, 'lever-diffusion_lag-value')).toBe('3.5 yr');
    expect(page.url()).toContain('preset=citrini-2028');
    await page.screenshot({ path: join(SCREENSHOTS, 'citrini-2028-1280.png') });
    await byTestId(page, 'tab-chain').click();
    expect(await page.locator('[data-testid="chain-details"] tbody tr').count()).toBe(13);
    // The Minsky strip: the AI players, firms and the three household groups, each coloured month by month.
    const minsky = page.locator('[data-testid^="minsky-"]');
    await expect.poll(() => minsky.count()).toBe(7);
    expect(await page.locator('[data-testid="minsky-hyperscalers"] .minsky-span').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'chain.png'), fullPage: true });
    await byTestId(page, 'tab-scorecard').click();
    expect(await page.locator('[data-testid="scorecard"] tbody tr').count()).toBeGreaterThan(5);
    await page.screenshot({ path: join(SCREENSHOTS, 'scorecard.png'), fullPage: true });
    await byTestId(page, 'tab-map').click();
    await byTestId(page, 'map-node-housing').click();
    await expect.poll(() => page.locator('[data-testid="map-series"] canvas').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'causal-map.png'), fullPage: true });
    await byTestId(page, 'tab-compare').click();
    await expect.poll(() => byTestId(page, 'compare-table').count()).toBe(1);
    // B (a preset) runs once, not again on every render it causes.
    const compareRuns = () => page.evaluate(() => window.__endgame?.compareSeq ?? -1);
    const settled = await compareRuns();
    await page.waitForTimeout(1000);
    expect(await compareRuns()).toBe(settled);
    await page.screenshot({ path: join(SCREENSHOTS, 'compare.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('round-trips the scenario through the URL', async () => {
    const first = await site.open('?preset=citrini-2028');
    await drag(first.page, 'lever-ubi_amount', 6);
    await drag(first.page, 'lever-ubi_trigger', 0.07);
    await drag(first.page, 'lever-ai_tax', 0.1);
    const url = first.page.url();
    expect(url).toContain('ubi_trigger=0.07');
    const headline = await text(first.page, 'headline');
    const second = await site.open(url.slice(site.url.length));
    expect(await text(second.page, 'headline')).toBe(headline);
    expect(await text(second.page, 'lever-ai_tax-value')).toBe('10.0 %');
    expect(await byTestId(second.page, 'url-problems').count()).toBe(0);
    expect([...first.errors, ...second.errors]).toEqual([]);
    await first.page.context().close();
    await second.page.context().close();
  });

  it('shows a message for a bad URL and falls back instead of a blank page', async () => {
    const { page, errors } = await site.open('?preset=nope&diffusion_lag=abc&warp=9');
    const problems = await text(page, 'url-problems');
    expect(problems).toContain("unknown preset 'nope'");
    expect(problems).toContain("lever 'diffusion_lag'");
    expect(problems).toContain("unknown lever 'warp'");
    expect(await text(page, 'headline')).toMatch(/^baseline: /);
    expect(await page.locator('.chart-grid canvas').count()).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('finds a variable in the inspector and shows its equation, unit, source and values', async () => {
    const { page, errors } = await site.open();
    await byTestId(page, 'tab-inspector').click();
    await byTestId(page, 'inspector-search').fill('unemployment_rate');
    await page.locator('[data-testid="inspector-hits"] button', { hasText: 'unemployment_rate' }).first().click();
    await expect.poll(() => page.locator('[data-testid="inspector-detail"] canvas').count()).toBeGreaterThan(0);
    expect(await text(page, 'inspector-equation')).toMatch(/^unemployment_rate = /);
    expect(await text(page, 'inspector-detail')).toContain('source');
    await page.screenshot({ path: join(SCREENSHOTS, 'inspector.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws Monte Carlo fans with progress, and cancels a long one', async () => {
    const { page, errors } = await site.open('?preset=citrini-2028');
    await byTestId(page, 'tab-fan').click();
    await byTestId(page, 'fan-runs').selectOption('50');
    await byTestId(page, 'fan-start').click();
    await byTestId(page, 'fan-charts').waitFor({ timeout: 90_000 });
    expect(await page.locator('[data-testid="fan-charts"] canvas').count()).toBeGreaterThan(3);
    await page.screenshot({ path: join(SCREENSHOTS, 'fan.png'), fullPage: true });
    await byTestId(page, 'fan-runs').selectOption('1000');
    await byTestId(page, 'fan-start').click();
    await byTestId(page, 'fan-progress').waitFor();
    await byTestId(page, 'fan-cancel').click();
    await expect.poll(() => text(page, 'fan-message'), { timeout: 30_000 }).toBe('cancelled');
    expect(await byTestId(page, 'fan-charts').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('exports a scenario YAML that `endgame run` re-runs to the numbers the page shows', async () => {
    const { page, errors } = await site.open('?preset=citrini-2028');
    await drag(page, 'lever-passthrough', 0.5);
    await drag(page, 'lever-ubi_amount', 4);
    await drag(page, 'lever-ubi_trigger', 0.08);
    const dir = mkdtempSync(join(tmpdir(), 'endgame-web-'));
    const save = async (id: string, name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, id).click()]);
      await download.saveAs(join(dir, name));
      return readFileSync(join(dir, name), 'utf8');
    };
    const yaml = await save('export-yaml', 'scenario.yaml');
    expect(yaml).toContain('extends: citrini-2028');
    expect(yaml).toContain('unemployment_rate > 0.08');
    const csv = (await save('export-csv', 'series.csv')).trim().split('\n');
    await save('export-png', 'chart.png');
    // A PNG starts with \x89PNG.
    expect(readFileSync(join(dir, 'chart.png')).subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    const column = csv[0].split(',').indexOf('unemployment_rate');
    const shown = csv.slice(1).map((row) => Number(row.split(',')[column]));
    const cli = spawnSync(
      process.execPath,
      [join(REPO, 'packages/cli/bin/endgame.js'), 'run', join(dir, 'scenario.yaml'), '--format', 'json'],
      {
        encoding: 'utf8',
        cwd: REPO,
        maxBuffer: 1 << 28,
      },
    );
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const run = JSON.parse(cli.stdout) as { time: string[]; series: Record<string, number[]> };
    expect(run.time.length).toBe(shown.length);
    // Same numbers up to the last bits: Chromium's and Node's V8 builds may round Math.exp/pow differently.
    const worst = Math.max(...shown.map((v, i) => Math.abs(v - run.series.unemployment_rate[i]) / Math.abs(v)));
    expect(worst).toBeLessThan(1e-12);
    expect(run.series.unemployment_rate[0]).toBe(shown[0]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is usable at 390 px wide and in dark mode', async () => {
    const narrow = await site.open('?preset=citrini-2028', { width: 390, height: 844 });
    const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await narrow.page.screenshot({ path: join(SCREENSHOTS, 'phone-390.png'), fullPage: false });
    await narrow.page.context().close();
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${site.url}?preset=citrini-2028`);
    await waitForRun(page, 1);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(20, 23, 27)');
    await page.screenshot({ path: join(SCREENSHOTS, 'dark-1280.png') });
    await context.close();
    expect(narrow.errors).toEqual([]);
  });
});
