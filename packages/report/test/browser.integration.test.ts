import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portableRun } from './browser/portable-run.js';
import { presetReport, presetRun } from './fixtures.js';

/*
 * The report in a real browser. The charts: Chromium's XML parser accepts every SVG file of a report,
 * and one chart rendered to PNG is not blank. The package: bundled for the browser as the web app
 * bundles it (vite), `buildReport` run in the page with the page's own `document` gives the same
 * Markdown as in Node, and the same SVG elements and attributes.
 *
 * The charts in a real browser: Chromium's XML parser accepts every SVG file of a report,
 * and one chart rendered to PNG is not blank (its pixels vary). The PNG is written to a
 * temporary folder removed after the tests.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const tmp = mkdtempSync(join(tmpdir(), 'endgame-report-png-'));
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('report charts in Chromium', () => {
  const report = presetReport('citrini-2028', 'baseline');

  it('every SVG file parses as XML (image/svg+xml) with an <svg> root', async () => {
    const page = await browser.newPage();
    for (const [file, svg] of Object.entries(report.files)) {
      const result = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.localName };
      }, svg);
      expect(result, file).toEqual({ error: null, root: 'svg' });
    }
    await page.close();
  });

  it('the unemployment chart renders to a PNG that is not blank', async () => {
    const page = await browser.newPage({ viewport: { width: 720, height: 340 } });
    const svg = report.files['citrini-2028-unemployment.svg'];
    await page.goto(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
    const png = await page.screenshot({ type: 'png' });
    const path = join(tmp, 'unemployment.png');
    writeFileSync(path, png);
    // Decode the PNG in the page and measure the spread of its pixels' luminance.
    await page.goto('about:blank');
    await page.setContent('<canvas></canvas>');
    const stats = await page.evaluate(async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.querySelector('canvas') as HTMLCanvasElement;
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, image.width, image.height).data;
      let sum = 0;
      let sumSq = 0;
      let blue = 0;
      const n = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const y = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
        sum += y;
        sumSq += y * y;
        if (data[i + 2] > 150 && data[i] < 80) blue++;
      }
      const mean = sum / n;
      return { width: image.width, height: image.height, mean, variance: sumSq / n - mean * mean, blue };
    }, png.toString('base64'));
    await page.close();
    expect([stats.width, stats.height]).toEqual([720, 340]);
    // White background (mean luminance high) with dark text and a blue line: clearly not uniform.
    expect(stats.mean).toBeGreaterThan(200);
    expect(stats.variance).toBeGreaterThan(100);
    expect(stats.blue).toBeGreaterThan(300);
  });
});

/** Bundles test/browser/entry.ts for the browser (ES module) and returns its code. */
async function browserBundle(): Promise<string> {
  const entry = join(dirname(fileURLToPath(import.meta.url)), 'browser/entry.ts');
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'report' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const chunk = outputs.find((o) => o.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('vite produced no chunk');
  return chunk.code;
}

/** Each element of an SVG in document order as `name attr=value ...` (attributes sorted, Plot's class id dropped) and its own text. */
function canonicalInPage(page: Page, svg: string): Promise<string[]> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text.replace(/plot-[0-9a-f]+/g, 'plot'), 'image/svg+xml');
    return [...doc.querySelectorAll('*')].map((el) => {
      // The style attribute as the browser's CSS parser reads it (serialisers differ in spacing and colour syntax).
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

describe('@endgame/report in the browser (as the web app’s export report uses it)', () => {
  it('builds the same Markdown and the same charts with the page’s document as Node does with linkedom', async () => {
    const code = await browserBundle();
    expect(code).not.toMatch(/from ['"]node:/);
    // At devicePixelRatio 1 Plot shifts strokes by half a pixel for crisp lines (its `offset`);
    // at 2, as in Node, it does not, so the two outputs can be compared element by element.
    const page = await browser.newPage({ deviceScaleFactor: 2 });
    await page.goto('about:blank');
    await page.addScriptTag({ type: 'module', content: code });
    await page.waitForFunction(() => 'endgameReport' in globalThis);
    const run = portableRun(presetRun('policy-response'));
    const compare = portableRun(presetRun('citrini-2028'));
    const inPage = await page.evaluate(
      ({ run, compare }) => {
        // biome-ignore lint/suspicious/noExplicitAny: the bundle's API, untyped in the page
        const R = (globalThis as any).endgameReport;
        // biome-ignore lint/suspicious/noExplicitAny: plain JSON of a run
        const revive = (p: any) => ({
          ...p,
          view: R.viewOfSeries(p.start, p.series),
          baseline: p.baseline ? R.viewOfSeries(p.start, p.baseline) : undefined,
          result: { accounting: p.accounting },
        });
        const report = R.buildReport({
          run: revive(run),
          compare: revive(compare),
          command: R.reproduceCommand({ input: 'policy-response', compare: 'citrini-2028' }),
          runDate: '2026-11-30T12:00:00.000Z',
          version: '0.1.0',
          createDocument: () => document.implementation.createHTMLDocument(''),
        });
        return { markdown: report.markdown as string, files: report.files as Record<string, string> };
      },
      { run, compare },
    );
    const inNode = presetReport('policy-response', 'citrini-2028');
    expect(inPage.markdown).toBe(inNode.markdown);
    expect(Object.keys(inPage.files)).toEqual(Object.keys(inNode.files));
    for (const [file, svg] of Object.entries(inNode.files)) {
      expect(await canonicalInPage(page, inPage.files[file]), file).toEqual(await canonicalInPage(page, svg));
    }
    await page.close();
  });
});
