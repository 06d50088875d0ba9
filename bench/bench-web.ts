/**
 * The web simulator in real Chromium (issue 7, item 7): from a slider's
 * `input` event to the frame after the last chart draws (median and p95 over
 * 50 changes; target p95 < 50 ms), first load to interactive (the first run
 * drawn, median of 5 fresh loads; target < 2 s), and the main chunk's gzipped
 * size (target < 600 KB). JSON lines on stdout and in bench/results/web.jsonl.
 *
 * Usage: tsx bench/bench-web.ts [--changes N] [--loads N]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST_DIR, drawnSeq, pageProbe, setSliderTimed, startSite, waitForRun } from '@endgame/web/harness';
import { RESULTS_DIR } from './report.js';

const BENCH = 'web';
const argv = process.argv.slice(2);
const option = (flag: string, fallback: number): number => {
  const at = argv.indexOf(flag);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const quick = argv.includes('--quick');
const changes = option('--changes', quick ? 20 : 50);
const loads = option('--loads', quick ? 3 : 5);

function percentile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
}

const round = (x: number): number => Number(x.toPrecision(4));
const stamp = { node: process.version, date: new Date().toISOString() };
const site = await startSite();
const lines: Record<string, unknown>[] = [];
try {
  const chromiumVersion = site.browser.version();

  // First load to interactive: a fresh context each time (empty cache), navigation start → first run drawn.
  const loadMs: number[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}?preset=citrini-2028`);
    await waitForRun(page, 1);
    loadMs.push((await pageProbe(page)).drawnAt);
    await context.close();
  }
  loadMs.sort((a, b) => a - b);
  process.stderr.write(`${BENCH}: first load to interactive ${loadMs.map((v) => v.toFixed(0)).join(', ')} ms\n`);
  lines.push({
    bench: BENCH,
    variant: 'first-load-to-interactive',
    median_ms: round(percentile(loadMs, 0.5)),
    target_ms: 2000,
    runs: loads,
    chromium: chromiumVersion,
    ...stamp,
  });

  // Slider input → the frame after the last chart drew, on the citrini-2028 preset's charts view.
  const { page } = await site.open('?preset=citrini-2028');
  const latency: number[] = [];
  const workerMs: number[] = [];
  for (let i = 0; i < changes + 5; i++) {
    const before = await drawnSeq(page);
    const value = 3 + (i % 20) * 0.4 + (i >= 20 ? 0.1 : 0);
    const t0 = await setSliderTimed(page, 'lever-diffusion_lag', value);
    await waitForRun(page, before + 1);
    const probe = await pageProbe(page);
    if (i >= 5) {
      latency.push(probe.drawnAt - t0);
      workerMs.push(probe.workerMs);
    }
  }
  latency.sort((a, b) => a - b);
  workerMs.sort((a, b) => a - b);
  process.stderr.write(
    `${BENCH}: slider → drawn median ${percentile(latency, 0.5).toFixed(1)} ms, p95 ${percentile(latency, 0.95).toFixed(1)} ms\n`,
  );
  lines.push({
    bench: BENCH,
    variant: 'slider-input-to-drawn',
    median_ms: round(percentile(latency, 0.5)),
    p95_ms: round(percentile(latency, 0.95)),
    target_p95_ms: 50,
    worker_median_ms: round(percentile(workerMs, 0.5)),
    runs: latency.length,
    warmups: 5,
    chromium: chromiumVersion,
    ...stamp,
  });

  // The main chunk (the page's entry script), gzipped.
  const assets = join(DIST_DIR, 'assets');
  const entry = /<script type="module"[^>]*src="\.\/assets\/([^"]+)"/.exec(
    readFileSync(join(DIST_DIR, 'index.html'), 'utf8'),
  );
  const main = entry ? entry[1] : (readdirSync(assets).find((f) => /^index-.*\.js$/.test(f)) as string);
  const bytes = readFileSync(join(assets, main));
  const gzipKb = gzipSync(bytes).length / 1024;
  process.stderr.write(
    `${BENCH}: main chunk ${main} ${(bytes.length / 1024).toFixed(0)} KB, ${gzipKb.toFixed(1)} KB gzipped\n`,
  );
  lines.push({
    bench: BENCH,
    variant: 'main-chunk-gzip',
    gzip_kb: round(gzipKb),
    raw_kb: round(bytes.length / 1024),
    target_kb: 600,
    file: main,
    ...stamp,
  });
} finally {
  await site.stop();
}
const text = lines.map((l) => JSON.stringify(l)).join('\n');
process.stdout.write(`${text}\n`);
mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(join(RESULTS_DIR, `${BENCH}.jsonl`), `${text}\n`);
