/**
 * Bench `sweep`: throughput of `endgame sweep` backends on one machine. A
 * Latin hypercube of the AI-endgame model (citrini-2028, UBI amount × AI tax
 * rate × diffusion time; 240 jobs, 60 with --quick; three metrics) is run
 * into a fresh results store by
 *   - `local-1`: the local backend, one thread (the worker pool's in-process case);
 *   - `queue-1`, `queue-2`: the queue backend (BullMQ on a `redis-server` child on
 *     loopback) with 1 and 2 `endgame worker` processes, the coordinator in this process;
 * side by side (each round runs every variant once, in turn), after an untimed
 * warm-up round (workers compile the model once). Each queue variant has its
 * own queue and workers (1 and 2), started before the first round. Reports, per variant, the
 * median time and jobs/s; the jobs/s ratio of 2 queue workers to 1; and the
 * queue's overhead per job against the local pool
 * ((median queue-1 − median local-1) ÷ jobs). Every variant must record the
 * same results (checked on each round). Redis and the workers are stopped by PID.
 *
 * Usage: tsx bench/bench-sweep.ts [--quick] [--rounds N] [--jobs N]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSweep } from '@endgame/cli/sweep-input';
import {
  createLocalBackend,
  createQueueBackend,
  parseSweepSpec,
  runSweep,
  type SweepBackend,
} from '@endgame/distributed';
import { ResultsStore } from '@endgame/store';
import { median } from './measure.js';
import { RESULTS_DIR } from './report.js';

const BENCH = 'sweep';
const argv = process.argv.slice(2);
const flagValue = (flag: string): string | undefined => {
  const i = argv.indexOf(flag);
  return i < 0 ? undefined : argv[i + 1];
};
const quick = argv.includes('--quick');
const rounds = Number(flagValue('--rounds') ?? (quick ? 2 : 5));
const jobCount = Number(flagValue('--jobs') ?? (quick ? 60 : 240));
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds needs a positive integer`);
if (!Number.isInteger(jobCount) || jobCount < 1) throw new Error(`--jobs needs a positive integer`);

const BIN = fileURLToPath(new URL('../packages/cli/bin/endgame.js', import.meta.url));
const SPEC = `
name: bench-sweep
scenario: citrini-2028
sample:
  design: latin-hypercube
  n: ${jobCount}
  seed: 1
  params:
    ubi_amount: [0, 12]
    ai_tax_rate: [0, 0.3]
    diffusion_time: [4, 10]
metrics: [unemployment_rate:max, consumption_real:min, fiscal_cost]
`;

const children = new Set<ChildProcess>();
const stopAll = () => {
  for (const child of children) if (child.pid) process.kill(child.pid, 'SIGKILL');
  children.clear();
};
process.on('exit', stopAll);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Spawns a child and resolves once `ready` matches its output. */
function startChild(command: string, args: string[], ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (ready.test(text)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${command} exited (${code}) before it was ready: ${text}`)));
  });
}

const port = await freePort();
const url = `redis://127.0.0.1:${port}`;
await startChild(
  'redis-server',
  ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
  /Ready to accept/,
);
const startWorker = (queue: string) =>
  startChild(process.execPath, [BIN, 'worker', '--redis', url, '--queue', queue], /endgame worker: worker \S+ on /);

const spec = parseSweepSpec(SPEC, 'bench-sweep.yaml');
const { plan, jobs } = await loadSweep(spec, 'bench-sweep.yaml');
const dir = mkdtempSync(join(tmpdir(), 'endgame-bench-sweep-'));

/** Runs the sweep once on `backend` into a fresh store; returns ms and a fingerprint of the results. */
async function timedSweep(backend: SweepBackend, label: string): Promise<{ ms: number; fingerprint: string }> {
  const path = join(dir, `${label}-${Math.random().toString(36).slice(2)}.duckdb`);
  const store = await ResultsStore.open(path);
  try {
    const t0 = performance.now();
    const summary = await runSweep({
      store,
      spec,
      name: 'bench-sweep',
      plan,
      jobs,
      backend,
      resume: false,
      version: 'bench',
      modelHash: 'bench',
    });
    const ms = performance.now() - t0;
    if (summary.ok !== jobs.length) throw new Error(`${label}: ${summary.ok}/${jobs.length} ok`);
    const stored = await store.jobs(plan.sweepId);
    return { ms, fingerprint: JSON.stringify(stored.map((j) => [j.jobId, j.metrics])) };
  } finally {
    await store.close();
    rmSync(path, { force: true });
    rmSync(`${path}.wal`, { force: true });
  }
}

// One queue per variant, so the idle variant's workers (blocked on their own queue) take no jobs.
const local = createLocalBackend(1);
const queue1 = createQueueBackend({ redisUrl: url, queue: 'bench-1' });
const queue2 = createQueueBackend({ redisUrl: url, queue: 'bench-2' });
await Promise.all([startWorker('bench-1'), startWorker('bench-2'), startWorker('bench-2')]);
const variants: { name: string; backend: SweepBackend }[] = [
  { name: 'local-1', backend: local },
  { name: 'queue-1', backend: queue1 },
  { name: 'queue-2', backend: queue2 },
];

process.stderr.write(`[sweep] ${jobs.length} jobs, ${rounds} rounds after a warm-up round\n`);
const times: number[][] = variants.map(() => []);
let reference: string | undefined;
for (let round = -1; round < rounds; round++) {
  for (const [k, variant] of variants.entries()) {
    const { ms, fingerprint } = await timedSweep(variant.backend, variant.name);
    reference ??= fingerprint;
    if (fingerprint !== reference) throw new Error(`${variant.name} recorded different results from local-1`);
    if (round >= 0) times[k].push(ms);
  }
  if (round >= 0) {
    const medians = variants.map((v, k) => `${v.name} ${median(times[k]).toFixed(0)} ms`).join(', ');
    process.stderr.write(`[sweep] round ${round + 1}/${rounds}: ${medians}\n`);
  }
}
await local.close();
await queue1.close();
await queue2.close();
stopAll();
rmSync(dir, { recursive: true, force: true });

const round4 = (x: number) => Number(x.toPrecision(4));
const medians = times.map(median);
const jobsPerS = medians.map((ms) => (jobs.length * 1000) / ms);
const context = { runs: rounds, warmups: 1, jobs: jobs.length, node: process.version, date: new Date().toISOString() };
const lines: Record<string, unknown>[] = variants.map((v, k) => ({
  bench: BENCH,
  variant: v.name,
  median_ms: round4(medians[k]),
  jobs_per_s: round4(jobsPerS[k]),
  ...(v.name === 'queue-2' ? { ratio: round4(jobsPerS[2] / jobsPerS[1]), vs: 'queue-1' } : {}),
  ...context,
}));
lines.push({
  bench: BENCH,
  variant: 'queue-overhead',
  overhead_ms_per_job: round4((medians[1] - medians[0]) / jobs.length),
  local_ms_per_job: round4(medians[0] / jobs.length),
  queue_ms_per_job: round4(medians[1] / jobs.length),
  ratio: round4(medians[1] / medians[0]),
  vs: 'local-1',
  ...context,
});
const text = lines.map((l) => JSON.stringify(l)).join('\n');
process.stdout.write(`${text}\n`);
mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(join(RESULTS_DIR, `${BENCH}.jsonl`), `${text}\n`);
