/**
 * The Web Worker runner against fake workers: each fake is the worker side
 * (attachWorkerScope) behind a real MessageChannel, so messages are
 * structured-cloned and result buffers transferred as between a page and a
 * worker. Checks numbers, one model post per worker, the need-model path,
 * failing runs, a worker that errors, cancellation and closing.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { EngineError } from '@endgame/engine';
import { describe, expect, it } from 'vitest';
import { createWebWorkerRunner, type WorkerLike } from '../src/runner-web-worker.js';
import { attachWorkerScope, type WebWorkerRequest, type WorkerScopeLike } from '../src/web-worker-protocol.js';
import { clearWorkerCache } from '../src/worker-protocol.js';
import { expectedOutput, simJob, simSamples } from './runner-fixtures.js';

/** What the fakes saw. */
interface Log {
  created: number;
  terminated: number;
  /** Requests that carried the compiled model. */
  modelPosts: number;
  requests: number;
}

/** A fake Web Worker; `mode` 'hang' never answers, 'crash' fires onerror on the first message. */
function fakeWorker(log: Log, mode: 'ok' | 'hang' | 'crash' = 'ok'): WorkerLike {
  const { port1, port2 } = new MessageChannel();
  const scope: WorkerScopeLike = {
    onmessage: null,
    postMessage: (message, transfer) => port2.postMessage(message, transfer ?? []),
  };
  attachWorkerScope(scope);
  if (mode === 'ok') port2.on('message', (data: unknown) => scope.onmessage?.({ data }));
  log.created++;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message, transfer) {
      const request = message as WebWorkerRequest;
      log.requests++;
      if (request.task.compiled !== undefined) log.modelPosts++;
      if (mode === 'crash') setTimeout(() => worker.onerror?.({ message: 'boom' }), 1);
      port1.postMessage(message, transfer ?? []);
    },
    terminate() {
      log.terminated++;
      port1.close();
      port2.close();
    },
  };
  port1.on('message', (data: unknown) => worker.onmessage?.({ data }));
  return worker;
}

/**
 * web-worker-entry.ts itself in a worker thread: a shim gives the thread a
 * browser-like scope (globalThis.onmessage / postMessage) before loading it.
 */
function threadWorker(log: Log): WorkerLike {
  const entry = fileURLToPath(new URL('../src/web-worker-entry.ts', import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const shim = new URL('./web-worker-shim.mjs', import.meta.url);
  const thread = new Worker(shim, { workerData: { entry }, execArgv: ['--import', tsx] });
  log.created++;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message, transfer) {
      log.requests++;
      if ((message as WebWorkerRequest).task.compiled !== undefined) log.modelPosts++;
      thread.postMessage(message, transfer ?? []);
    },
    terminate() {
      log.terminated++;
      void thread.terminate();
    },
  };
  thread.on('message', (data: unknown) => worker.onmessage?.({ data }));
  thread.on('error', (err: Error) => worker.onerror?.({ message: err.message }));
  return worker;
}

const newLog = (): Log => ({ created: 0, terminated: 0, modelPosts: 0, requests: 0 });

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the promise to reject');
}

describe('Web Worker runner', () => {
  it('gives the engine’s numbers, posting the model to each worker once', async () => {
    const log = newLog();
    const runner = createWebWorkerRunner(() => fakeWorker(log), 2);
    const job = simJob();
    const samples = simSamples(200);
    const done: number[] = [];
    const first = await runner.run(job, samples, { onProgress: (n) => done.push(n) });
    expect(Array.from(first)).toEqual(Array.from(expectedOutput(job, samples)));
    expect(done.at(-1)).toBe(200);
    const second = await runner.run(job, samples);
    expect(Array.from(second)).toEqual(Array.from(first));
    expect(log.created).toBe(2);
    expect(log.modelPosts).toBe(2);
    expect(log.requests).toBeGreaterThan(4);
    await runner.close();
    expect(log.terminated).toBe(2);
  });

  it('runs web-worker-entry.ts in worker threads with the same numbers', async () => {
    const log = newLog();
    const runner = createWebWorkerRunner(() => threadWorker(log), 2);
    const job = simJob();
    const samples = simSamples(60);
    const out = await runner.run(job, samples);
    expect(Array.from(out)).toEqual(Array.from(expectedOutput(job, samples)));
    const bad = Float64Array.from([0.6, Number.NaN]);
    expect((await rejection(runner.run(job, bad))).message).toBe(
      "run 1: param 'theta' set to NaN; give a finite number",
    );
    expect(log.modelPosts).toBe(2);
    await runner.close();
    expect(log.terminated).toBe(2);
  });

  it('sends the model again when a worker no longer has it', async () => {
    const log = newLog();
    const runner = createWebWorkerRunner(() => fakeWorker(log), 1);
    const samples = simSamples(10);
    await runner.run(simJob(), samples);
    expect(log.modelPosts).toBe(1);
    clearWorkerCache();
    const out = await runner.run(simJob(), samples);
    expect(Array.from(out)).toEqual(Array.from(expectedOutput(simJob(), samples)));
    expect(log.modelPosts).toBe(2);
    await runner.close();
  });

  it('rejects a failing run with the engine’s message and keeps working', async () => {
    const log = newLog();
    const runner = createWebWorkerRunner(() => fakeWorker(log), 2);
    const samples = Float64Array.from([0.6, 0.2, 0.6, 0.2, 0.6, Number.NaN]);
    const err = await rejection(runner.run(simJob(), samples));
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('bad-input');
    expect(err.message).toBe("run 3: param 'theta' set to NaN; give a finite number");
    const good = simSamples(6);
    expect(Array.from(await runner.run(simJob(), good))).toEqual(Array.from(expectedOutput(simJob(), good)));
    await runner.close();
  });

  it('fails the chunk of a worker that errors, then replaces that worker', async () => {
    const log = newLog();
    let made = 0;
    const runner = createWebWorkerRunner(() => fakeWorker(log, made++ === 0 ? 'crash' : 'ok'), 1);
    const err = await rejection(runner.run(simJob(), simSamples(3)));
    expect(err.message).toBe('a web worker failed: boom');
    expect(log.terminated).toBe(1);
    const samples = simSamples(3);
    expect(Array.from(await runner.run(simJob(), samples))).toEqual(Array.from(expectedOutput(simJob(), samples)));
    expect(log.created).toBe(2);
    await runner.close();
  });

  it('cancels: terminates the busy workers and rejects with an AbortError', async () => {
    const log = newLog();
    const runner = createWebWorkerRunner(() => fakeWorker(log, 'hang'), 2);
    const controller = new AbortController();
    const batch = runner.run(simJob(), simSamples(50), { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    const err = await rejection(batch);
    expect(err.name).toBe('AbortError');
    expect(log.terminated).toBe(2);
    await runner.close();
  });

  it('refuses batches after close and bad worker counts', async () => {
    const runner = createWebWorkerRunner(() => fakeWorker(newLog()), 1);
    await runner.close();
    expect((await rejection(runner.run(simJob(), simSamples(1)))).message).toMatch(/closed/);
    expect(() => createWebWorkerRunner(() => fakeWorker(newLog()), 0)).toThrow(/whole number ≥ 1/);
  });
});
