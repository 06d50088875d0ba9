/**
 * A process killed (SIGKILL) while writing leaves the store readable and
 * loses at most the transaction in flight; a second process cannot write a
 * store another process holds.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { ResultsStore } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'endgame-store-crash-'));
const fixture = fileURLToPath(new URL('./fixtures/write-loop.ts', import.meta.url));
const children: number[] = [];
afterAll(() => {
  for (const pid of children) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

it('survives SIGKILL mid-write: every committed batch is there, whole, and nothing half-written', async () => {
  const path = join(dir, 'crash.duckdb');
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, path], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child.pid as number);
  let lastCommitted = -1;
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // 'close' comes after the last stdout data, so lastCommitted is final by then.
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) lastCommitted = Number(line.replace('committed ', ''));
      if (lastCommitted >= 25) resolve();
      // keeps counting after resolve: the writer commits until it is killed
    });
    child.on('exit', () => reject(new Error(`writer exited early: ${stderr}`)));
  });
  // While the writer holds the file, another writer gets a clear error.
  await expect(ResultsStore.open(path)).rejects.toThrow(/in use by another endgame process/);
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const store = await ResultsStore.open(path);
  const { rows } = await store.query(
    `SELECT count(*) AS n, count(DISTINCT job_id) AS distinct_jobs, max(idx) AS last FROM jobs`,
  );
  const [n, distinct] = rows[0].map(Number);
  // Batches are 20 jobs; the one in flight when killed is either all there or absent.
  expect(n % 20).toBe(0);
  expect(distinct).toBe(n);
  expect(n / 20).toBeGreaterThanOrEqual(lastCommitted + 1);
  expect(n / 20).toBeLessThanOrEqual(lastCommitted + 2);
  const perBatch = await store.query(
    `SELECT count(*) FROM jobs GROUP BY CAST(params->>'$.x' AS INTEGER) HAVING count(*) <> 20`,
  );
  expect(perBatch.rows).toEqual([]);
  await store.close();
});
