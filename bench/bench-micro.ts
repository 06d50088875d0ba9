/**
 * Bench `micro`: the household micro-simulation coupled to the AI-endgame
 * model (issue 10): N households (default 1,000,000) × 240 months of
 * `baseline`, stepped through the engine with the households' consumption and
 * delinquency fed back each month, with 1 and 2 worker threads (and this
 * thread, `workers 0`). Each run is its own Node process (a fresh heap, so
 * its peak resident memory is its own); variants alternate run by run.
 * Reports the median seconds, household-months per second, CPU seconds
 * (all threads: on a shared machine wall time also counts other people's
 * work), peak resident memory (process maxRSS, worker threads included), and
 * the speed-up of each worker count over the first. Targets: < 12 s and < 600 MB for 10^6 households on a
 * 2-core machine. The runs of a variant must agree on a checksum of the
 * output (determinism whatever the number of workers).
 *
 * Usage: tsx bench/bench-micro.ts [--quick] [--households N] [--runs N] [--workers 0,1,2]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESULTS_DIR } from './report.js';

const BENCH = 'micro';
const argv = process.argv.slice(2);
const flagValue = (flag: string): string | undefined => {
  const i = argv.indexOf(flag);
  return i < 0 ? undefined : argv[i + 1];
};

/** One measured run (what a child prints). */
interface Measured {
  seconds: number;
  /** CPU seconds of the process, worker threads included. */
  cpuSeconds: number;
  maxRssMb: number;
  checksum: number;
}

async function child(households: number, workers: number): Promise<void> {
  const { runScenarioDriven } = await import('@endgame/model');
  const { coupledDriver } = await import('@endgame/micro');
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const driver = coupledDriver({ households, seed: 1, workers });
  const run = await runScenarioDriven('baseline', driver);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  let checksum = 0;
  for (const values of Object.values(driver.micro!.series))
    for (const v of values) checksum += Number.isFinite(v) ? v : 0;
  checksum += run.result.series('C_total').reduce((a, b) => a + b, 0);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds, maxRssMb, checksum } satisfies Measured)}\n`);
}

function measure(households: number, workers: number): Measured {
  const out = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(households), String(workers)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (out.status !== 0) throw new Error(`bench child (workers ${workers}) failed with ${out.status}`);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as Measured;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  const childAt = argv.indexOf('--child');
  if (childAt >= 0) {
    await child(Number(argv[childAt + 1]), Number(argv[childAt + 2]));
    return;
  }
  const quick = argv.includes('--quick');
  const households = Number(flagValue('--households') ?? (quick ? 100_000 : 1_000_000));
  const runs = Number(flagValue('--runs') ?? (quick ? 1 : 3));
  const workerCounts = (flagValue('--workers') ?? '1,2').split(',').map(Number);
  const months = 240;
  const results = new Map<number, Measured[]>(workerCounts.map((w) => [w, []]));
  for (let r = 0; r < runs; r++) {
    for (const w of workerCounts) {
      process.stderr.write(`micro: run ${r + 1}/${runs}, ${households} households, workers ${w}\n`);
      results.get(w)!.push(measure(households, w));
    }
  }
  const checksums = new Set([...results.values()].flat().map((m) => m.checksum));
  if (checksums.size !== 1)
    throw new Error(`outputs differ across runs or worker counts: ${[...checksums].join(', ')}`);
  const base = median(results.get(workerCounts[0])!.map((m) => m.seconds));
  const lines = workerCounts.map((w) => {
    const ms = results.get(w)!;
    const seconds = median(ms.map((m) => m.seconds));
    return {
      bench: BENCH,
      variant: `coupled-${w}-workers`,
      households,
      months,
      median_ms: Number((seconds * 1000).toPrecision(4)),
      household_months_per_s: Number(((households * months) / seconds).toPrecision(4)),
      cpu_s: Number(median(ms.map((m) => m.cpuSeconds)).toPrecision(4)),
      peak_rss_mb: Number(median(ms.map((m) => m.maxRssMb)).toPrecision(4)),
      ratio: Number((base / seconds).toPrecision(4)),
      vs: `coupled-${workerCounts[0]}-workers`,
      runs,
      warmups: 0,
      node: process.version,
      date: new Date().toISOString(),
    };
  });
  const text = lines.map((l) => JSON.stringify(l)).join('\n');
  process.stdout.write(`${text}\n`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${BENCH}.jsonl`), `${text}\n`);
}

await main();
