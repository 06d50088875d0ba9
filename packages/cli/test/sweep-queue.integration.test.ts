/**
 * Sweeps on a BullMQ queue over loopback (issue: results store and sweeps,
 * items 2–3): the queue backend with two workers gives the local pool's
 * results; a worker SIGKILLed mid-job, a coordinator killed and resumed, a
 * Redis restarted mid-sweep and a model that throws all end with every
 * result recorded exactly once. Redis is a child on a free port with no
 * persistence; every process is stopped by PID.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SweepSummary } from '@endgame/distributed';
import { ResultsStore, type StoredJob } from '@endgame/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  killAll,
  type Spawned,
  spawnEndgame,
  spawnEndgameWithEnv,
  startRedis,
  startWorker,
  stop,
  waitFor,
} from './redis-fixture.js';
import { FIXTURES } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'endgame-sweep-queue-'));
const SLOW_GRID = `${FIXTURES}/sweeps/slow-grid.yaml`;
let port = 0;
let url = '';
let redis: Spawned;
const workers: Spawned[] = [];

beforeAll(async () => {
  port = await freePort();
  url = `redis://127.0.0.1:${port}`;
  redis = await startRedis(port);
  workers.push(await startWorker(url), await startWorker(url));
});

afterAll(() => {
  killAll();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a coordinator to the end and returns its JSON summary. */
async function sweep(...args: string[]): Promise<SweepSummary> {
  const coordinator = spawnEndgame('sweep', ...args, '--format', 'json');
  const { code } = await coordinator.exited;
  if (code !== 0) throw new Error(`endgame sweep exited ${code}: ${coordinator.err()}`);
  return JSON.parse(coordinator.out()) as SweepSummary;
}

/** The jobs of the one sweep in `store`. */
async function storedJobs(store: string, sweepId: string): Promise<StoredJob[]> {
  const opened = await ResultsStore.open(store, { readOnly: true });
  try {
    return await opened.jobs(sweepId);
  } finally {
    await opened.close();
  }
}

/** Checks the slow grid's 16 results against y(last) = 3e6·a + ln(c) (b = 1), each job once. */
function expectSlowGrid(jobs: StoredJob[], metric = 'y:last'): void {
  expect(jobs).toHaveLength(16);
  expect(new Set(jobs.map((j) => j.jobId)).size).toBe(16);
  expect(jobs.map((j) => j.index)).toEqual([...Array(16).keys()]);
  for (const job of jobs) {
    expect(job.status).toBe('ok');
    const { a, c } = job.params;
    expect(job.metrics?.[metric]).toBeCloseTo(3e6 * a + Math.log(c), 6);
  }
}

/** Jobs BullMQ holds as active (being run by a worker) on the default queue. */
function activeJobs(): number {
  const run = spawnSync('redis-cli', ['-p', String(port), 'LLEN', 'bull:endgame-sweep:active'], { encoding: 'utf8' });
  return Number(run.stdout.trim()) || 0;
}

/** Waits until a coordinator logged at least `n` recorded results. */
async function recorded(coordinator: Spawned, n: number): Promise<void> {
  const done = () =>
    Math.max(0, ...[...coordinator.err().matchAll(/(\d+)\/\d+ results recorded/g)].map((m) => Number(m[1])));
  await waitFor(`${n} recorded results`, () => done() >= n, 60_000, coordinator.err);
}

describe('endgame sweep --backend queue (loopback Redis, two workers)', () => {
  it('gives the same results as the local pool for examples/sweeps/ubi-grid.yaml', async () => {
    const local = await sweep('examples/sweeps/ubi-grid.yaml', '--store', join(dir, 'local.duckdb'));
    const queued = await sweep(
      'examples/sweeps/ubi-grid.yaml',
      '--store',
      join(dir, 'queue.duckdb'),
      '--backend',
      'queue',
      '--redis',
      url,
    );
    expect(queued.sweepId).toBe(local.sweepId);
    expect([local.ok, local.failed, queued.ok, queued.failed]).toEqual([12, 0, 12, 0]);
    const strip = (jobs: StoredJob[]) =>
      jobs.map(({ jobId, index, params, status, metrics }) => ({ jobId, index, params, status, metrics }));
    const localJobs = await storedJobs(join(dir, 'local.duckdb'), local.sweepId);
    const queuedJobs = await storedJobs(join(dir, 'queue.duckdb'), queued.sweepId);
    expect(strip(queuedJobs)).toEqual(strip(localJobs));
    expect(queuedJobs.every((j) => j.worker !== 'local')).toBe(true);
  });

  it('retries the job of a worker SIGKILLed mid-job; every result exactly once', async () => {
    const store = join(dir, 'worker-kill.duckdb');
    const coordinator = spawnEndgame(
      'sweep',
      SLOW_GRID,
      '--store',
      store,
      '--backend',
      'queue',
      '--redis',
      url,
      '--format',
      'json',
    );
    // Both workers hold a job (concurrency 1 each), so the one killed is mid-job.
    await waitFor('both workers to hold a job', () => activeJobs() >= 2, 60_000, coordinator.err);
    const victim = workers.shift() as Spawned;
    await stop(victim, 'SIGKILL');
    const { code } = await coordinator.exited;
    expect(code, coordinator.err()).toBe(0);
    const summary = JSON.parse(coordinator.out()) as SweepSummary;
    expect([summary.ok, summary.failed]).toEqual([16, 0]);
    const jobs = await storedJobs(store, summary.sweepId);
    expectSlowGrid(jobs);
    // The survivor ran the rest, including the killed worker's job.
    expect(jobs.filter((j) => j.worker === `${hostname()}:${workers[0].pid}`).length).toBeGreaterThan(8);
    workers.push(await startWorker(url));
  });

  it('finishes only what is missing when a killed coordinator is restarted with --resume', async () => {
    const store = join(dir, 'resume.duckdb');
    const args = [SLOW_GRID, '--store', store, '--backend', 'queue', '--redis', url, '--requeue-ms', '1000'];
    const first = spawnEndgame('sweep', ...args);
    await recorded(first, 3);
    await stop(first, 'SIGKILL');
    const summary = await sweep(...args, '--resume');
    expect(summary.skipped).toBeGreaterThanOrEqual(3);
    expect(summary.ran).toBe(16 - summary.skipped);
    expect([summary.jobs, summary.ok, summary.failed]).toEqual([16, 16, 0]);
    expectSlowGrid(await storedJobs(store, summary.sweepId));
    // Resuming a finished sweep runs nothing.
    const again = await sweep(...args, '--resume');
    expect([again.ran, again.skipped, again.ok]).toEqual([0, 16, 16]);
  });

  it('records a job whose model throws as failed with its error; the sweep goes on and counts it', async () => {
    const store = join(dir, 'failing.duckdb');
    const summary = await sweep(
      `${FIXTURES}/sweeps/tiny-failing.yaml`,
      '--store',
      store,
      '--backend',
      'queue',
      '--redis',
      url,
    );
    expect([summary.jobs, summary.ok, summary.failed]).toEqual([6, 4, 2]);
    const jobs = await storedJobs(store, summary.sweepId);
    const failed = jobs.filter((j) => j.status === 'failed');
    // c = -1 (grid c: [-1, 1, 2], a: [1, 2]) makes log(c) NaN: jobs 0 and 3.
    expect(failed.map((j) => j.index)).toEqual([0, 3]);
    for (const job of failed) expect(job.error).toMatch(/'y' is NaN in period 1/);
    for (const job of jobs.filter((j) => j.status === 'ok')) {
      expect(job.metrics?.['y:last']).toBeCloseTo(4 * job.params.a + Math.log(job.params.c), 12);
    }
    expect(summary.failures.map((f) => f.index)).toEqual([0, 3]);
  });

  it('works with a password-protected Redis (in the URL or $ENDGAME_REDIS_PASSWORD) and never logs it', async () => {
    const password = 'Pw-4f9c2e7a-secret';
    const securePort = await freePort();
    const secure = await startRedis(securePort, '--requirepass', password);
    const worker = spawnEndgameWithEnv(
      { ENDGAME_REDIS_PASSWORD: password },
      'worker',
      '--redis',
      `redis://127.0.0.1:${securePort}`,
      '--queue',
      'secure',
    );
    await waitFor('the worker to start', () => /endgame worker: worker \S+ on /.test(worker.err()), 60_000, worker.err);
    const coordinator = spawnEndgame(
      'sweep',
      `${FIXTURES}/sweeps/tiny-grid.yaml`,
      '--store',
      join(dir, 'secure.duckdb'),
      '--backend',
      'queue',
      '--queue',
      'secure',
      '--redis',
      `redis://:${password}@127.0.0.1:${securePort}`,
      '--format',
      'json',
    );
    const { code } = await coordinator.exited;
    expect(code, coordinator.err()).toBe(0);
    expect(JSON.parse(coordinator.out())).toMatchObject({ jobs: 9, ok: 9, failed: 0 });
    await stop(worker, 'SIGTERM');
    expect(worker.err()).toMatch(/stopped after 9 jobs/);
    expect(coordinator.err()).toMatch(/redis:\/\/:\*\*\*@127\.0\.0\.1/);
    for (const text of [coordinator.err(), coordinator.out(), worker.err(), worker.out()]) {
      expect(text).not.toContain(password);
    }
    await stop(secure);
  });

  it('completes when Redis restarts mid-sweep (no persistence): workers reconnect, missing jobs are re-added', async () => {
    const store = join(dir, 'redis-restart.duckdb');
    const coordinator = spawnEndgame(
      'sweep',
      SLOW_GRID,
      '--store',
      store,
      '--backend',
      'queue',
      '--redis',
      url,
      '--requeue-ms',
      '1000',
      '--format',
      'json',
    );
    // Kill Redis as soon as the first results are in, while most jobs are still waiting in it
    // (the coordinator logs progress at most once a second, so a later count may already be the last).
    await recorded(coordinator, 1);
    await stop(redis, 'SIGKILL');
    redis = await startRedis(port);
    const { code } = await coordinator.exited;
    expect(code, coordinator.err()).toBe(0);
    expect(coordinator.err()).toMatch(/re-adding \d+ missing jobs/);
    const summary = JSON.parse(coordinator.out()) as SweepSummary;
    expect([summary.ok, summary.failed]).toEqual([16, 0]);
    expectSlowGrid(await storedJobs(store, summary.sweepId));
  });
});
