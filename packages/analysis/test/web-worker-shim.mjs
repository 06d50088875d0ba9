/**
 * Test shim: gives a Node worker thread a browser-like worker scope
 * (globalThis.onmessage / postMessage), then loads the file named in
 * workerData.entry (src/web-worker-entry.ts). It is required, not imported:
 * in a worker, `--import tsx` hooks require() only (as piscina loads its
 * workers), ESM hooks being registered by the main thread.
 */
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

globalThis.postMessage = (message, transfer) => parentPort.postMessage(message, transfer);
parentPort.on('message', (data) => globalThis.onmessage?.({ data }));
createRequire(import.meta.url)(workerData.entry);
