/**
 * The page's side of the model worker: promises for runs and Monte Carlo,
 * with progress callbacks and cancellation.
 */
import type { FanPercentiles, RunReply, WorkerReply, WorkerRequest } from './protocol.js';

type Ready = Extract<WorkerReply, { type: 'ready' }>;

/** The id of the start request (runs count from 1). */
const INIT_ID = 0;
/** The message a cancelled Monte Carlo rejects with. */
export const CANCELLED = 'cancelled';

/** The fan result: months and percentiles per series. */
export interface FanResult {
  time: string[];
  percentiles: Record<string, FanPercentiles>;
  runs: number;
}

interface Waiting {
  resolve(reply: WorkerReply): void;
  reject(err: Error): void;
  onProgress?: (done: number, runs: number) => void;
}

/** A connection to one model worker. */
export interface ModelClient {
  ready: Promise<Ready>;
  run(request: Omit<Extract<WorkerRequest, { type: 'run' }>, 'type' | 'id'>): Promise<RunReply>;
  monteCarlo(
    request: Omit<Extract<WorkerRequest, { type: 'mc' }>, 'type' | 'id'>,
    onProgress: (done: number, runs: number) => void,
  ): { result: Promise<FanResult>; cancel(): void };
}

/** Starts the model worker and returns its client. */
export function createModelClient(): ModelClient {
  const worker = new Worker(new URL('./model-worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  let onReady: (ready: Ready) => void = () => {};
  let onFail: (err: Error) => void = () => {};
  const ready = new Promise<Ready>((resolve, reject) => {
    onReady = resolve;
    onFail = reject;
  });
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    if (reply.type === 'ready') return onReady(reply);
    if (reply.type === 'error' && reply.id === INIT_ID) return onFail(new Error(reply.message));
    const entry = waiting.get(reply.id);
    if (!entry) return;
    if (reply.type === 'mc-progress') return entry.onProgress?.(reply.done, reply.runs);
    waiting.delete(reply.id);
    if (reply.type === 'error') entry.reject(new Error(reply.message));
    else if (reply.type === 'mc-error') entry.reject(new Error(reply.cancelled ? CANCELLED : reply.message));
    else entry.resolve(reply);
  };
  worker.onerror = (event) => onFail(new Error(`the model worker failed to start: ${event.message}`));
  worker.postMessage({ type: 'init' } satisfies WorkerRequest);

  const ask = (request: WorkerRequest & { id: number }, onProgress?: Waiting['onProgress']) =>
    new Promise<WorkerReply>((resolve, reject) => {
      waiting.set(request.id, { resolve, reject, onProgress });
      worker.postMessage(request);
    });

  return {
    ready,
    async run(request) {
      return (await ask({ type: 'run', id: nextId++, ...request })) as RunReply;
    },
    monteCarlo(request, onProgress) {
      const id = nextId++;
      const result = ask({ type: 'mc', id, ...request }, onProgress).then((reply) => {
        const done = reply as Extract<WorkerReply, { type: 'mc-done' }>;
        return { time: done.time, percentiles: done.percentiles, runs: done.runs };
      });
      return { result, cancel: () => worker.postMessage({ type: 'mc-cancel', id } satisfies WorkerRequest) };
    },
  };
}
