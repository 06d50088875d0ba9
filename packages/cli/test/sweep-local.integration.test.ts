/**
 * `endgame sweep` on the local pool, `endgame results` and `--store` on the
 * analysis verbs, end to end: results against closed forms, resume, failed
 * jobs, one-line errors for bad specs and stores.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultsStore } from '@endgame/store';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'endgame-sweep-local-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TINY_GRID = `${FIXTURES}/sweeps/tiny-grid.yaml`;

describe('endgame sweep (local backend)', () => {
  const store = join(dir, 'local.duckdb');

  it('runs the grid into the store: y(last) = 4a + ln(c), y(max) = y(last) for a ≥ 0', () => {
    const run = runCli('sweep', TINY_GRID, '--store', store, '--format', 'json');
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({
      name: 'tiny-grid',
      backend: 'local',
      jobs: 9,
      ran: 9,
      skipped: 0,
      ok: 9,
      failed: 0,
    });
    const show = runCli('results', 'show', summary.sweepId.slice(0, 8), '--store', store, '--format', 'json');
    expect(show.status, show.stderr).toBe(0);
    const jobs = JSON.parse(show.stdout).jobList as {
      params: Record<string, number>;
      metrics: Record<string, number>;
    }[];
    expect(jobs).toHaveLength(9);
    for (const { params, metrics } of jobs) {
      expect(metrics['y:last']).toBeCloseTo(4 * params.a + Math.log(params.c), 12);
      expect(metrics['y:max']).toBe(metrics['y:last']);
    }
  });

  it('with --resume runs nothing when every result is there; without it runs all again (same rows)', () => {
    const resumed = JSON.parse(runCli('sweep', TINY_GRID, '--store', store, '--resume', '--format', 'json').stdout);
    expect([resumed.ran, resumed.skipped, resumed.ok]).toEqual([0, 9, 9]);
    const again = JSON.parse(runCli('sweep', TINY_GRID, '--store', store, '--format', 'json').stdout);
    expect([again.ran, again.skipped, again.ok]).toEqual([9, 0, 9]);
    const count = runCli('results', 'query', 'SELECT count(*) AS n FROM jobs', '--store', store, '--format', 'json');
    expect(JSON.parse(count.stdout)).toEqual([{ n: 9 }]);
  });

  it('records failed jobs with their error and counts them in the summary', () => {
    const run = runCli('sweep', `${FIXTURES}/sweeps/tiny-failing.yaml`, '--store', store);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^failed\s+2$/m);
    expect(run.stdout).toMatch(/failed job #0: .*'y' is NaN in period 1/);
  });

  it('lists both sweeps and exports one as Parquet with a column per param and metric', () => {
    const list = runCli('results', 'list', '--store', store, '--format', 'csv');
    expect(list.status, list.stderr).toBe(0);
    const names = list.stdout
      .split('\n')
      .slice(1, -1)
      .map((line) => line.split(',')[2]);
    expect(names.sort()).toEqual(['tiny-failing', 'tiny-grid']);
    const id = list.stdout
      .split('\n')
      .find((line) => line.includes('tiny-grid'))
      ?.split(',')[0] as string;
    const file = join(dir, 'grid.parquet');
    const exported = runCli('results', 'export', id, '--parquet', file, '--store', store);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/wrote 9 rows/);
    const back = runCli(
      'results',
      'query',
      `SELECT a, c, "y:last" FROM read_parquet('${file}') WHERE idx = 4`,
      '--store',
      store,
      '--format',
      'json',
    );
    expect(JSON.parse(back.stdout)).toEqual([{ a: 2, c: 2, 'y:last': 8 + Math.log(2) }]);
  });

  it('explains a bad spec, an unknown param and a missing store in one line (exit 1)', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'scenario: x\ngrid:\n  a: { from: 0, to: 1, n: -2 }\nmetrics: [y:last]\n');
    let run = runCli('sweep', bad, '--store', store);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^endgame: .*bad\.yaml: grid\.a/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    writeFileSync(
      join(dir, 'unknown.yaml'),
      `scenario: ${join(process.cwd(), FIXTURES, 'sweeps/tiny.yaml')}\ngrid:\n  nope: [1]\nmetrics: [y:last]\n`,
    );
    run = runCli('sweep', join(dir, 'unknown.yaml'), '--store', store);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/grid\.nope: 'nope' is not a param of model 'tiny'/);
    run = runCli('results', 'list', '--store', join(dir, 'none.duckdb'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no results store at '.*none\.duckdb' yet/);
    run = runCli('sweep', TINY_GRID, '--backend', 'queue');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--backend queue needs --redis/);
  });

  it('says a store held by another process is in use (exit 1), not an internal error', async () => {
    const path = join(dir, 'held.duckdb');
    const held = await ResultsStore.open(path);
    try {
      const run = runCli('sweep', TINY_GRID, '--store', path);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^endgame: store '.*held\.duckdb' is in use by another endgame process/);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      await held.close();
    }
  });
});

describe('--store on run, grid, sensitivity and mc', () => {
  it('records each command with its inputs; without --store nothing is written', () => {
    const store = join(dir, 'verbs.duckdb');
    const model = `${FIXTURES}/sweeps/tiny.yaml`;
    expect(
      runCli('grid', model, '--x', 'a:0:1:2', '--y', 'c:1:2:2', '--metric', 'y:last', '--store', store).status,
    ).toBe(0);
    expect(
      runCli('sensitivity', model, '--method', 'morris', '--metric', 'y:last', '--n', '4', '--store', store).status,
    ).toBe(0);
    expect(runCli('mc', model, '--runs', '20', '--seed', '5', '--series', 'y', '--store', store).status).toBe(0);
    // Twice the same run: one row (its id is the hash of its inputs).
    expect(runCli('run', 'baseline', '--format', 'json', '--out', '/dev/null', '--store', store).status).toBe(0);
    expect(runCli('run', 'baseline', '--format', 'json', '--out', '/dev/null', '--store', store).status).toBe(0);
    const list = runCli('results', 'list', '--store', store, '--format', 'json');
    const runs = JSON.parse(list.stdout) as { kind: string; name: string; seed: number | null }[];
    expect(runs.map((r) => r.kind).sort()).toEqual(['grid', 'mc', 'run', 'sensitivity']);
    expect(runs.find((r) => r.kind === 'run')?.name).toBe('baseline');
    expect(runs.find((r) => r.kind === 'mc')?.seed).toBe(5);
    const grid = runCli(
      'results',
      'query',
      "SELECT outputs->>'$.metric' AS m FROM runs WHERE kind = 'grid'",
      '--store',
      store,
      '--format',
      'csv',
    );
    expect(grid.stdout).toBe('m\ny:last\n');
    const plain = runCli('grid', model, '--x', 'a:0:1:2', '--y', 'c:1:2:2', '--metric', 'y:last');
    expect(plain.stderr).not.toMatch(/recorded/);
  });
});
