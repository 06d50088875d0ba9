/**
 * Bench (f) `mc`: Monte Carlo throughput of the AI-endgame model. The preset
 * citrini-2028 (its compiled model and settings from @endgame/model's
 * runScenario), 10,000 runs drawn from the model's uncertain params (seeded,
 * one stream per run), the MODEL.md §9 series kept, run through
 * `createRunner(1)` (in-process) and `createRunner(2)` (a 2-thread worker
 * pool) on the same samples, in calls of 512 runs as `endgame mc` makes them,
 * side by side (each call run by each runner in turn).
 * The two must return the same numbers to the bit (checked by a checksum of
 * every call's output). Reports runs/s of each and the speed-up (target ≥ 1.7,
 * and under 60 s for 10,000 runs with 2 workers), next to the machine's own
 * ceiling for this work (`cpu_ceiling`: the speed-up of bare worker threads
 * running the first 400 runs split evenly, no pool).
 *
 * Draws: every param with a `range` whose model value lies inside it, except
 * `*_on` switches, each range narrowed to the half nearest the model value.
 * With the full ranges about 1 % of runs fail as the model stands (a draw
 * that drives `g_e_ai` to NaN), and a failing run stops a runner call (`endgame
 * mc` sets such runs aside and runs the rest of the call again; a throughput
 * benchmark should not).
 *
 * Usage: tsx bench/bench-mc.ts [--quick] [--mc-runs N] [--workers 1,2] [--seed S]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  createRunner,
  type RunnerJob,
  runStreams,
  sampleParam,
  type UncertainParam,
  uncertainParams,
} from '@endgame/analysis';
import { FIXED_SERIES_PART1, runScenario } from '@endgame/model';
import { progress } from './common.js';
import { RESULTS_DIR } from './report.js';

const BENCH = 'mc';
/** Runs per call of the runner (endgame mc's chunk). */
const CALL_RUNS = 512;
/** Untimed runs first: worker start-up, JIT warm-up. */
const WARMUP_RUNS = 200;
/** Runs of the ceiling measurement (bare threads). */
const CEILING_RUNS = 400;

const argv = process.argv.slice(2);
const flagValue = (flag: string): string | undefined => {
  const i = argv.indexOf(flag);
  return i < 0 ? undefined : argv[i + 1];
};
const quick = argv.includes('--quick');
const runs = Number(flagValue('--mc-runs') ?? (quick ? 1000 : 10_000));
const seed = Number(flagValue('--seed') ?? 1);
const workerCounts = (flagValue('--workers') ?? '1,2').split(',').map(Number);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--mc-runs needs a positive integer, got '${flagValue('--mc-runs')}'`);
if (workerCounts.some((w) => !Number.isInteger(w) || w < 1)) throw new Error('--workers needs counts like 1,2');

const scenario = runScenario('citrini-2028');
const compiled = scenario.compiled;
const { set, paths, triggers, uncertainty } = scenario.scenario;

/** The bench's draws (see the header): in-range params, no switches, half ranges around the value. */
function benchParams(): UncertainParam[] {
  return uncertainParams(compiled, uncertainty, undefined, set)
    .filter((p) => !Object.hasOwn(set, p.name) || Object.hasOwn(uncertainty, p.name))
    .filter((p) => !/_on$/.test(p.name) && p.value >= p.range[0] && p.value <= p.range[1])
    .map((p) => ({
      ...p,
      range: [p.value - (p.value - p.range[0]) / 2, p.value + (p.range[1] - p.value) / 2] as [number, number],
    }));
}

const uncertain = benchParams();
const names = new Set(compiled.slots.map((s) => s.name));
const keep = FIXED_SERIES_PART1.filter((name) => names.has(name));
const job: RunnerJob = { compiled, base: { params: set, paths, triggers }, varied: uncertain.map((p) => p.name), keep };
const periods = compiled.periods;
const equations = compiled.slots.filter((s) => s.kind === 'variable').length;

/** `count` rows of draws, run i from stream i of the seed. */
function draw(count: number, streamSeed: number): Float64Array {
  const streams = runStreams(streamSeed);
  const k = uncertain.length;
  const samples = new Float64Array(count * k);
  for (let run = 0; run < count; run++) {
    const rng = streams(run);
    for (let j = 0; j < k; j++) samples[run * k + j] = sampleParam(uncertain[j], rng);
  }
  return samples;
}

/** FNV-1a over the bytes of a result (as 32-bit words): equal outputs give equal sums. */
function checksum(values: Float64Array, hash: number): number {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ words[i], 16777619) >>> 0;
  return hash;
}

interface Measured {
  workers: number;
  totalS: number;
  warmupS: number;
  checksum: number;
}

/**
 * Times every runner on the same calls, side by side: call after call, each
 * runner runs it in turn (rotating who goes first), so a change in machine
 * load touches all of them alike. A runner's time is the sum of its calls.
 */
async function measureSideBySide(samples: Float64Array, warmup: Float64Array): Promise<Measured[]> {
  const runners = workerCounts.map((workers) => createRunner(workers));
  try {
    const measured: Measured[] = [];
    for (const runner of runners) {
      const w0 = performance.now();
      await runner.run(job, warmup);
      measured.push({
        workers: runner.workers,
        totalS: 0,
        warmupS: (performance.now() - w0) / 1000,
        checksum: 2166136261,
      });
    }
    const k = job.varied.length;
    let call = 0;
    for (let from = 0; from < runs; from += CALL_RUNS, call++) {
      const slice = samples.subarray(from * k, Math.min(runs, from + CALL_RUNS) * k);
      for (let i = 0; i < runners.length; i++) {
        const r = (i + call) % runners.length;
        const t0 = performance.now();
        const out = await runners[r].run(job, slice);
        measured[r].totalS += (performance.now() - t0) / 1000;
        measured[r].checksum = checksum(out, measured[r].checksum);
      }
    }
    for (const m of measured) {
      progress(
        BENCH,
        `${m.workers} worker(s): ${runs} runs in ${m.totalS.toFixed(1)} s (${(runs / m.totalS).toFixed(0)} runs/s)`,
      );
    }
    return measured;
  } finally {
    await Promise.all(runners.map((runner) => runner.close()));
  }
}

/** Milliseconds for `threads` bare threads to run `samples` split evenly between them (after a warm-up). */
async function bareMs(threads: number, samples: Float64Array): Promise<number> {
  const runBatchFile = fileURLToPath(new URL('../packages/analysis/src/run-batch.ts', import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const workers = Array.from(
    { length: threads },
    () =>
      new Worker(new URL('./mc-bare-worker.mjs', import.meta.url), {
        workerData: { runBatch: runBatchFile },
        execArgv: ['--import', tsx],
      }),
  );
  const k = job.varied.length;
  const rows = samples.length / k;
  const pass = () =>
    Promise.all(
      workers.map((w, t) => {
        const part = samples.subarray(Math.floor((t * rows) / threads) * k, Math.floor(((t + 1) * rows) / threads) * k);
        return new Promise((resolve, reject) => {
          w.once('message', resolve);
          w.once('error', reject);
          w.postMessage({ job, samples: part });
        });
      }),
    );
  try {
    await pass();
    const t0 = performance.now();
    await pass();
    return performance.now() - t0;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * The machine's ceiling for this work: how much faster `threads` bare threads
 * run the same runs (split evenly, no pool, no messages during the runs) than
 * `reference` bare threads (best of 2 each). Virtual machines may show cores
 * that share one physical core; no runner can beat this figure.
 */
async function workloadCeiling(reference: number, threads: number, samples: Float64Array): Promise<number> {
  let base = Number.POSITIVE_INFINITY;
  let many = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 2; i++) {
    base = Math.min(base, await bareMs(reference, samples));
    many = Math.min(many, await bareMs(threads, samples));
  }
  return base / many;
}

progress(
  BENCH,
  `citrini-2028: ${equations} equations, ${periods} months, ${uncertain.length} uncertain params, ${keep.length} kept series, ${runs} runs`,
);
const samples = draw(runs, seed);
const warmup = draw(WARMUP_RUNS, seed + 1);
const results = await measureSideBySide(samples, warmup);
const first = results[0];
for (const r of results) {
  if (r.checksum !== first.checksum) {
    throw new Error(`${BENCH}: ${r.workers} workers gave different numbers from ${first.workers} (checksums differ)`);
  }
}

const round = (x: number): number => Number(x.toPrecision(4));
const common = { runs, uncertain: uncertain.length, kept_series: keep.length, equations, periods };
const stamp = { node: process.version, date: new Date().toISOString() };
const lines: Record<string, unknown>[] = results.map((r) => ({
  bench: BENCH,
  variant: `workers-${r.workers}`,
  workers: r.workers,
  total_s: round(r.totalS),
  runs_per_s: round(runs / r.totalS),
  ms_per_run: round((1000 * r.totalS) / runs),
  warmup_s: round(r.warmupS),
  ...common,
  ...stamp,
}));
for (const r of results.slice(1)) {
  const probe = samples.subarray(0, Math.min(runs, CEILING_RUNS) * job.varied.length);
  const ceiling = await workloadCeiling(first.workers, r.workers, probe);
  progress(
    BENCH,
    `speed-up ${r.workers} vs ${first.workers} workers: ${(first.totalS / r.totalS).toFixed(2)} (machine ceiling ${ceiling.toFixed(2)})`,
  );
  lines.push({
    bench: BENCH,
    variant: `workers-${r.workers}÷workers-${first.workers}`,
    workers: r.workers,
    speedup: round(first.totalS / r.totalS),
    cpu_ceiling: round(ceiling),
    vs: `workers-${first.workers}`,
    ...common,
    ...stamp,
  });
}
const text = lines.map((l) => JSON.stringify(l)).join('\n');
process.stdout.write(`${text}\n`);
mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(join(RESULTS_DIR, `${BENCH}.jsonl`), `${text}\n`);
