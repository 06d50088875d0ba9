/**
 * Splitting a batch into chunks for workers: a few chunks in flight per
 * worker, chunk sizes adapted to the measured time per run (small at first,
 * about {@link TARGET_CHUNK_MS} later, finer again near the end so workers
 * finish together), results copied into place as they come, progress,
 * cancellation and the first error. How chunks are split never changes the
 * numbers: each run depends only on its own sample.
 */

/** What a worker returns for one chunk. */
export interface ChunkResult {
  values: Float64Array;
  /** Milliseconds the chunk's runs took (for sizing the next chunks). */
  ms: number;
}

/** Runs rows `from`..`to` (exclusive) somewhere; `signal` fires when the batch is cancelled. */
export type DispatchChunk = (from: number, to: number, signal: AbortSignal) => Promise<ChunkResult>;

/** Options of {@link runInChunks}. */
export interface ChunkedBatch {
  runs: number;
  /** Values each run contributes to the result. */
  perRun: number;
  /** Chunks in flight at once. */
  concurrency: number;
  dispatch: DispatchChunk;
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
}

/** Wall time aimed at for one chunk, once the time per run is known. */
export const TARGET_CHUNK_MS = 100;

/** Runs in each of the first chunks, before any timing is known. */
const FIRST_CHUNK_RUNS = 4;

/** The error a cancelled batch rejects with: the signal's reason when it is an Error, else an AbortError. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  return new DOMException(
    reason === undefined ? 'the batch was cancelled' : `the batch was cancelled: ${String(reason)}`,
    'AbortError',
  );
}

/** Resolves with the batch's values (run-major, `perRun` each) or rejects on the first error or cancellation. */
export function runInChunks(batch: ChunkedBatch): Promise<Float64Array> {
  const { runs, perRun, concurrency, dispatch, onProgress, signal } = batch;
  return new Promise<Float64Array>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const out = new Float64Array(runs * perRun);
    const cancel = new AbortController();
    let next = 0;
    let done = 0;
    let timedRuns = 0;
    let timedMs = 0;
    let settled = false;
    const finish = (err?: unknown): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (err === undefined) resolve(out);
      else reject(err);
    };
    const onAbort = (): void => {
      finish(abortError(signal!));
      cancel.abort(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const chunkSize = (): number => {
      const left = runs - next;
      const balanced = Math.max(1, Math.ceil(left / (2 * concurrency)));
      if (timedRuns === 0) return Math.min(FIRST_CHUNK_RUNS, balanced);
      const msPerRun = Math.max(timedMs / timedRuns, 1e-6);
      return Math.max(1, Math.min(Math.round(TARGET_CHUNK_MS / msPerRun), balanced));
    };
    let inFlight = 0;
    const pump = (): void => {
      while (!settled && inFlight < concurrency && next < runs) {
        const from = next;
        const to = Math.min(runs, from + chunkSize());
        next = to;
        inFlight++;
        dispatch(from, to, cancel.signal).then(
          (result) => {
            inFlight--;
            if (settled) return;
            if (result.values.length !== (to - from) * perRun) {
              finish(new Error(`a worker returned ${result.values.length} values for ${to - from} runs`));
              return;
            }
            out.set(result.values, from * perRun);
            done += to - from;
            timedRuns += to - from;
            timedMs += result.ms;
            try {
              onProgress?.(done);
            } catch (err) {
              finish(err);
              return;
            }
            if (done === runs) finish();
            else pump();
          },
          (err: unknown) => {
            inFlight--;
            finish(err);
          },
        );
      }
    };
    if (runs === 0) finish();
    else pump();
  });
}
