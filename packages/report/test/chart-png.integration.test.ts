import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetReport } from './fixtures.js';

/*
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
