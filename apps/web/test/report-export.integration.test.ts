/**
 * The web app's "export report" in real Chromium: the ZIP it downloads holds
 * the Markdown, every SVG the Markdown links and the scenario file; running
 * the report's own reproduce command (`endgame report NAME.yaml --compare …`)
 * in that folder writes the same Markdown (but for `run_date` and the
 * round-off residual of the accounting check) and the same
 * charts, element by element. The page runs at devicePixelRatio 2, as in
 * packages/report's browser test: at 1, Plot shifts strokes half a pixel.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIR } from '../scripts/build-site.js';
import { drawnSeq, type Site, setSlider, startSite, waitForRun } from './harness.js';
import { readZip } from './zip-reader.js';

const REPO = join(WEB_DIR, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'endgame-web-report-'));
let site: Site;

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** Clicks `id` and saves the download it starts as `dir/name`. */
async function save(page: Page, id: string, path: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    byTestId(page, id).click(),
  ]);
  await download.saveAs(path);
  return download.suggestedFilename();
}

/** Each element of an SVG in document order as `name attr=value …` (sorted, Plot's class id dropped) and its own text. */
function canonicalSvg(page: Page, svg: string): Promise<string[]> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text.replace(/plot-[0-9a-f]+/g, 'plot'), 'image/svg+xml');
    if (doc.querySelector('parsererror')) return ['parsererror'];
    return [...doc.querySelectorAll('*')].map((el) => {
      const value = (a: Attr) => (a.name === 'style' ? (el as SVGElement).style.cssText : a.value);
      const attrs = [...el.attributes].map((a) => `${a.name}=${value(a)}`).sort();
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === 3)
        .map((n) => n.textContent)
        .join('');
      return [el.localName, ...attrs, own.trim()].join(' ');
    });
  }, svg);
}

const RESIDUAL = /largest residual of the model's matrices over the run (\S+) \(`[^`]*`\)/;

/**
 * The Markdown but for the two things that may differ: `run_date`, and the
 * accounting residual — round-off, whose size and place Chromium's and Node's
 * V8 builds (Math.exp/pow in the last bits) need not share; both must be tiny.
 */
function comparable(markdown: string): string {
  const residual = Number(RESIDUAL.exec(markdown)?.[1]);
  expect(residual).toBeLessThan(1e-6);
  return markdown.replace(/^run_date: .*$/m, 'run_date: X').replace(RESIDUAL, 'residual X');
}

describe('export report', () => {
  it('downloads the Markdown, its SVGs and the scenario file; the reproduce command makes the same report', async () => {
    const context = await site.browser.newContext({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 2,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.goto(`${site.url}?preset=citrini-2028`);
    await waitForRun(page, 1);
    const before = await drawnSeq(page);
    await setSlider(page, 'lever-ai_tax', 0.1);
    await waitForRun(page, before + 1);

    const zipName = await save(page, 'export-report', join(tmp, 'report.zip'));
    expect(zipName).toBe('citrini-2028-report.zip');
    const dir = join(tmp, 'vault');
    mkdirSync(dir);
    const entries = readZip(readFileSync(join(tmp, 'report.zip')));
    for (const entry of entries) writeFileSync(join(dir, entry.name), entry.data);
    const markdown = readFileSync(join(dir, 'citrini-2028.md'), 'utf8');
    expect(readFileSync(join(dir, 'citrini-2028.yaml'), 'utf8')).toMatch(
      /^extends: citrini-2028\n[\s\S]*ai_tax_rate: 0\.1\n/,
    );

    // Every SVG the Markdown links is in the download, and nothing else but the note and the scenario.
    const linked = [...markdown.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(linked.length).toBeGreaterThan(5);
    expect(entries.map((e) => e.name).sort()).toEqual(['citrini-2028.md', 'citrini-2028.yaml', ...linked].sort());

    // The report's reproduce command, run in the unpacked folder.
    const command = /```sh\n(.*)\n```/.exec(markdown)?.[1] ?? '';
    expect(command).toBe('npx endgame report citrini-2028.yaml --compare baseline --out out/');
    const args = command.split(' ').slice(2);
    const cli = spawnSync(process.execPath, [join(REPO, 'packages/cli/bin/endgame.js'), ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const out = join(dir, 'out');
    expect(comparable(readFileSync(join(out, 'citrini-2028.md'), 'utf8'))).toBe(comparable(markdown));
    expect(readdirSync(out).sort()).toEqual(['citrini-2028.md', ...linked].sort());
    for (const file of linked) {
      const fromPage = await canonicalSvg(page, readFileSync(join(dir, file), 'utf8'));
      expect(fromPage[0], file).toMatch(/^svg /);
      expect(fromPage, file).toEqual(await canonicalSvg(page, readFileSync(join(out, file), 'utf8')));
    }

    // The same report as one HTML page: the charts inlined, nothing loaded.
    expect(await save(page, 'export-report-html', join(tmp, 'report.html'))).toBe('citrini-2028.html');
    const html = readFileSync(join(tmp, 'report.html'), 'utf8');
    expect((html.match(/<svg[\s>]/g) ?? []).length).toBe(linked.length);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(errors).toEqual([]);
    await context.close();
  });
});
