/**
 * Bench (f)'s bare worker thread: runs runBatch on whatever it is sent — no
 * pool, no chunking — to measure the machine's ceiling for the Monte Carlo
 * work. Loads the TypeScript source as piscina's workers do: require() (tsx's
 * require hook from `--import tsx`), else import() (tsx's module hooks, when
 * the main thread registered them).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

let batch;
try {
  batch = createRequire(import.meta.url)(workerData.runBatch);
} catch {
  batch = await import(pathToFileURL(workerData.runBatch).href);
}
parentPort.on('message', ({ job, samples }) => {
  const t0 = performance.now();
  batch.runBatch(job, samples, 0, samples.length / job.varied.length);
  parentPort.postMessage(performance.now() - t0);
});
