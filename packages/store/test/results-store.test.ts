import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash, ResultsStore, type RunRecord, stableJson } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'endgame-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sweepRun(id: string): RunRecord {
  return {
    id,
    kind: 'sweep',
    name: 'tiny',
    version: '0.1.0',
    modelHash: 'ab'.repeat(32),
    scenario: { name: 'tiny', set: { a: 1 } },
    params: { x: { from: 0, to: 1 } },
    seed: 7,
    inputs: { metrics: ['y:last'] },
    status: 'running',
  };
}

describe('stableJson / contentHash', () => {
  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string())), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(stableJson(reversed)).toBe(stableJson(record));
        expect(contentHash(reversed)).toBe(contentHash(record));
      }),
    );
  });

  it('tells different values apart', () => {
    expect(contentHash({ x: 1 })).not.toBe(contentHash({ x: 2 }));
    expect(contentHash({ x: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('ResultsStore', () => {
  it('creates its folder, records a run and finds it by prefix', async () => {
    const path = join(dir, 'nested', 'folder', 'a.duckdb');
    const store = await ResultsStore.open(path);
    const id = 'abcd'.repeat(16);
    await store.recordRun(sweepRun(id));
    const found = await store.findRun('abcd');
    expect(found).toMatchObject({ id, kind: 'sweep', name: 'tiny', seed: 7, status: 'running', jobs: 0 });
    expect(found.scenario).toEqual({ name: 'tiny', set: { a: 1 } });
    await store.setRunStatus(id, 'done', { ok: 2, failed: 1 });
    expect((await store.findRun(id)).outputs).toEqual({ ok: 2, failed: 1 });
    await store.close();
  });

  it('keeps one row per job when a job is recorded twice (upsert)', async () => {
    const store = await ResultsStore.open(join(dir, 'b.duckdb'));
    const runId = 'beef'.repeat(16);
    await store.recordRun(sweepRun(runId));
    const job = { runId, jobId: 'j1', index: 0, params: { x: 0.5 }, status: 'ok' as const, metrics: { 'y:last': 1.5 } };
    await store.upsertJobs([
      job,
      { ...job, jobId: 'j2', index: 1, status: 'failed', error: 'boom', metrics: undefined },
    ]);
    await store.upsertJobs([{ ...job, metrics: { 'y:last': 2.5 } }]);
    const jobs = await store.jobs(runId);
    expect(jobs.map((j) => [j.jobId, j.status, j.metrics?.['y:last'] ?? null, j.error ?? null])).toEqual([
      ['j1', 'ok', 2.5, null],
      ['j2', 'failed', null, 'boom'],
    ]);
    expect(await store.finishedJobIds(runId)).toEqual(new Set(['j1', 'j2']));
    expect((await store.findRun(runId)).failed).toBe(1);
    await store.close();
  });

  it("counts a sweep's jobs and failures in the database and lists the first failures in design order", async () => {
    const store = await ResultsStore.open(join(dir, 'e.duckdb'));
    const runId = 'face'.repeat(16);
    const job = (index: number, failed: boolean) => ({
      runId,
      jobId: `j${index}`,
      index,
      params: { x: index },
      status: failed ? ('failed' as const) : ('ok' as const),
      ...(failed ? { error: `boom ${index}` } : { metrics: { m: index } }),
    });
    // Jobs 3, 5, 6 and 8 fail, recorded out of design order.
    await store.upsertJobs([8, 2, 6, 0, 5, 1, 3, 7].map((i) => job(i, [3, 5, 6, 8].includes(i))));
    expect(await store.jobCounts(runId, 2)).toEqual({
      jobs: 8,
      failed: 4,
      failures: [
        { index: 3, error: 'boom 3' },
        { index: 5, error: 'boom 5' },
      ],
    });
    expect((await store.jobCounts(runId, 10)).failures.map((f) => f.index)).toEqual([3, 5, 6, 8]);
    await store.close();
  });

  it('stores non-finite metrics as null', async () => {
    const store = await ResultsStore.open(join(dir, 'c.duckdb'));
    const runId = 'cafe'.repeat(16);
    await store.upsertJobs([
      { runId, jobId: 'j', index: 0, params: { x: 1 }, status: 'ok', metrics: { m: Number.NaN } },
    ]);
    expect((await store.jobs(runId))[0].metrics).toEqual({ m: null });
    await store.close();
  });

  it('answers SQL and exports a sweep as a flat Parquet table', async () => {
    const path = join(dir, 'd.duckdb');
    const store = await ResultsStore.open(path);
    const runId = 'dead'.repeat(16);
    await store.recordRun(sweepRun(runId));
    await store.upsertJobs(
      [0, 1, 2].map((i) => ({
        runId,
        jobId: `j${i}`,
        index: i,
        params: { x: i / 2 },
        status: 'ok' as const,
        metrics: { 'y:last': i * 10 },
      })),
    );
    const sum = await store.query(`SELECT sum(CAST(metrics->>'$."y:last"' AS DOUBLE)) AS total FROM jobs`);
    expect(sum).toEqual({ columns: ['total'], rows: [[30]] });
    const file = join(dir, 'sweep.parquet');
    expect(await store.exportParquet(file, 'dead')).toBe(3);
    const back = await store.query(`SELECT idx, x, "y:last" FROM read_parquet('${file}') ORDER BY idx`);
    expect(back.rows).toEqual([
      [0, 0, 0],
      [1, 0.5, 10],
      [2, 1, 20],
    ]);
    await store.close();
  });

  it('explains unknown ids, bad ids and bad SQL in one line', async () => {
    const store = await ResultsStore.open(join(dir, 'e.duckdb'));
    await expect(store.findRun('0123')).rejects.toThrow(/no run '0123' in store/);
    await expect(store.findRun('xyz')).rejects.toThrow(/bad run id 'xyz'/);
    await expect(store.query('SELEC 1')).rejects.toThrow(/^store '.*e\.duckdb': Parser Error/);
    await store.close();
  });
});
